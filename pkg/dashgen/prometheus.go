package dashgen

import (
	"fmt"
	"slices"
	"strings"
)

// inventoryMetric lists the jobs and instances for the variables: every
// instance of the application reports its request rate.
var inventoryMetric = MetricName("api.requests.rate")

var promDatasource = object{"type": "prometheus", "uid": "${datasource}"}

// Prometheus makes the Prometheus version of a definition: the same
// panels, units, thresholds and descriptions, each AppMon target turned
// into PromQL over the instances the job and instance variables select.
func Prometheus(def Definition) (object, error) {
	d := prometheusVariant.retitle(def)
	for _, p := range panels(d) {
		if err := prometheusPanel(p); err != nil {
			return nil, fmt.Errorf("dashboards/%s.json: panel %q: %w", def.Name, str(p, "title"), err)
		}
	}
	setObjects(child(d, "templating"), "list", []object{
		{"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus",
			"hide": 0, "refresh": 1, "regex": "", "options": []any{},
			// provisioning/datasources/prometheus.yaml; Grafana falls back to
			// the default Prometheus where there is none.
			"current": object{"text": "Prometheus (AppMon)", "value": "appmon-prometheus"}},
		labelVariable("job", "Job", inventoryMetric),
		labelVariable("instance", "Instance", inventoryMetric+`{job=~"$job"}`),
	})
	addOnTop(d, instancesUp())
	// AppMon's alert annotations need the AppMon data source; keep Grafana's own.
	annotations := child(d, "annotations")
	setObjects(annotations, "list", slices.DeleteFunc(objects(annotations, "list"), func(a object) bool {
		return str(child(a, "datasource"), "type") == "appmon-endpoints-datasource"
	}))
	return d, nil
}

// labelVariable lists the values of one label of the series matching
// selector, several at once or all of them.
func labelVariable(name, label, selector string) object {
	query := fmt.Sprintf("label_values(%s, %s)", selector, name)
	return object{
		"name": name, "label": label, "type": "query", "datasource": promDatasource,
		"query":      object{"qryType": 1, "query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery"},
		"definition": query, "refresh": 2, "sort": 1, "hide": 0, "regex": "",
		"multi": true, "includeAll": true, "allValue": AllValue,
		"current": object{"text": []any{"All"}, "value": []any{"$__all"}}, "options": []any{},
	}
}

func prometheusPanel(p object) error {
	targets := objects(p, "targets")
	if str(p, "type") == "row" || len(targets) == 0 {
		return nil
	}
	p["datasource"] = promDatasource
	defaults := child(child(p, "fieldConfig"), "defaults")
	var metrics []string
	for _, t := range targets {
		metrics = append(metrics, str(t, "metricName"))
	}
	names := seriesNames(metrics)
	var out []object
	var notes []string
	for i, t := range targets {
		switch str(t, "queryType") {
		case "metrics":
		case "health":
			upByInstance(p)
			return nil
		default:
			return fmt.Errorf("the %s query has no Prometheus metric", str(t, "queryType"))
		}
		sel, err := selector(metrics[i], str(t, "endpoint"))
		if err != nil {
			return err
		}
		q := object{"refId": str(t, "refId"), "datasource": promDatasource, "editorMode": "code", "range": true}
		switch kind(str(p, "type")) {
		case "number":
			agg := aggregation(metrics[i], str(defaults, "unit"))
			q["expr"], q["legendFormat"] = fleetExpr(agg, sel), agg.Label()
			if note := fleetNote(agg, metrics[i]); !slices.Contains(notes, note) {
				notes = append(notes, note)
			}
		case "series":
			q["expr"], q["legendFormat"] = sel, legend(names[i])
		default:
			return fmt.Errorf("no Prometheus version for %q panels yet", str(p, "type"))
		}
		out = append(out, q)
	}
	if kind(str(p, "type")) == "series" {
		notes = append(notes, "One line per instance.")
	}
	addSentence(p, strings.Join(notes, " "))
	setObjects(p, "targets", out)
	return nil
}

func legend(name string) string {
	if name == "" {
		return "{{instance}}"
	}
	return name + " {{instance}}"
}

// instancesUp is the Prometheus version's summary on top, where the fleet
// version has its fleet health: how many of the scraped instances answered.
func instancesUp() object {
	target := func(refID, expr, legend string) object {
		return object{"refId": refID, "datasource": promDatasource, "editorMode": "code", "range": true,
			"expr": expr, "legendFormat": legend}
	}
	options := summaryStatOptions("")
	options["textMode"], options["colorMode"] = "value_and_name", "none"
	return object{
		"type":        "stat",
		"title":       "Instances up",
		"description": "Instances whose metrics endpoint answered Prometheus's last scrape, and all the instances Prometheus scrapes for the selected jobs.",
		"datasource":  promDatasource,
		"targets": []any{
			target("A", "sum("+upExpr+")", "up"),
			target("B", "count("+upExpr+")", "scraped"),
		},
		"fieldConfig": object{"defaults": object{"unit": "none", "decimals": 0, "color": object{"mode": "fixed", "fixedColor": "text"}}, "overrides": []any{}},
		"options":     options,
	}
}

// upByInstance replaces a panel of the health query, which has no
// Prometheus metric, with whether Prometheus reached each instance.
func upByInstance(p object) {
	p["title"] = "Up, per instance"
	p["description"] = "Whether Prometheus reached each instance's metrics endpoint on its last scrape. Dependency health has no Prometheus metric: the AppMon data source shows it (the other versions of this dashboard)."
	setObjects(p, "targets", []object{{"refId": "A", "datasource": promDatasource, "editorMode": "code",
		"range": true, "expr": upExpr, "legendFormat": "{{instance}}"}})
	p["fieldConfig"] = object{
		"defaults": object{
			"unit": "none", "min": 0, "max": 1, "decimals": 0,
			"color": object{"mode": "thresholds"},
			"thresholds": object{"mode": "absolute", "steps": []any{
				object{"color": "red", "value": nil}, object{"color": "green", "value": 1},
			}},
			"mappings": []any{object{"type": "value", "options": object{
				"0": object{"text": "down", "color": "red", "index": 0},
				"1": object{"text": "up", "color": "green", "index": 1},
			}}},
		},
		"overrides": []any{},
	}
}
