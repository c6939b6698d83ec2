package dashgen

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/appmon/monitoring/pkg/fleet"
)

// variant is what tells one generated version of a dashboard apart.
type variant struct {
	dir   string // folder under dashboards/ and uid suffix: fleet, prometheus
	title string // added to the definition's title: "(fleet)"
	tag   string // shared by every dashboard of this version
	about string // added to the definition's description
}

var (
	fleetVariant = variant{dir: "fleet", title: "(fleet)", tag: "appmon-fleet",
		about: "Fleet version: stats combine every instance of the data source, graphs draw one line per instance; whole-application series only, not per endpoint."}
	prometheusVariant = variant{dir: "prometheus", title: "(Prometheus)", tag: "appmon-prometheus",
		about: "Prometheus version: reads the metrics a Prometheus scrapes from every instance's metrics endpoint (?format=prometheus); whole-application series only, not per endpoint."}
)

// retitle gives a copy of the definition the version's uid, title, tags,
// description and links: a menu of the same version's dashboards, and a
// menu of this dashboard's other versions.
func (v variant) retitle(def Definition) object {
	d := clone(def.Dashboard)
	d["uid"] = str(d, "uid") + "-" + v.dir
	d["title"] = str(d, "title") + " " + v.title
	d["description"] = strings.TrimSpace(str(d, "description") + " " + v.about)
	tags := []any{v.tag}
	defTags, _ := d["tags"].([]any)
	for _, t := range defTags {
		if t != "appmon" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	if family := def.family(); !slices.Contains(tags, any(family)) {
		tags = append(tags, family)
	}
	d["tags"] = tags
	setObjects(d, "links", []object{
		tagMenu("AppMon "+strings.Trim(v.title, "()")+" dashboards", v.tag),
		tagMenu("Other versions of this dashboard", def.family()),
	})
	return d
}

// family is the tag every version of a dashboard carries, the
// definition's uid (appmon-system): the definition links to its versions
// with a menu of it, and each version back.
func (def Definition) family() string { return str(def.Dashboard, "uid") }

// tagMenu is a dashboard link listing the dashboards with one tag.
func tagMenu(title, tag string) object {
	return object{
		"title": title, "type": "dashboards", "tags": []any{tag}, "asDropdown": true,
		"includeVars": false, "keepTime": true, "icon": "external link", "targetBlank": false,
		"tooltip": "",
	}
}

// aggregation is how a target's metric combines across instances. The
// panel's unit stands in for the endpoint's unit, which the definition
// does not repeat.
func aggregation(metric, grafanaUnit string) fleet.Aggregation {
	unit := map[string]string{"percent": "%", "ms": "ms", "s": "s"}[grafanaUnit]
	return fleet.AggregationOf(metric, unit)
}

var percentile = regexp.MustCompile(`(^|[._])p\d+$`)

// fleetNote says in a panel's description how its number combines the
// instances.
func fleetNote(agg fleet.Aggregation, metric string) string {
	note := "Fleet: " + agg.Label()
	switch {
	case agg == fleet.Max && percentile.MatchString(metric):
		note += " (percentiles cannot be merged exactly, so this is the slowest instance)"
	case agg == fleet.Max || agg == fleet.Min:
		note += " (the worst instance)"
	}
	return note + "."
}

// addSentence appends a sentence to a panel's one-line description.
func addSentence(p object, sentence string) {
	p["description"] = strings.TrimSpace(str(p, "description") + " " + sentence)
}

// seriesNames tells a panel's metrics apart in a legend by what differs
// between their names: p50/p95/p99 for api.response_time.p50/p95/p99,
// rx_bytes_rate/tx_bytes_rate for system.network.*. A single metric needs
// no name (the legend shows only the instance).
func seriesNames(metrics []string) []string {
	out := make([]string, len(metrics))
	if len(metrics) < 2 {
		return out
	}
	prefix := metrics[0]
	for _, m := range metrics[1:] {
		for !strings.HasPrefix(m, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	prefix = prefix[:strings.LastIndexByte(prefix, '.')+1] // whole name segments only
	for i, m := range metrics {
		out[i] = strings.TrimPrefix(m, prefix)
	}
	return out
}

// kind sorts panels by how a fleet shows them.
func kind(panelType string) string {
	switch panelType {
	case "stat", "gauge", "bargauge":
		return "number"
	case "timeseries":
		return "series"
	}
	return panelType
}

// topHeight is the grid rows of the summary stat a version puts on top;
// every panel of the definition moves down by as much.
const topHeight = 3

// addOnTop puts a full-width panel above every panel of the definition.
func addOnTop(d object, panel object) {
	maxID := 0.0
	for _, p := range panels(d) {
		maxID = max(maxID, number(p, "id"))
		pos := child(p, "gridPos")
		pos["y"] = json.Number(fmt.Sprint(number(pos, "y") + topHeight))
	}
	panel["id"] = json.Number(fmt.Sprint(maxID + 1))
	panel["gridPos"] = object{"h": topHeight, "w": 24, "x": 0, "y": 0}
	d["panels"] = append([]any{panel}, d["panels"].([]any)...)
}

// summaryStatOptions show the fields a regex picks as large centred text.
func summaryStatOptions(fields string) object {
	return object{
		"reduceOptions":     object{"calcs": []any{"lastNotNull"}, "fields": fields, "values": false},
		"colorMode":         "background",
		"graphMode":         "none",
		"justifyMode":       "center",
		"textMode":          "value",
		"orientation":       "auto",
		"wideLayout":        true,
		"showPercentChange": false,
	}
}
