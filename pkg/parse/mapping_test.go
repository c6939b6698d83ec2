package parse

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func mustCompile(t *testing.T, specs map[string]MappingSpec) *Mapping {
	t.Helper()
	m, err := CompileMapping(specs)
	if err != nil {
		t.Fatalf("CompileMapping: %v", err)
	}
	return m
}

func TestCompileMappingErrorsNameTheSetting(t *testing.T) {
	cases := []struct {
		name  string
		specs map[string]MappingSpec
		want  []string
	}{
		{"bad path", map[string]MappingSpec{"alerts": {Fields: map[string]string{"startedAt": "$.when["}}},
			[]string{`mappings.alerts.fields.startedAt: "$.when[" is not a valid JSONPath: unexpected eof`}},
		{"no dollar", map[string]MappingSpec{"alerts": {Items: "payload.list"}},
			[]string{`mappings.alerts.items: "payload.list" is not a valid JSONPath`, "a path starts with $"}},
		{"unknown field", map[string]MappingSpec{"metrics": {Fields: map[string]string{"reading": "$.r"}}},
			[]string{`mappings.metrics.fields.reading: metrics has no field "reading"; use name, value, unit`}},
		{"unknown endpoint", map[string]MappingSpec{"incidents": {Root: "$"}},
			[]string{`mappings.incidents: there is no endpoint "incidents" to map; use health, metrics, alerts, dashboard, uptime`}},
		{"items on an object endpoint", map[string]MappingSpec{"uptime": {Items: "$.x[*]"}},
			[]string{"mappings.uptime.items: uptime has no items; use root, fields"}},
		{"summary outside dashboard", map[string]MappingSpec{"health": {Summary: map[string]string{"rpm": "$.rpm"}}},
			[]string{"mappings.health.summary: health has no summary"}},
		{"every problem at once", map[string]MappingSpec{
			"alerts": {Root: "$[", Fields: map[string]string{"level": "$.l"}},
			"health": {ServiceFields: map[string]string{"latency": "$.ms"}},
		}, []string{"mappings.alerts.root:", "mappings.alerts.fields.level:", "mappings.health.serviceFields.latency: health has no field"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := CompileMapping(tc.specs)
			if err == nil || m != nil {
				t.Fatalf("want an error, got mapping %v", m)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestCompileMappingEmptyMapsNothing(t *testing.T) {
	m := mustCompile(t, map[string]MappingSpec{"alerts": {}, "health": {Fields: map[string]string{}}})
	if m != nil || m.Has("alerts") {
		t.Fatalf("an empty mapping must map nothing, got %v", m.Endpoints())
	}
	body := []byte(`{"alerts":[]}`)
	if out, err := m.Apply("alerts", body); err != nil || string(out) != string(body) {
		t.Fatalf("Apply on nil mapping = %s, %v", out, err)
	}
}

func TestFieldNamesAcceptContractSpelling(t *testing.T) {
	m := mustCompile(t, map[string]MappingSpec{"alerts": {Fields: map[string]string{"started_at": "$.when", "RunbookURL": "$.doc"}}})
	out, err := m.Apply("alerts", []byte(`{"alerts":[{"id":"a","when":"2026-01-02T03:04:05Z","doc":"https://r"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAlerts(out)
	if err != nil {
		t.Fatal(err)
	}
	if a.Alerts[0].RunbookURL != "https://r" || a.Alerts[0].StartedAt.Year() != 2026 {
		t.Fatalf("got %+v", a.Alerts[0])
	}
}

func TestApplyAlerts(t *testing.T) {
	spec := MappingSpec{
		Items: "$.payload.alertList[*]",
		Fields: map[string]string{
			"id": "$.uuid", "name": "$.label", "severity": "$.level", "startedAt": "$.when",
			"status": "$.state", "value": "$.reading", "labels": "$.tags",
		},
	}
	m := mustCompile(t, map[string]MappingSpec{"alerts": spec})
	body := `{"status":"ok","payload":{"alertList":[
		{"uuid":"b","label":"Disk full","level":"CRITICAL","when":1767322800000,"state":"active","reading":"97.5","tags":{"host":"db1","shard":3,"primary":true}},
		{"uuid":"a","label":"Slow","level":"low","when":"2026-01-01T00:00:00Z","state":"acknowledged"}
	]}}`
	out, err := m.Apply("alerts", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseAlerts(out)
	if err != nil {
		t.Fatalf("reader refused the mapped body %s: %v", out, err)
	}
	if len(got.Alerts) != 2 {
		t.Fatalf("got %d alerts", len(got.Alerts))
	}
	first, second := got.Alerts[0], got.Alerts[1]
	if first.ID != "a" || first.Severity != "low" || first.Value != nil {
		t.Errorf("oldest alert = %+v; want id a, low, unknown value", first)
	}
	if second.ID != "b" || second.Name != "Disk full" || second.Severity != "critical" || second.Status != "firing" ||
		second.Value == nil || *second.Value != 97.5 || !second.StartedAt.Equal(time.UnixMilli(1767322800000)) {
		t.Errorf("second alert = %+v", second)
	}
	if second.Labels["shard"] != "3" || second.Labels["primary"] != "true" || second.Labels["host"] != "db1" {
		t.Errorf("labels = %v", second.Labels)
	}
}

func TestApplyLists(t *testing.T) {
	cases := []struct {
		name, endpoint string
		spec           MappingSpec
		body           string
		check          func(t *testing.T, out []byte)
	}{
		{"list node without wildcard", "alerts", MappingSpec{Items: "$.data.items", Fields: map[string]string{"startedAt": "$.t"}},
			`{"data":{"items":[{"id":"x","t":"2026-01-01T00:00:00Z"}]}}`,
			func(t *testing.T, out []byte) {
				if a, err := ParseAlerts(out); err != nil || len(a.Alerts) != 1 || a.Alerts[0].ID != "x" {
					t.Errorf("%+v %v", a, err)
				}
			}},
		{"empty list is no alerts, not an error", "alerts", MappingSpec{Items: "$.data.items[*]"}, `{"data":{"items":[]}}`,
			func(t *testing.T, out []byte) {
				if a, err := ParseAlerts(out); err != nil || len(a.Alerts) != 0 {
					t.Errorf("%+v %v", a, err)
				}
			}},
		{"an item without the mapped start is the reader's to skip", "alerts", MappingSpec{Items: "$.a[*]", Fields: map[string]string{"startedAt": "$.when"}},
			`{"a":[{"id":"x","when":"2026-01-01T00:00:00Z"},{"id":"y"}]}`,
			func(t *testing.T, out []byte) {
				if a, err := ParseAlerts(out); err != nil || len(a.Alerts) != 1 || a.Skipped != 1 || len(a.Notes) == 0 {
					t.Errorf("%+v %v", a, err)
				}
			}},
		{"bare list with fields only", "alerts", MappingSpec{Fields: map[string]string{"startedAt": "$.since"}},
			`[{"id":"x","since":"2026-01-01T00:00:00Z"}]`,
			func(t *testing.T, out []byte) {
				if a, err := ParseAlerts(out); err != nil || len(a.Alerts) != 1 {
					t.Errorf("%+v %v", a, err)
				}
			}},
		{"alerts keyed by id", "alerts", MappingSpec{Items: "$.open", Fields: map[string]string{"startedAt": "$.t"}},
			`{"open":{"a1":{"t":"2026-01-01T00:00:00Z"},"a2":{"t":"2026-01-01T00:01:00Z"}}}`,
			func(t *testing.T, out []byte) {
				if a, err := ParseAlerts(out); err != nil || len(a.Alerts) != 2 || a.Alerts[1].ID != "a2" {
					t.Errorf("%+v %v", a, err)
				}
			}},
		{"metrics with filter and renamed fields", "metrics",
			MappingSpec{Items: "$.result[?@.kind == 'gauge']", Fields: map[string]string{"name": "$.metric", "value": "$.v", "unit": "$.u", "labels": "$.dims"}},
			`{"result":[{"kind":"gauge","metric":"system.cpu.usage","v":42,"u":"%","dims":{"core":0}},{"kind":"text","metric":"x"}]}`,
			func(t *testing.T, out []byte) {
				m, err := ParseMetrics("application/json", out)
				if err != nil || len(m.Metrics) != 1 || m.Metrics[0].Name != "system.cpu.usage" || *m.Metrics[0].Value != 42 || m.Metrics[0].Labels["core"] != "0" {
					t.Errorf("%+v %v", m, err)
				}
			}},
		{"metrics as an object of numbers", "metrics", MappingSpec{Items: "$.gauges"},
			`{"timestamp":"2026-01-01T00:00:00Z","gauges":{"system.cpu.usage":12.5,"system.memory.usage":null}}`,
			func(t *testing.T, out []byte) {
				m, err := ParseMetrics("application/json", out)
				if err != nil || len(m.Metrics) != 2 || m.Metrics[0].Name != "system.cpu.usage" || *m.Metrics[0].Value != 12.5 || m.Metrics[1].Value != nil || m.Timestamp.IsZero() {
					t.Errorf("%+v %v", m, err)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := mustCompile(t, map[string]MappingSpec{tc.endpoint: tc.spec})
			out, err := m.Apply(tc.endpoint, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, out)
		})
	}
}

func TestApplyObjects(t *testing.T) {
	t.Run("health with a list of services", func(t *testing.T) {
		m := mustCompile(t, map[string]MappingSpec{"health": {
			Root: "$.result", Fields: map[string]string{"status": "$.overall", "score": "$.pct"},
			Services: "$.checks[*]", ServiceFields: map[string]string{"name": "$.component", "status": "$.state", "responseTime": "$.latency_ms"},
		}})
		out, err := m.Apply("health", []byte(`{"result":{"overall":"degraded","pct":"80","checks":[{"component":"db","state":"healthy","latency_ms":12},{"component":"cache","state":"down"}]}}`))
		if err != nil {
			t.Fatal(err)
		}
		h, err := ParseHealth(out)
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if h.Status != "degraded" || *h.Score != 80 || len(h.Services) != 2 || h.Services[0].Name != "cache" || h.Services[0].ResponseTimeMs != nil || *h.Services[1].ResponseTimeMs != 12 {
			t.Errorf("%+v", h)
		}
	})
	t.Run("dashboard figures", func(t *testing.T) {
		m := mustCompile(t, map[string]MappingSpec{"dashboard": {
			Fields:  map[string]string{"healthScore": "$.kpi.score"},
			Summary: map[string]string{"requests_per_minute": "$.kpi.rpm", "error_rate": "$.kpi.missing"},
		}})
		out, err := m.Apply("dashboard", []byte(`{"status":"healthy","kpi":{"score":99,"rpm":1200},"summary":{"active_users":5,"error_rate":1.5}}`))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseDashboard(out)
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		got := map[string]*float64{}
		for _, s := range d.Summary {
			got[s.Key] = s.Value
		}
		if d.Status != "healthy" || *d.HealthScore != 99 || *got["requests_per_minute"] != 1200 || *got["active_users"] != 5 {
			t.Errorf("%+v", d)
		}
		if v, ok := got["error_rate"]; !ok || v != nil {
			t.Errorf("a mapped figure that is absent must be unknown, not the contract's value; got %v", v)
		}
	})
	t.Run("uptime nested fields", func(t *testing.T) {
		m := mustCompile(t, map[string]MappingSpec{"uptime": {Root: "$.data", Fields: map[string]string{
			"percentage": "$.availability", "seconds": "$.up_s", "slaTarget": "$.goal", "compliant": "$.ok",
		}}})
		out, err := m.Apply("uptime", []byte(`{"data":{"availability":99.95,"up_s":3600,"goal":99.9,"ok":true,"status":"up"}}`))
		if err != nil {
			t.Fatal(err)
		}
		u, err := ParseUptime(out)
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if *u.Percentage != 99.95 || *u.Seconds != 3600 || *u.SLATarget != 99.9 || u.Status != "up" || !*u.Compliance[0].Met || u.Compliance[1].Met != nil {
			t.Errorf("%+v", u)
		}
	})
}

func TestApplyErrorsInTheUsersWords(t *testing.T) {
	cases := []struct {
		name, endpoint string
		spec           MappingSpec
		body           string
		want           string
	}{
		{"items nowhere", "alerts", MappingSpec{Items: "$.payload.alerts[*]"}, `{"status":"ok","payload":{"list":[]}}`,
			`mappings.alerts.items ("$.payload.alerts[*]") matched nothing in the response; top-level keys are: payload, status`},
		{"root nowhere", "uptime", MappingSpec{Root: "$.result"}, `{"data":{}}`,
			`mappings.uptime.root ("$.result") matched nothing in the response; top-level keys are: data`},
		{"root ambiguous", "health", MappingSpec{Root: "$.r[*]"}, `{"r":[{},{}]}`,
			`mappings.health.root ("$.r[*]") matched 2 values; it must select one object`},
		{"root not an object", "uptime", MappingSpec{Root: "$.r"}, `{"r":[1]}`,
			`mappings.uptime: the response at mappings.uptime.root ("$.r") is a list, not an object; set mappings.uptime.root to the object that holds the data`},
		{"required field in no item", "alerts", MappingSpec{Items: "$.a", Fields: map[string]string{"startedAt": "$.when"}}, `{"a":[{"id":"x","since":1},{"id":"y"}]}`,
			`mappings.alerts.fields.startedAt ("$.when") selected nothing in any of the 2 items of the list; the first item's keys are: id, since`},
		{"field selects many", "metrics", MappingSpec{Items: "$.m", Fields: map[string]string{"value": "$.points[*]"}}, `{"m":[{"name":"x","points":[1,2]}]}`,
			`mappings.metrics.fields.value ("$.points[*]") selected 2 values in item 0 of the list; a field needs exactly one`},
		{"service without name", "health", MappingSpec{Services: "$.deps[*]"}, `{"status":"ok","deps":[{"state":"up"}]}`,
			`mappings.health.serviceFields.name: service 0 of the list has no name; its keys are: state`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := mustCompile(t, map[string]MappingSpec{tc.endpoint: tc.spec})
			_, err := m.Apply(tc.endpoint, []byte(tc.body))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("error = %v\nwant    %s", err, tc.want)
			}
			if _, ok := err.(*MappingError); !ok {
				t.Errorf("error type %T, want *MappingError", err)
			}
		})
	}
}

func TestApplyLeavesOtherBodiesToTheReaders(t *testing.T) {
	m := mustCompile(t, map[string]MappingSpec{"metrics": {Items: "$.x[*]"}})
	for _, body := range []string{"<html>login</html>", "# HELP up\nup 1\n", "", `{"broken":`} {
		out, err := m.Apply("metrics", []byte(body))
		if err != nil || string(out) != body {
			t.Errorf("Apply(%q) = %q, %v; want the body unchanged", body, out, err)
		}
	}
	// An endpoint without a mapping is untouched.
	if out, _ := m.Apply("alerts", []byte(`{"x":1}`)); string(out) != `{"x":1}` {
		t.Errorf("unmapped endpoint changed: %s", out)
	}
}

func TestApplyMappingOfTheContractShapeIsIdentity(t *testing.T) {
	// Mapping the contract's own shape explicitly must read what the
	// readers read without a mapping.
	m := mustCompile(t, map[string]MappingSpec{"alerts": {Items: "$.alerts[*]", Fields: map[string]string{
		"id": "$.id", "name": "$.name", "severity": "$.severity", "startedAt": "$.started_at", "status": "$.status", "value": "$.value",
	}}})
	body := []byte(`{"timestamp":"2026-01-01T00:00:00Z","alerts":[{"id":"1","rule":"r","name":"n","severity":"high","status":"active","started_at":"2026-01-01T00:00:00Z","value":3,"threshold":2,"labels":{"a":"b"}}]}`)
	want, err := ParseAlerts(body)
	if err != nil {
		t.Fatal(err)
	}
	out, err := m.Apply("alerts", body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseAlerts(out)
	if err != nil {
		t.Fatal(err)
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if string(wj) != string(gj) {
		t.Errorf("mapped\n%s\nplain\n%s", gj, wj)
	}
}

// FuzzMappingApply: any body through a mapping either fails with a
// MappingError or gives a body the reader can be run on, never a panic.
func FuzzMappingApply(f *testing.F) {
	m, err := CompileMapping(map[string]MappingSpec{
		"alerts":    {Items: "$.payload.alertList[*]", Fields: map[string]string{"startedAt": "$.when", "labels": "$.tags", "value": "$..v"}},
		"health":    {Root: "$.result", Services: "$.checks", ServiceFields: map[string]string{"name": "$.n"}},
		"dashboard": {Summary: map[string]string{"rpm": "$.kpi.rpm"}},
		"uptime":    {Root: "$.data", Fields: map[string]string{"percentage": "$.p"}},
		"metrics":   {Items: "$.m[?@.v > 1]"},
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		`{"payload":{"alertList":[{"when":1,"tags":{"a":[1]},"x":{"v":2}}]}}`,
		`{"result":{"checks":{"db":{"status":"up"},"x":1}}}`,
		`{"kpi":{"rpm":"12"},"summary":[]}`, `{"data":[]}`, `{"m":[{"v":2,"name":3}]}`, `[]`, `[1,{"a":null}]`, `{`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, ep := range MappingEndpoints {
			out, err := m.Apply(ep, []byte(body))
			if err != nil {
				if _, ok := err.(*MappingError); !ok {
					t.Fatalf("%s: error of type %T: %v", ep, err, err)
				}
				continue
			}
			switch ep {
			case "alerts":
				_, _ = ParseAlerts(out)
			case "health":
				_, _ = ParseHealth(out)
			case "dashboard":
				_, _ = ParseDashboard(out)
			case "uptime":
				_, _ = ParseUptime(out)
			case "metrics":
				_, _ = ParseMetrics("application/json", out)
			}
		}
	})
}
