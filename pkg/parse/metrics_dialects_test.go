package parse

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// metricView is what a panel shows of a metric.
type metricView struct {
	Name, Category, Unit, Labels string
	Value                        *float64
}

func viewMetrics(ms []Metric) []metricView {
	out := make([]metricView, 0, len(ms))
	SortMetrics(ms)
	for _, m := range ms {
		out = append(out, metricView{m.Name, m.Category, m.Unit, LabelsKey(m.Labels), m.Value})
	}
	return out
}

func TestParseMetricsDialects(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    []metricView
		skipped int
		ts      time.Time
	}{
		{
			name: "Express: nested objects flattened to dotted names, epoch ms timestamp",
			body: `{"timestamp":1741003322509,"api":{"response_time":{"p95":412,"p50":88},"error_rate":0.4},"memory":{"heapUsedBytes":9000000}}`,
			want: []metricView{
				{"api.error_rate", "api", "", "", f(0.4)},
				{"api.response_time.p50", "api", "", "", f(88)},
				{"api.response_time.p95", "api", "", "", f(412)},
				{"memory.heapUsedBytes", "", "bytes", "", f(9e6)},
			},
			ts: time.UnixMilli(1741003322509).UTC(),
		},
		{
			name: "NestJS: camelCase under data with units in the names",
			body: `{"data":{"system":{"cpuPercent":14.2,"uptimeSeconds":86522},"http":{"latencyMs":{"p99":900}}},"success":true}`,
			want: []metricView{
				{"system.cpuPercent", "system", "%", "", f(14.2)},
				{"system.uptimeSeconds", "system", "seconds", "", f(86522)},
				{"http.latencyMs.p99", "", "ms", "", f(900)},
			},
		},
		{
			name: "Django: map of name to number with snake_case unit suffixes",
			body: `{"metrics":{"db_query_time_ms":4.5,"cache_hit_ratio":0.93,"disk_used_pct":41,"queue_depth":7,"version":"4.2"}}`,
			want: []metricView{
				{"cache_hit_ratio", "cache", "ratio", "", f(0.93)},
				{"db_query_time_ms", "", "ms", "", f(4.5)},
				{"disk_used_pct", "", "%", "", f(41)},
				{"queue_depth", "", "", "", f(7)},
			},
			skipped: 1,
		},
		{
			name: "Prometheus-style JSON samples with labels",
			body: `[{"metric":"http_requests_per_second","value":12.5,"labels":{"route":"/api/tickets","method":"GET"}},{"metric":"http_requests_per_second","value":"3","labels":{"route":"/api/orders","method":"POST"}}]`,
			want: []metricView{
				{"http_requests_per_second", "", "", "method=GET,route=/api/tickets", f(12.5)},
				{"http_requests_per_second", "", "", "method=POST,route=/api/orders", f(3)},
			},
		},
		{
			name: "Go: samples with tags as key:value strings and a per-object category",
			body: `{"data":{"results":[{"name":"queue.lag_seconds","value":2,"tags":["queue:mail","region:eu"],"category":"system"}]}}`,
			want: []metricView{{"queue.lag_seconds", "system", "seconds", "queue=mail,region=eu", f(2)}},
		},
		{
			name: "Laravel: list under data with meta beside it",
			body: `{"data":[{"name":"orders.rate","value":5,"unit":"count/min"},{"name":"jobs.failed","value":null}],"meta":{"count":2}}`,
			want: []metricView{
				{"orders.rate", "business", "count/min", "", f(5)},
				{"jobs.failed", "", "", "", nil},
			},
		},
		{
			name: "Rails (JSON:API): resources with attributes",
			body: `{"data":[{"id":"1","type":"metric","attributes":{"name":"system.cpu.usage","value":14.24,"unit":"%","category":"system","tags":[]}}]}`,
			want: []metricView{{"system.cpu.usage", "system", "%", "", f(14.24)}},
		},
		{
			name: "Spring-style unnamed entries: text fields become labels",
			body: `{"endpoints":[{"path":"/api/a","p95_ms":120},{"path":"/api/b","p95_ms":80}]}`,
			want: []metricView{
				{"endpoints.p95_ms", "", "ms", "path=/api/a", f(120)},
				{"endpoints.p95_ms", "", "ms", "path=/api/b", f(80)},
			},
		},
		{
			name: "numeric ids name entries, they are not metrics",
			body: `{"queues":[{"id":1,"depth":4},{"id":2,"depth":0}],"id":99}`,
			want: []metricView{
				{"queues.depth", "", "", "id=1", f(4)},
				{"queues.depth", "", "", "id=2", f(0)},
			},
		},
		{
			name: "value objects and named groups",
			body: `{"metrics":[{"name":"latency","p50":1,"p95":2,"unit":"ms"},{"name":"api.error_rate","value":{"overall":0.5}}]}`,
			want: []metricView{
				{"api.error_rate.overall", "api", "", "", f(0.5)},
				{"latency.p50", "", "ms", "", f(1)},
				{"latency.p95", "", "ms", "", f(2)},
			},
		},
		{
			name: "booleans, text and timestamps are not metrics",
			body: `{"healthy":true,"build":"abc","started_at":1741003322,"requests":{"total":10,"unit":"count"}}`,
			want: []metricView{{"requests.total", "", "count", "", f(10)}},
			// healthy and build; started_at is a time, not a skipped value
			skipped: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMetrics("application/json", []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, viewMetrics(got.Metrics)); d != "" {
				t.Errorf("metrics (-want +got):\n%s", d)
			}
			if got.Skipped != tt.skipped || (tt.skipped > 0) != (len(got.Notes) > 0) {
				t.Errorf("skipped %d, notes %q; want %d skipped", got.Skipped, got.Notes, tt.skipped)
			}
			if !tt.ts.IsZero() && !got.Timestamp.Equal(tt.ts) {
				t.Errorf("timestamp %v, want %v", got.Timestamp, tt.ts)
			}
		})
	}
}

