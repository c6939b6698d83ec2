package integration

import (
	"context"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
)

// Every query type runs through QueryData against the real server and
// returns non-empty frames of the expected shape.
func TestEveryQueryType(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	tests := []struct {
		name, model string
		numeric     bool
		minFrames   int
		check       func(t *testing.T, frames data.Frames)
	}{
		{"default query", `{}`, true, 30, nil},
		{"metrics history of a category", `{"queryType":"metrics","category":"database"}`, true, 9, func(t *testing.T, frames data.Frames) {
			if n := frames[0].Fields[0].Len(); n < 50 {
				t.Fatalf("1 h of history at 1 min should have about 60 points, got %d", n)
			}
		}},
		{"metrics by name", `{"queryType":"metrics","metricName":"api.response_time.p95"}`, true, 2, nil},
		{"metrics of the whole application only", `{"queryType":"metrics","metricName":"api.error_rate","endpoint":"overall"}`, true, 1, func(t *testing.T, frames data.Frames) {
			if len(frames) != 1 || frames[0].Fields[1].Labels[query.EndpointLabel] != "" {
				t.Fatalf("want the one series without an endpoint label, got %d frames", len(frames))
			}
		}},
		{"metrics of one endpoint", `{"queryType":"metrics","metricName":"api.error_rate","endpoint":"/api/tickets"}`, true, 1, func(t *testing.T, frames data.Frames) {
			if len(frames) != 1 || frames[0].Fields[1].Labels[query.EndpointLabel] != "/api/tickets" {
				t.Fatalf("want the /api/tickets series, got %d frames", len(frames))
			}
		}},
		{"metrics live (current values)", `{"queryType":"metrics","category":"api","live":true}`, true, 1, func(t *testing.T, frames data.Frames) {
			if frames[0].Meta.Channel != "ds/it/metrics/api" {
				t.Fatalf("channel = %q", frames[0].Meta.Channel)
			}
		}},
		{"health", `{"queryType":"health"}`, true, 10, nil},
		{"uptime", `{"queryType":"uptime"}`, true, 7, nil},
		{"dashboard", `{"queryType":"dashboard"}`, true, 10, nil},
		{"alerts active", `{"queryType":"alerts"}`, false, 1, nil},
		{"alerts history", `{"queryType":"alerts","alertsAction":"history"}`, false, 1, nil},
		{"alerts configuration", `{"queryType":"alerts","alertsAction":"configuration"}`, false, 3, func(t *testing.T, frames data.Frames) {
			if frames[0].Rows() < 5 {
				t.Fatalf("the five default rules: got %d rules", frames[0].Rows())
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := queryOne(t, ds, tt.model)
			if r.Error != nil {
				t.Fatal(r.Error)
			}
			if len(r.Frames) < tt.minFrames {
				t.Fatalf("%d frames, want at least %d", len(r.Frames), tt.minFrames)
			}
			if tt.numeric {
				assertAlertable(t, r.Frames)
			}
			if tt.check != nil {
				tt.check(t, r.Frames)
			}
		})
	}
}

// Alert history over 2 days of backfilled workload has alerts, with the
// fields the alert timeline panel reads.
func TestAlertHistoryHasAlerts(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{
		dataQuery("A", `{"queryType":"alerts","alertsAction":"history"}`, 47*time.Hour),
	}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	f := r.Frames[0]
	if f.Rows() == 0 {
		t.Fatal("no alerts in two days of simulated history")
	}
	for _, name := range []string{frames.FieldTime, frames.FieldTimeEnd, frames.FieldTitle, frames.FieldSeverity, frames.FieldStatus, frames.FieldEscalationLevel} {
		if _, i := f.FieldByName(name); i < 0 {
			t.Fatalf("field %q missing", name)
		}
	}
}

// The three wire formats of the real server give the same series, and
// every metric the server reports is in the Go catalog with the same
// category and unit (so Prometheus text maps back correctly).
func TestFormatsAndCatalogAgree(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	series := func(format string) map[string]bool {
		r := queryOne(t, ds, `{"queryType":"metrics","live":true,"format":"`+format+`"}`)
		if r.Error != nil {
			t.Fatalf("%s: %v", format, r.Error)
		}
		out := map[string]bool{}
		for _, fld := range r.Frames[0].Fields[1:] {
			out[fld.Name+fld.Labels.String()+fld.Config.Unit] = true
		}
		return out
	}
	want := series("json")
	for _, format := range []string{"prometheus", "datadog"} {
		got := series(format)
		for k := range want {
			if !got[k] {
				t.Errorf("%s lacks %s", format, k)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s has %d series, json %d", format, len(got), len(want))
		}
	}

	m, err := fetchJSONMetrics(upstream(t, target.url, `{}`, target.apiKey))
	if err != nil {
		t.Fatal(err)
	}
	for _, mt := range m.Metrics {
		e, ok := parse.LookupMetric(mt.Name)
		if !ok || e.Category != mt.Category || e.Unit != mt.Unit {
			t.Errorf("catalog entry for %s = %+v (known %v); server says category %q unit %q", mt.Name, e, ok, mt.Category, mt.Unit)
		}
	}
}

func fetchJSONMetrics(c *client.Client) (parse.Metrics, error) {
	r := &query.Runner{Client: c}
	return r.FetchMetrics(context.Background(), "")
}

// assertAlertable: typed first frame, one time field per frame, numeric
// values, unique label sets (what alert rules need).
func assertAlertable(t *testing.T, frames data.Frames) {
	t.Helper()
	if frames[0].Meta == nil || !frames[0].Meta.Type.IsTimeSeries() || frames[0].Meta.TypeVersion != (data.FrameTypeVersion{0, 1}) {
		t.Fatalf("first frame meta = %+v", frames[0].Meta)
	}
	seen := map[string]bool{}
	for _, f := range frames {
		if len(f.Fields) < 2 || f.Fields[0].Type() != data.FieldTypeTime {
			t.Fatalf("frame %q: want a time field then values", f.Name)
		}
		for _, fld := range f.Fields[1:] {
			if !fld.Type().Numeric() {
				t.Fatalf("frame %q field %q is %s", f.Name, fld.Name, fld.Type())
			}
			key := fld.Labels.String()
			if seen[key] {
				t.Fatalf("duplicate label set %s", key)
			}
			seen[key] = true
		}
	}
}
