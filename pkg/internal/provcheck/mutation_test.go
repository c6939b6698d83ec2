package provcheck

import (
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Planted mistakes: each is applied to an in-memory copy of a real
// repository file, and the checker must report it (the message must
// contain want). Together they show that every level of the strict
// decoding is really checked.

type obj = map[string]any

// panelOf finds the first panel of a type, rows included.
func panelOf(t *testing.T, d obj, typ string) obj {
	t.Helper()
	var find func(ps []any) obj
	find = func(ps []any) obj {
		for _, raw := range ps {
			p := raw.(obj)
			if p["type"] == typ {
				return p
			}
			if inner, ok := p["panels"].([]any); ok {
				if found := find(inner); found != nil {
					return found
				}
			}
		}
		return nil
	}
	p := find(d["panels"].([]any))
	if p == nil {
		t.Fatalf("the dashboard has no %s panel to plant a mistake in", typ)
	}
	return p
}

func sub(m obj, keys ...string) obj {
	for _, k := range keys {
		m = m[k].(obj)
	}
	return m
}

func firstTarget(p obj) obj { return p["targets"].([]any)[0].(obj) }

// rename moves a key, failing the test if it is not there.
func rename(t *testing.T, m obj, from, to string) {
	t.Helper()
	v, ok := m[from]
	if !ok {
		t.Fatalf("no key %q to misspell (keys: %v)", from, keysOf(m))
	}
	delete(m, from)
	m[to] = v
}

func keysOf(m obj) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDashboardMutationsAreCaught(t *testing.T) {
	c := newRepoChecker(t)
	cases := []struct {
		name, file, want string
		plant            func(t *testing.T, d obj)
	}{
		{"misspelt dashboard key", "application.json", "unexpected field 'refrsh'",
			func(t *testing.T, d obj) { rename(t, d, "refresh", "refrsh") }},
		{"misspelt panel key", "application.json", "unexpected field 'descripton'",
			func(t *testing.T, d obj) { rename(t, panelOf(t, d, "stat"), "description", "descripton") }},
		{"misspelt fieldConfig.defaults key", "application.json", "unexpected field 'units'",
			func(t *testing.T, d obj) {
				rename(t, sub(panelOf(t, d, "stat"), "fieldConfig", "defaults"), "unit", "units")
			}},
		{"misspelt custom field option", "application.json", "unexpected field 'lineWidht'",
			func(t *testing.T, d obj) {
				rename(t, sub(panelOf(t, d, "timeseries"), "fieldConfig", "defaults", "custom"), "lineWidth", "lineWidht")
			}},
		{"misspelt timeseries option", "application.json", "unexpected field 'legnd'",
			func(t *testing.T, d obj) { rename(t, sub(panelOf(t, d, "timeseries"), "options"), "legend", "legnd") }},
		{"misspelt stat option", "application.json", "unexpected field 'colourMode'",
			func(t *testing.T, d obj) { rename(t, sub(panelOf(t, d, "stat"), "options"), "colorMode", "colourMode") }},
		{"misspelt nested option", "application.json", "unexpected field 'calc'",
			func(t *testing.T, d obj) {
				rename(t, sub(panelOf(t, d, "stat"), "options", "reduceOptions"), "calcs", "calc")
			}},
		{"misspelt AppMon panel option", "executive.json", "unexpected option 'layuot'",
			func(t *testing.T, d obj) {
				rename(t, sub(panelOf(t, d, "appmon-slacompliance-panel"), "options"), "layout", "layuot")
			}},
		{"misspelt AppMon target key", "application.json", `unknown field "metricname"`,
			func(t *testing.T, d obj) {
				rename(t, firstTarget(panelOf(t, d, "timeseries")), "metricName", "metricname")
			}},
		{"wrong type: grid width as text", "application.json", "gridPos.w: must be a number, not text",
			func(t *testing.T, d obj) { sub(panelOf(t, d, "stat"), "gridPos")["w"] = "6" }},
		{"wrong type: decimals as text", "application.json", "decimals: must be a number, not text",
			func(t *testing.T, d obj) { sub(panelOf(t, d, "stat"), "fieldConfig", "defaults")["decimals"] = "two" }},
		{"wrong type: AppMon boolean option as text", "operations.json", "showContact: must be true or false",
			func(t *testing.T, d obj) {
				sub(panelOf(t, d, "appmon-oncallstatus-panel"), "options")["showContact"] = "yes"
			}},
		{"bad enum: stat colour mode", "application.json", `"rainbow" is not one of`,
			func(t *testing.T, d obj) { sub(panelOf(t, d, "stat"), "options")["colorMode"] = "rainbow" }},
		{"bad enum: draw style", "application.json", `"dots" is not one of`,
			func(t *testing.T, d obj) {
				sub(panelOf(t, d, "timeseries"), "fieldConfig", "defaults", "custom")["drawStyle"] = "dots"
			}},
		{"bad enum: thresholds mode", "application.json", `"relative" is not one of`,
			func(t *testing.T, d obj) {
				sub(panelOf(t, d, "timeseries"), "fieldConfig", "defaults", "thresholds")["mode"] = "relative"
			}},
		{"bad enum: legend placement", "application.json", `"top" is not one of`,
			func(t *testing.T, d obj) { sub(panelOf(t, d, "timeseries"), "options", "legend")["placement"] = "top" }},
		{"bad enum: AppMon radio option", "executive.json", `"tiny" is not one of`,
			func(t *testing.T, d obj) {
				sub(panelOf(t, d, "appmon-slacompliance-panel"), "options")["layout"] = "tiny"
			}},
		{"bad enum: AppMon query type", "application.json", `queryType "metric" is not one of`,
			func(t *testing.T, d obj) { firstTarget(panelOf(t, d, "timeseries"))["queryType"] = "metric" }},
		{"bad enum: AppMon fleet view", "fleet/system.json", `fleetView "fleets" is not one of`,
			func(t *testing.T, d obj) { firstTarget(panelOf(t, d, "gauge"))["fleetView"] = "fleets" }},
		{"misspelt Prometheus target key", "prometheus/system.json", "unexpected field 'legend'",
			func(t *testing.T, d obj) {
				rename(t, firstTarget(panelOf(t, d, "timeseries")), "legendFormat", "legend")
			}},
		{"wrong type: Prometheus variable option as text", "prometheus/system.json", "includeAll: must be true or false",
			func(t *testing.T, d obj) { sub(d, "templating")["list"].([]any)[1].(obj)["includeAll"] = "yes" }},
		{"unknown panel type", "application.json", `unknown panel type "timeserie"`,
			func(t *testing.T, d obj) { panelOf(t, d, "timeseries")["type"] = "timeserie" }},
		{"override of an unknown field option", "application.json", `unknown field option "custom.lineWidht"`,
			func(t *testing.T, d obj) {
				p := panelOf(t, d, "timeseries")
				sub(p, "fieldConfig")["overrides"] = []any{obj{
					"matcher":    obj{"id": "byName", "options": "p95"},
					"properties": []any{obj{"id": "custom.lineWidht", "value": 2}},
				}}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d obj
			if err := json.Unmarshal(readRepoFile(t, "dashboards", tc.file), &d); err != nil {
				t.Fatal(err)
			}
			tc.plant(t, d)
			mutated, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			expectCaught(t, c.Dashboard(mutated), tc.want)
		})
	}
}

func TestAlertingMutationsAreCaught(t *testing.T) {
	c := newRepoChecker(t)
	datasources := repoDatasources(t)
	group := func(f obj) obj { return f["groups"].([]any)[0].(obj) }
	rule := func(f obj) obj { return group(f)["rules"].([]any)[0].(obj) }
	query := func(f obj, i int) obj { return rule(f)["data"].([]any)[i].(obj) }
	route := func(f obj) obj { return f["policies"].([]any)[0].(obj)["routes"].([]any)[0].(obj) }
	interval := func(f obj) obj { return f["muteTimes"].([]any)[0].(obj)["time_intervals"].([]any)[0].(obj) }
	times := func(f obj) obj { return interval(f)["times"].([]any)[0].(obj) }
	cases := []struct {
		name, file, want string
		plant            func(t *testing.T, f obj)
	}{
		{"misspelt file section", "rules.yaml.tmpl", "unexpected field 'group'",
			func(t *testing.T, f obj) { rename(t, f, "groups", "group") }},
		{"misspelt rule group key", "rules.yaml.tmpl", "unexpected field 'intervall'",
			func(t *testing.T, f obj) { rename(t, group(f), "interval", "intervall") }},
		{"misspelt rule key", "rules.yaml.tmpl", "unexpected field 'noDataStat'",
			func(t *testing.T, f obj) { rename(t, rule(f), "noDataState", "noDataStat") }},
		{"misspelt AppMon query key", "rules.yaml.tmpl", `unknown field "metric_name"`,
			func(t *testing.T, f obj) { rename(t, sub(query(f, 0), "model"), "metricName", "metric_name") }},
		{"misspelt expression key", "rules.yaml.tmpl", "unexpected field 'expresion'",
			func(t *testing.T, f obj) { rename(t, sub(query(f, 1), "model"), "expression", "expresion") }},
		{"wrong type: relative time range as text", "rules.yaml.tmpl", "relativeTimeRange.from: must be a number, not text",
			func(t *testing.T, f obj) { sub(query(f, 0), "relativeTimeRange")["from"] = "10m" }},
		{"bad enum: no-data state", "rules.yaml.tmpl", `"Maybe" is not one of`,
			func(t *testing.T, f obj) { rule(f)["noDataState"] = "Maybe" }},
		{"bad enum: error state", "rules.yaml.tmpl", `"Broken" is not one of`,
			func(t *testing.T, f obj) { rule(f)["execErrState"] = "Broken" }},
		{"bad enum next to a wrong type in another rule", "rules.yaml.tmpl", `rules[1].noDataState: "Maybe" is not one of`,
			func(t *testing.T, f obj) {
				sub(query(f, 0), "relativeTimeRange")["from"] = "10m"
				group(f)["rules"].([]any)[1].(obj)["noDataState"] = "Maybe"
			}},
		{"bad enum: reducer", "rules.yaml.tmpl", `"lastt" is not one of`,
			func(t *testing.T, f obj) { sub(query(f, 1), "model")["reducer"] = "lastt" }},
		{"bad duration: pending period", "rules.yaml.tmpl", `"5 minutes" is not a duration`,
			func(t *testing.T, f obj) { rule(f)["for"] = "5 minutes" }},
		{"condition names no query", "rules.yaml.tmpl", `"D" is not the refId`,
			func(t *testing.T, f obj) { rule(f)["condition"] = "D" }},
		{"expression reads no query", "rules.yaml.tmpl", `refers to "Z"`,
			func(t *testing.T, f obj) { sub(query(f, 1), "model")["expression"] = "Z" }},
		{"unknown data source", "rules.yaml.tmpl", `"appmonn" is neither a provisioned data source`,
			func(t *testing.T, f obj) { query(f, 0)["datasourceUid"] = "appmonn" }},
		{"misspelt contact point key", "contact-points.yaml", "unexpected field 'receiver'",
			func(t *testing.T, f obj) { rename(t, f["contactPoints"].([]any)[0].(obj), "receivers", "receiver") }},
		{"misspelt receiver key", "contact-points.yaml", "unexpected field 'setings'",
			func(t *testing.T, f obj) {
				rename(t, f["contactPoints"].([]any)[0].(obj)["receivers"].([]any)[0].(obj), "settings", "setings")
			}},
		{"bad enum: contact point type", "contact-points.yaml", `"sms" is not one of`,
			func(t *testing.T, f obj) {
				f["contactPoints"].([]any)[0].(obj)["receivers"].([]any)[0].(obj)["type"] = "sms"
			}},
		{"misspelt policy key", "notification-policies.yaml", "unexpected field 'object_matcher'",
			func(t *testing.T, f obj) { rename(t, route(f), "object_matchers", "object_matcher") }},
		{"bad matcher operator", "notification-policies.yaml", `operator "==" is not one of`,
			func(t *testing.T, f obj) { route(f)["object_matchers"].([]any)[0].([]any)[1] = "==" }},
		{"bad policy timing", "notification-policies.yaml", `"ten seconds" is not a duration`,
			func(t *testing.T, f obj) { route(f)["group_wait"] = "ten seconds" }},
		{"misspelt template key", "templates.yaml", "unexpected field 'tempalte'",
			func(t *testing.T, f obj) { rename(t, f["templates"].([]any)[0].(obj), "template", "tempalte") }},
		{"unclosed template action", "templates.yaml", "template",
			func(t *testing.T, f obj) {
				tmpl := f["templates"].([]any)[0].(obj)
				tmpl["template"] = strings.Replace(tmpl["template"].(string), "{{- end }}", "", 1)
			}},
		{"misspelt mute timing key", "mute-timings.yaml", "weekday",
			func(t *testing.T, f obj) { rename(t, interval(f), "weekdays", "weekday") }},
		{"bad weekday in a mute timing", "mute-timings.yaml", "sundy",
			func(t *testing.T, f obj) { interval(f)["weekdays"] = []any{"sundy"} }},
		{"mute timing ends before it starts", "mute-timings.yaml", "start time cannot be equal or greater than end time",
			func(t *testing.T, f obj) { times(f)["start_time"], times(f)["end_time"] = "04:00", "02:00" }},
		{"mute timing hour out of range", "mute-timings.yaml", "25:00",
			func(t *testing.T, f obj) { times(f)["end_time"] = "25:00" }},
		{"mute timing in an unknown time zone", "mute-timings.yaml", "Mars/Olympus",
			func(t *testing.T, f obj) { interval(f)["location"] = "Mars/Olympus" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var f obj
			if err := yaml.Unmarshal(readRepoFile(t, "provisioning", "alerting", tc.file), &f); err != nil {
				t.Fatal(err)
			}
			tc.plant(t, f)
			mutated, err := yaml.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			expectCaught(t, c.AlertingFile(mutated, datasources), tc.want)
		})
	}
}

func expectCaught(t *testing.T, problems []string, want string) {
	t.Helper()
	for _, p := range problems {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("the planted mistake was not reported (want a problem containing %q); got:\n  %s", want, strings.Join(problems, "\n  "))
}
