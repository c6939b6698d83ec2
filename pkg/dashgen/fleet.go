package dashgen

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/frames"
)

// fleetHealthFields picks the summary ("4 of 5 healthy") of the health
// query's fleet view: a stat matches fields by their display name.
var fleetHealthFields = "/^" + regexp.QuoteMeta(display(frames.FleetHealth, frames.FieldSummary)) + "$/"

// combinedFields picks the series the fleet view combined, whose names end
// in their aggregation ("redis response time (max of instances)"): the
// health fleet view also answers its summary frames, which a panel of
// dependency figures leaves out.
var combinedFields = func() string {
	var labels []string
	for _, a := range []fleet.Aggregation{fleet.Sum, fleet.Mean, fleet.Max, fleet.Min} {
		labels = append(labels, regexp.QuoteMeta(a.Label()))
	}
	return "/(" + strings.Join(labels, "|") + ")/"
}()

// display is the display name a frame of the contract gives a field.
func display(spec frames.FrameSpec, field string) string {
	for _, f := range spec.Fields {
		if f.Name == field {
			return f.Display
		}
	}
	panic("pkg/frames has no field " + field + " in " + spec.Name)
}

// Fleet makes the fleet version of a definition: the AppMon data source
// with the fleet view for stats, gauges and bar gauges (one number for the
// fleet, its aggregation named in the description), one line per instance
// in graphs, and a "Fleet health" stat on top.
func Fleet(def Definition) (object, error) {
	d := fleetVariant.retitle(def)
	for _, p := range panels(d) {
		if err := fleetPanel(p); err != nil {
			return nil, fmt.Errorf("dashboards/%s.json: panel %q: %w", def.Name, str(p, "title"), err)
		}
	}
	addOnTop(d, fleetHealth())
	return d, nil
}

func fleetPanel(p object) error {
	targets := objects(p, "targets")
	if str(p, "type") == "row" || len(targets) == 0 {
		return nil
	}
	defaults := child(child(p, "fieldConfig"), "defaults")
	for _, t := range targets {
		if str(t, "queryType") == "metrics" && str(t, "endpoint") == "" {
			// Per-endpoint series would multiply the lines by the endpoints.
			t["endpoint"] = "overall"
		}
	}
	switch kind(str(p, "type")) {
	case "number":
		var notes []string
		for _, t := range targets {
			t["fleetView"] = "fleet"
			if q := str(t, "queryType"); q == "health" || q == "uptime" {
				child(child(p, "options"), "reduceOptions")["fields"] = combinedFields
			}
			metric := str(t, "metricName")
			if note := fleetNote(aggregation(metric, str(defaults, "unit")), metric); !slices.Contains(notes, note) {
				notes = append(notes, note)
			}
		}
		addSentence(p, strings.Join(notes, " "))
	case "series":
		var metrics []string
		for _, t := range targets {
			t["fleetView"] = "instances"
			metrics = append(metrics, str(t, "metricName"))
		}
		nameLinesByInstance(p, targets, seriesNames(metrics))
		addSentence(p, "One line per instance.")
	default:
		return fmt.Errorf("no fleet version for %q panels yet", str(p, "type"))
	}
	return nil
}

// nameLinesByInstance names each line by its instance label. The data
// source names a series after its metric, which would give every
// instance's line the same name, so a transformation renames each field
// to its instance (a data source over one instance sends no instance
// label: its line keeps the metric's name). With several metrics, each
// query's lines get the metric's short name in front ("p95 host:port").
func nameLinesByInstance(p object, targets []object, names []string) {
	transformations, _ := p["transformations"].([]any)
	p["transformations"] = append(transformations, object{"id": "labelsToFields", "options": object{
		"mode": "columns", "valueLabel": "instance", "keepLabels": []any{"instance"},
	}})
	if len(targets) < 2 {
		return
	}
	fc := child(p, "fieldConfig")
	overrides, _ := fc["overrides"].([]any)
	for i, t := range targets {
		overrides = append(overrides, object{
			"matcher":    object{"id": "byFrameRefID", "options": str(t, "refId")},
			"properties": []any{object{"id": "displayName", "value": names[i] + " ${__field.name}"}},
		})
	}
	fc["overrides"] = overrides
}

// fleetHealth is a stat of the health query's fleet summary ("4 of 5
// healthy"): green when every instance is healthy, red when none is,
// orange in between.
func fleetHealth() object {
	ds := object{"type": "appmon-endpoints-datasource", "uid": "${datasource}"}
	return object{
		"type":        "stat",
		"title":       "Fleet health",
		"description": "How many instances report themselves healthy on their health check; an instance that does not answer counts as unhealthy.",
		"datasource":  ds,
		"targets":     []any{object{"refId": "A", "datasource": ds, "queryType": "health", "fleetView": "fleet"}},
		"fieldConfig": object{
			"defaults": object{
				"unit":  "none",
				"color": object{"mode": "fixed", "fixedColor": "text"},
				"mappings": []any{
					regexColor(`/^(\d+) of \1 healthy$/`, "green", 0),
					regexColor(`/^0 of /`, "red", 1),
					regexColor(`/ of /`, "orange", 2),
				},
			},
			"overrides": []any{},
		},
		"options": summaryStatOptions(fleetHealthFields),
	}
}

// regexColor colours a text value that matches pattern.
func regexColor(pattern, color string, index int) object {
	return object{"type": "regex", "options": object{"pattern": pattern, "result": object{"color": color, "index": index}}}
}
