package frames

import (
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frames of the fleet view (a data source over several instances).
const (
	FrameFleetHealth     = "fleet_health"
	FrameFleetComponents = "fleet_components"
	FrameFleetUptime     = "fleet_uptime"
)

// Field names of the fleet frames.
const (
	FieldHealthyInstances = "healthy_instances"
	FieldUpInstances      = "up_instances"
	FieldTotalInstances   = "total_instances"
	FieldSummary          = "summary"
)

var (
	totalInstancesField = FieldSpec{FieldTotalInstances, data.FieldTypeInt64, "Instances", "none"}
	healthyField        = FieldSpec{FieldHealthyInstances, data.FieldTypeInt64, "Healthy instances", "none"}
)

// FleetHealth is "fleet_health": one row, "4 of 5 healthy". An instance
// that did not answer counts as not healthy.
var FleetHealth = FrameSpec{FrameFleetHealth, []FieldSpec{
	healthyField, totalInstancesField,
	{FieldSummary, str, "Fleet health", ""},
}}

// FleetComponents is "fleet_components": per dependency, the instances
// that report it healthy ("redis healthy in 4 of 5").
var FleetComponents = FrameSpec{FrameFleetComponents, []FieldSpec{
	{FieldService, str, "Service", ""},
	healthyField, totalInstancesField,
	{FieldSummary, str, "Healthy in", ""},
}}

// FleetUptime is "fleet_uptime": one row, "4 of 5 up".
var FleetUptime = FrameSpec{FrameFleetUptime, []FieldSpec{
	{FieldUpInstances, data.FieldTypeInt64, "Instances up", "none"},
	totalInstancesField,
	{FieldSummary, str, "Fleet uptime", ""},
}}

// FleetHealthFrame builds "fleet_health".
func FleetHealthFrame(healthy, total int) *data.Frame {
	return build(FleetHealth, []int64{int64(healthy)}, []int64{int64(total)},
		[]string{fmt.Sprintf("%d of %d healthy", healthy, total)})
}

// ComponentHealth is one dependency across the fleet.
type ComponentHealth struct {
	Service        string
	Healthy, Total int
}

// FleetComponentsFrame builds "fleet_components", one row per dependency.
func FleetComponentsFrame(cs []ComponentHealth) *data.Frame {
	names, summaries := make([]string, len(cs)), make([]string, len(cs))
	healthy, total := make([]int64, len(cs)), make([]int64, len(cs))
	for i, c := range cs {
		names[i], healthy[i], total[i] = c.Service, int64(c.Healthy), int64(c.Total)
		summaries[i] = fmt.Sprintf("%s healthy in %d of %d", c.Service, c.Healthy, c.Total)
	}
	return build(FleetComponents, names, healthy, total, summaries)
}

// FleetUptimeFrame builds "fleet_uptime".
func FleetUptimeFrame(up, total int) *data.Frame {
	return build(FleetUptime, []int64{int64(up)}, []int64{int64(total)},
		[]string{fmt.Sprintf("%d of %d up", up, total)})
}