// A guessed unit could be wrong: the catalog gives a unit only to a name
// the body gave in a name field, spelled exactly as the contract spells it.
func TestMetricUnitsAreNeverGuessed(t *testing.T) {
	tests := []struct{ body, name, unit string }{
		{`{"metrics":[{"name":"errors.rate","value":5}]}`, "errors.rate", "count/min"},
		{`{"errors":{"rate":0.05}}`, "errors.rate", ""},
		{`{"errors.rate":0.05}`, "errors.rate", ""},
		{`{"metrics":[{"name":"errors_rate","value":5}]}`, "errors_rate", ""},
		{`{"metrics":[{"name":"database.cache_hit_ratio","value":93}]}`, "database.cache_hit_ratio", "%"},
		{`{"database":{"cache_hit_ratio":0.93}}`, "database.cache_hit_ratio", "ratio"},
		{`{"metrics":[{"name":"x.latency","value":5,"unit":"s"}]}`, "x.latency", "s"},
		{`{"api":{"latency":{"ms":5}}}`, "api.latency.ms", "ms"},
	}
	for _, tt := range tests {
		got, err := ParseMetrics("application/json", []byte(tt.body))
		if err != nil {
			t.Fatalf("%s: %v", tt.body, err)
		}
		if len(got.Metrics) != 1 || got.Metrics[0].Name != tt.name || got.Metrics[0].Unit != tt.unit {
			t.Errorf("%s: got %+v, want %s with unit %q", tt.body, got.Metrics, tt.name, tt.unit)
		}
	}
}

func TestParseMetricsRefusals(t *testing.T) {
	for body, want := range map[string]string{
		`{"status":"ok","data":"none"}`:             "no list or object of metrics (top-level keys: data, status): 1 value skipped (not a number): data",
		`{"metrics":[{"value":1},{"value":2}]}`:     "2 values skipped (a metric without a name)",
		`{"metrics":[{"name":"a","value":"high"}]}`: "1 value skipped (not a number): a",
		`"text"`: "no list or object of metrics",
	} {
		_, err := ParseMetrics("application/json", []byte(body))
		if !IsKind(err, KindShape) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want a shape error containing %q", body, err, want)
		}
	}
	// An empty list is no metrics, not an error.
	if m, err := ParseMetrics("application/json", []byte(`{"metrics":[]}`)); err != nil || len(m.Metrics) != 0 {
		t.Errorf("empty list: %+v, %v", m, err)
	}
}
