package parse

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func f(v float64) *float64 { return &v }

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, ct, body string
		want           Format
		wantKind       ErrorKind
	}{
		{"json by body", "", `{"metrics":[]}`, FormatJSON, 0},
		{"json by type", "application/json", `{"metrics":[]}`, FormatJSON, 0},
		{"datadog by series key", "application/json", `{"series":[]}`, FormatDatadog, 0},
		{"prometheus by type", "text/plain; version=0.0.4", "# HELP a b\na 1", FormatPrometheus, 0},
		{"openmetrics type", "application/openmetrics-text; version=1.0.0", "a 1", FormatPrometheus, 0},
		{"prometheus by body", "", "a_total 1\n", FormatPrometheus, 0},
		{"json with BOM", "", "\xEF\xBB\xBF {\"metrics\":[]}", FormatJSON, 0},
		{"html by type", "text/html; charset=utf-8", "oops", "", KindHTML},
		{"html by body", "text/plain", "<!DOCTYPE html><html>", "", KindHTML},
		{"empty", "application/json", "  \n", "", KindEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectFormat(tt.ct, []byte(tt.body))
			if tt.wantKind != 0 {
				if !IsKind(err, tt.wantKind) {
					t.Fatalf("err = %v, want kind %d", err, tt.wantKind)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("DetectFormat = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParseMetricsJSON(t *testing.T) {
	ts := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		body     string
		want     Metrics
		wantKind ErrorKind
	}{
		{
			name: "full metric with labels",
			body: `{"timestamp":"2025-06-01T12:00:00Z","category":"api","metrics":[{"name":"api.response_time.p95","value":123.4,"unit":"ms","category":"api","description":"p95","labels":{"endpoint":"/api/tickets"}}]}`,
			want: Metrics{Timestamp: ts, Category: "api", Format: FormatJSON, Metrics: []Metric{
				{Name: "api.response_time.p95", Category: "api", Unit: "ms", Description: "p95", Labels: map[string]string{"endpoint": "/api/tickets"}, Value: f(123.4)},
			}},
		},
		{
			name: "null value stays nil, unit and category from the catalog, numeric string accepted",
			body: `{"metrics":[{"name":"database.replication_lag","value":null},{"name":"cache.hit_rate","value":"93.5"}]}`,
			want: Metrics{Format: FormatJSON, Metrics: []Metric{
				{Name: "database.replication_lag", Category: "database", Unit: "seconds"},
				{Name: "cache.hit_rate", Category: "cache", Unit: "%", Value: f(93.5)},
			}},
		},
		{name: "metrics missing", body: `{"timestamp":"2025-06-01T12:00:00Z"}`, wantKind: KindShape},
		{name: "metric without name", body: `{"metrics":[{"value":1}]}`, wantKind: KindShape},
		{name: "value is an empty object", body: `{"metrics":[{"name":"a","value":{}}]}`, wantKind: KindShape},
		{name: "truncated", body: `{"metrics":[{"name":"a"`, wantKind: KindMalformed},
		{name: "bad timestamp", body: `{"timestamp":"yesterday","metrics":[]}`, wantKind: KindShape},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMetricsJSON([]byte(tt.body))
			if tt.wantKind != 0 {
				if !IsKind(err, tt.wantKind) {
					t.Fatalf("err = %v, want kind %d", err, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Fatalf("mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestParsePrometheus(t *testing.T) {
	body := `# HELP api_response_time_p95 95th percentile response time (ms)
# TYPE api_response_time_p95 gauge
api_response_time_p95 123.4
api_response_time_p95{endpoint="/api/tickets",category="api"} 210 1748779200000
# HELP http_request_duration_seconds Latency
# TYPE http_request_duration_seconds summary
http_request_duration_seconds{quantile="0.5"} 0.05
http_request_duration_seconds_sum 10
http_request_duration_seconds_count 200
# TYPE custom_thing untyped
custom_thing NaN`
	got, err := ParsePrometheus([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []Metric{
		{Name: "api.response_time.p95", Category: "api", Unit: "ms", Description: "95th percentile response time", Value: f(123.4)},
		{Name: "api.response_time.p95", Category: "api", Unit: "ms", Description: "95th percentile response time", Labels: map[string]string{"endpoint": "/api/tickets"}, Value: f(210), Time: time.UnixMilli(1748779200000).UTC()},
		{Name: "custom_thing"},
		{Name: "http_request_duration_seconds", Unit: "seconds", Description: "Latency", Labels: map[string]string{"quantile": "0.5"}, Value: f(0.05)},
		{Name: "http_request_duration_seconds_sum", Unit: "seconds", Description: "Latency", Value: f(10)},
		{Name: "http_request_duration_seconds_count", Unit: "count", Description: "Latency", Value: f(200)},
	}
	if d := cmp.Diff(want, got.Metrics); d != "" {
		t.Fatalf("mismatch (-want +got):\n%s", d)
	}
	if got.Format != FormatPrometheus {
		t.Fatalf("format = %q", got.Format)
	}
}

func TestParsePrometheusErrors(t *testing.T) {
	for _, body := range []string{
		"metric{label=\"unterminated} 1",
		"# TYPE a gauge\n# TYPE a counter\na 1",
		"a b c d",
	} {
		if _, err := ParsePrometheus([]byte(body)); !IsKind(err, KindMalformed) {
			t.Errorf("ParsePrometheus(%q) err = %v, want malformed", body, err)
		}
	}
	if _, err := ParsePrometheus([]byte("<html>")); !IsKind(err, KindHTML) {
		t.Errorf("html: err = %v", err)
	}
}

func TestSplitHelpUnit(t *testing.T) {
	tests := []struct{ help, desc, unit string }{
		{"95th percentile response time (ms)", "95th percentile response time", "ms"},
		{"Memory usage [%]", "Memory usage", "%"},
		{"Revenue today. Unit: USD", "Revenue today", "USD"},
		{"Revenue today, unit=USD/min", "Revenue today", "USD/min"},
		{"No unit here", "No unit here", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		desc, unit := splitHelpUnit(tt.help)
		if desc != tt.desc || unit != tt.unit {
			t.Errorf("splitHelpUnit(%q) = %q, %q; want %q, %q", tt.help, desc, unit, tt.desc, tt.unit)
		}
	}
}

func TestParseDatadog(t *testing.T) {
	body := `{"series":[{"metric":"api.response_time.p95","points":[[1748779140,100],[1748779200,123.4]],"type":"gauge","unit":"ms","tags":["category:api","endpoint:/api/tickets","bare"]},
{"metric":"users.active","points":[],"tags":[]}]}`
	got, err := ParseDatadog([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []Metric{
		{Name: "api.response_time.p95", Category: "api", Unit: "ms", Labels: map[string]string{"endpoint": "/api/tickets"}, Value: f(123.4), Time: time.Unix(1748779200, 0).UTC()},
		{Name: "users.active", Category: "business", Unit: "count"},
	}
	if d := cmp.Diff(want, got.Metrics); d != "" {
		t.Fatalf("mismatch (-want +got):\n%s", d)
	}
	for _, bad := range []string{`{"series":[{"points":[[1,2]]}]}`, `{"series":[{"metric":"a","points":[[null,2]]}]}`, `{"other":1}`, `{"series":[{"metric":"a","points":[[-5,1]]}]}`} {
		if _, err := ParseDatadog([]byte(bad)); !IsKind(err, KindShape) {
			t.Errorf("ParseDatadog(%s) err = %v, want shape error", bad, err)
		}
	}
}

// All three wire formats of the same data must give the same metrics.
func TestFormatsAgree(t *testing.T) {
	jsonBody := `{"metrics":[{"name":"api.error_rate","value":0.8,"unit":"%","category":"api"},{"name":"api.response_time.p95","value":210,"unit":"ms","category":"api","labels":{"endpoint":"/api/tickets"}}]}`
	promBody := "# HELP api_error_rate Error rate (%)\napi_error_rate 0.8\n# HELP api_response_time_p95 p95 (ms)\napi_response_time_p95{endpoint=\"/api/tickets\"} 210\n"
	ddBody := `{"series":[{"metric":"api.error_rate","points":[[1748779200,0.8]],"unit":"%","tags":["category:api"]},{"metric":"api.response_time.p95","points":[[1748779200,210]],"unit":"ms","tags":["category:api","endpoint:/api/tickets"]}]}`
	type key struct{ name, cat, unit, labels string }
	summarize := func(ct, body string) map[key]float64 {
		m, err := ParseMetrics(ct, []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", ct, err)
		}
		out := map[key]float64{}
		for _, mt := range m.Metrics {
			out[key{mt.Name, mt.Category, mt.Unit, LabelsKey(mt.Labels)}] = *mt.Value
		}
		return out
	}
	want := summarize("application/json", jsonBody)
	if d := cmp.Diff(want, summarize("text/plain; version=0.0.4", promBody)); d != "" {
		t.Errorf("prometheus differs:\n%s", d)
	}
	if d := cmp.Diff(want, summarize("application/json", ddBody)); d != "" {
		t.Errorf("datadog differs:\n%s", d)
	}
}

func TestNumberAndTime(t *testing.T) {
	var n Number
	for _, in := range []string{`"abc"`, `true`, `"NaN"`, `"Inf"`} {
		if err := n.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("Number(%s) accepted", in)
		}
	}
	var tm Time
	tests := []struct {
		in   string
		want time.Time
	}{
		{`"2025-06-01T12:00:00.5+02:00"`, time.Date(2025, 6, 1, 10, 0, 0, 5e8, time.UTC)},
		{`1748779200`, time.Unix(1748779200, 0).UTC()},
		{`1748779200000`, time.Unix(1748779200, 0).UTC()},
		{`"1748779200000"`, time.Unix(1748779200, 0).UTC()},
		{`null`, time.Time{}},
	}
	for _, tt := range tests {
		if err := tm.UnmarshalJSON([]byte(tt.in)); err != nil || !tm.T.Equal(tt.want) {
			t.Errorf("Time(%s) = %v, %v; want %v", tt.in, tm.T, err, tt.want)
		}
	}
	for _, in := range []string{`-1`, `1e300`, `"soon"`, `{}`} {
		if err := tm.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("Time(%s) accepted", in)
		}
	}
}

func TestSortMetrics(t *testing.T) {
	ms := []Metric{{Name: "z", Category: "other"}, {Name: "b", Category: "business"}, {Name: "a", Category: "api", Labels: map[string]string{"e": "2"}}, {Name: "a", Category: "api", Labels: map[string]string{"e": "1"}}, {Name: "c", Category: "system"}}
	SortMetrics(ms)
	var got []string
	for _, m := range ms {
		got = append(got, m.Name+LabelsKey(m.Labels))
	}
	want := []string{"c", "ae=1", "ae=2", "b", "z"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
}
