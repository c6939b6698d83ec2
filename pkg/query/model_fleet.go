package query

import "strings"

// Fleet views: how a data source over several instances of the application
// answers.
const (
	// FleetInstances gives one series per instance, each labelled
	// instance="host:port".
	FleetInstances = "instances"
	// FleetView combines the instances into the fleet's figures.
	FleetView = "fleet"
)

// FleetOptions are read by every query type.
type FleetOptions struct {
	// FleetView is instances (default: one series per instance, labelled
	// with the instance) or fleet (the instances combined: sums for counts
	// and rates, means for shares, the worst instance for percentiles,
	// "N of M healthy" for health).
	FleetView string `json:"fleetView,omitempty" jsonschema:"enum=instances,enum=fleet"`
}

func parseFleetView(q *Query) error {
	v := strings.ToLower(strings.TrimSpace(q.Model.FleetView))
	switch v {
	case "":
		v = FleetInstances
	case FleetInstances, FleetView:
	default:
		return badQueryf("unknown fleet view %q: use instances (one series per instance) or fleet (the instances combined)", q.Model.FleetView)
	}
	q.FleetView = v
	return nil
}
