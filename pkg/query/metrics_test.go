package query

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

var wantSnapshot = []string{
	`system.cpu.usage{category=system,metric=system.cpu.usage} unit=percent display="system.cpu.usage" values=37.5`,
	`system.memory.usage{category=system,metric=system.memory.usage} unit=percent display="system.memory.usage" values=62.1`,
	`api.error_rate{category=api,metric=api.error_rate} unit=percent display="api.error_rate" values=0.8`,
	`api.requests.rate{category=api,metric=api.requests.rate} unit=reqps display="api.requests.rate" values=12.5`,
	`api.response_time.p95{category=api,metric=api.response_time.p95} unit=ms display="api.response_time.p95" values=123.4`,
	`api.response_time.p95{category=api,endpoint=/api/payments,metric=api.response_time.p95} unit=ms display="api.response_time.p95 endpoint=/api/payments" values=95`,
	`api.response_time.p95{category=api,endpoint=/api/tickets,metric=api.response_time.p95} unit=ms display="api.response_time.p95 endpoint=/api/tickets" values=210`,
	`database.connections.used{category=database,metric=database.connections.used} unit=none display="database.connections.used" values=12`,
	`database.replication_lag{category=database,metric=database.replication_lag} unit=s display="database.replication_lag" values=null`,
	`cache.hit_rate{category=cache,metric=cache.hit_rate} unit=percent display="cache.hit_rate" values=93.2`,
	`payments.revenue.total{category=business,metric=payments.revenue.total} unit=currencyUSD display="payments.revenue.total" values=1520.75`,
	`payments.success_rate{category=business,metric=payments.success_rate} unit=percent display="payments.success_rate" values=99.4`,
}

// Without the history extension, metrics are current values; every wire
// format gives the same frames.
func TestMetricsSnapshotAllFormats(t *testing.T) {
	for _, format := range []string{"", "json", "prometheus", "datadog"} {
		t.Run("format="+format, func(t *testing.T) {
			fake := fakeapi.New(t)
			fake.NoCapabilities = true
			r := newRunner(t, fake.URL)
			frames := run(t, r, mustParse(t, "", `{"format":"`+format+`"}`, testNow.Add(-time.Hour), testNow))
			if d := cmp.Diff(wantSnapshot, describe(frames)); d != "" {
				t.Fatalf("frames (-want +got):\n%s", d)
			}
			assertAlertable(t, frames)
			meta := frames[0].Meta
			if len(meta.Notices) != 1 || !strings.Contains(meta.Notices[0].Text, "Current values") {
				t.Fatalf("notices = %+v", meta.Notices)
			}
			wantExec := "GET /api/monitoring/metrics"
			if format == "prometheus" || format == "datadog" {
				wantExec += "?format=" + format
			}
			if meta.ExecutedQueryString != wantExec {
				t.Fatalf("executed = %q", meta.ExecutedQueryString)
			}
		})
	}
}

func TestMetricsSnapshotFilters(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	r := newRunner(t, fake.URL)
	tests := []struct {
		name, model string
		want        []string
		requests    []string
	}{
		{"one category", `{"category":"cache"}`, []string{wantSnapshot[9]}, []string{"/api/monitoring/metrics?category=cache"}},
		{"two categories", `{"category":"{cache,system}"}`, []string{wantSnapshot[9], wantSnapshot[0], wantSnapshot[1]}, []string{"/api/monitoring/metrics?category=cache", "/api/monitoring/metrics?category=system"}},
		{"name wildcard", `{"metricName":"api.response_time.*"}`, wantSnapshot[4:7], []string{"/api/monitoring/metrics"}},
		{"Prometheus spelling", `{"metricName":"cache_hit_rate"}`, []string{wantSnapshot[9]}, []string{"/api/monitoring/metrics"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake.ResetCounts()
			r.Client.Close() // empty the cache between cases
			frames := run(t, r, mustParse(t, "metrics", tt.model, time.Time{}, time.Time{}))
			if d := cmp.Diff(tt.want, describe(frames)); d != "" {
				t.Fatalf("frames (-want +got):\n%s", d)
			}
			got := fake.Seen()
			var metricsReqs []string
			for _, s := range got {
				if strings.HasPrefix(s, "/api/monitoring/metrics") {
					metricsReqs = append(metricsReqs, s)
				}
			}
			if d := cmp.Diff(tt.requests, metricsReqs, sortStrings); d != "" {
				t.Fatalf("requests (-want +got):\n%s", d)
			}
		})
	}
}

var sortStrings = cmp.Transformer("sort", func(in []string) []string { return slices.Sorted(slices.Values(in)) })

func TestMetricsNoMatchNotice(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	r := newRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"nope.*"}`, time.Time{}, time.Time{}))
	assertAlertable(t, frames)
	if len(frames) != 1 || len(frames[0].Fields) != 0 {
		t.Fatalf("want the typed no-data frame, got %d frames", len(frames))
	}
	found := false
	for _, n := range frames[0].Meta.Notices {
		found = found || (n.Severity == data.NoticeSeverityWarning && strings.Contains(n.Text, `No metric matches "nope.*"`))
	}
	if !found {
		t.Fatalf("notices = %+v", frames[0].Meta.Notices)
	}
}

func TestMetricsHistory(t *testing.T) {
	from, to := testNow.Add(-time.Hour), testNow
	tests := []struct {
		name, model string
		wantParams  []url.Values
		wantSeries  int
	}{
		{"category", `{"category":"cache"}`, []url.Values{{"category": {"cache"}}}, 1},
		{"exact names", `{"metricName":"api.error_rate,cache_hit_rate"}`, []url.Values{{"name": {"api.error_rate"}}, {"name": {"cache.hit_rate"}}}, 2},
		{"all categories", `{"metricName":"*.usage"}`, []url.Values{{"category": {"system"}}, {"category": {"api"}}, {"category": {"database"}}, {"category": {"cache"}}, {"category": {"business"}}}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeapi.New(t)
			r := newRunner(t, fake.URL)
			frames := run(t, r, mustParse(t, "metrics", tt.model, from, to))
			assertAlertable(t, frames)
			if len(frames) != tt.wantSeries {
				t.Fatalf("series = %d, want %d: %v", len(frames), tt.wantSeries, describe(frames))
			}
			var got []url.Values
			for _, s := range fake.Seen() {
				u, _ := url.Parse(s)
				if u.Path != "/api/monitoring/metrics/history" {
					continue
				}
				q := u.Query()
				// 1 h over 100 points wants 36 s; the server's finest resolution
				// at least that is 60 s. The range is aligned to the step.
				if q.Get("step") != "60" || q.Get("from") != "1748775600000" || q.Get("to") != "1748779260000" {
					t.Fatalf("window params: %v", q)
				}
				q.Del("step")
				q.Del("from")
				q.Del("to")
				got = append(got, q)
			}
			if d := cmp.Diff(tt.wantParams, got, sortValues); d != "" {
				t.Fatalf("requests (-want +got):\n%s", d)
			}
			v := frames[0].Fields[1]
			// 11:00 to 12:01: the end is rounded up to the step, and the
			// contract returns bucket starts in [from, to): 61 points.
			if v.Len() != 61 || v.Config.Interval != 60000 {
				t.Fatalf("points = %d, interval = %v", v.Len(), v.Config.Interval)
			}
		})
	}
}

var sortValues = cmp.Transformer("sortvalues", func(in []url.Values) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = v.Encode()
	}
	return slices.Sorted(slices.Values(out))
})
