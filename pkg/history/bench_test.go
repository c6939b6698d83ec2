package history_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/history"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/settings"
	"github.com/appmon/monitoring/pkg/slo"
)

func init() {
	// The SDK logs a line for every HTTP client built, which would split
	// the benchmark's result line for whoever reads it.
	log.DefaultLogger = log.NewNullLogger()
}

// steadyEvaluations are the evaluations one minute apart measured per
// round after the first.
const steadyEvaluations = 3

func newClient(tb testing.TB, url string) *client.Client {
	tb.Helper()
	// No response cache: evaluations a minute apart would never share one,
	// and a whole fetch must really go upstream.
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		URL: url, JSONData: json.RawMessage(`{"cacheTTLSeconds":0,"retries":0}`),
	})
	if err != nil {
		tb.Fatal(err)
	}
	c, err := client.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	return c
}

// sloRule is the query a burn-rate alert rule runs every minute.
func sloRule(tb testing.TB) query.Query {
	tb.Helper()
	q, err := query.Parse(backend.DataQuery{RefID: "A", QueryType: "slo", JSON: json.RawMessage(`{"queryType":"slo"}`),
		TimeRange: backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}})
	if err != nil {
		tb.Fatal(err)
	}
	q.FromAlert = true
	return q
}

// evaluate runs the rule once and returns the upstream requests and
// bytes it caused, and the slo frame.
func evaluate(tb testing.TB, up *upstream, r *query.Runner, q query.Query) (reqs, bytes int64, frame *data.Frame) {
	tb.Helper()
	up.reset()
	frames, err := r.Run(context.Background(), q)
	if err != nil {
		tb.Fatal(err)
	}
	if len(frames) != 1 || frames[0].Rows() != 3 {
		tb.Fatalf("the rule got %d frames, want the slo frame with the 3 default objectives", len(frames))
	}
	return up.requests.Load(), up.bytes.Load(), frames[0]
}

// BenchmarkSLOHistoryIncremental measures what the default SLOs (30-day
// windows) move per evaluation against a server keeping 30 days of
// 1-minute points: the first evaluation of a new data source instance,
// the steady state (evaluations a minute apart, as Grafana runs a rule),
// and fetching every window whole, in the same run.
func BenchmarkSLOHistoryIncremental(b *testing.B) {
	up := newUpstream(b, time.Date(2026, 3, 2, 12, 0, 30, 0, time.UTC), 30)
	q := sloRule(b)
	var first, steady, full [2]int64
	add := func(acc *[2]int64, reqs, bytes int64) { acc[0] += reqs; acc[1] += bytes }
	b.ResetTimer()
	for range b.N {
		c := newClient(b, up.URL)
		r := &query.Runner{Client: c, Now: up.Now, Objectives: slo.DefaultObjectives(), History: query.NewHistoryCache(history.DefaultMaxBytes)}
		whole := &query.Runner{Client: c, Now: up.Now, Objectives: slo.DefaultObjectives()}
		reqs, bytes, _ := evaluate(b, up, r, q)
		add(&first, reqs, bytes)
		for range steadyEvaluations {
			up.Advance(time.Minute)
			reqs, bytes, got := evaluate(b, up, r, q)
			add(&steady, reqs, bytes)
			reqs, bytes, want := evaluate(b, up, whole, q)
			add(&full, reqs, bytes)
			if gs, ws := frameString(b, got), frameString(b, want); gs != ws {
				b.Fatalf("the incremental evaluation differs from the whole one:\n%s\nwant\n%s", gs, ws)
			}
		}
	}
	n, ns := float64(b.N), float64(b.N*steadyEvaluations)
	b.ReportMetric(float64(first[0])/n, "first-req/op")
	b.ReportMetric(float64(first[1])/n, "first-B/op")
	b.ReportMetric(float64(steady[0])/ns, "steady-req/op")
	b.ReportMetric(float64(steady[1])/ns, "steady-B/op")
	b.ReportMetric(float64(full[0])/ns, "full-req/op")
	b.ReportMetric(float64(full[1])/ns, "full-B/op")
}

// TestSLOSteadyStateMovesFiftyTimesLess is the benchmark's goal as a test:
// once warm, an evaluation a minute later moves at least 50 times fewer
// bytes than fetching the 30-day windows whole, with the same result.
func TestSLOSteadyStateMovesFiftyTimesLess(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 30, 0, time.UTC), 30)
	q := sloRule(t)
	c := newClient(t, up.URL)
	r := &query.Runner{Client: c, Now: up.Now, Objectives: slo.DefaultObjectives(), History: query.NewHistoryCache(history.DefaultMaxBytes)}
	whole := &query.Runner{Client: c, Now: up.Now, Objectives: slo.DefaultObjectives()}
	evaluate(t, up, r, q)
	for range 3 {
		up.Advance(time.Minute)
		reqs, bytes, got := evaluate(t, up, r, q)
		fullReqs, fullBytes, want := evaluate(t, up, whole, q)
		if bytes*50 > fullBytes {
			t.Fatalf("steady state moved %d bytes in %d requests; whole windows %d bytes in %d: less than 50 times more", bytes, reqs, fullBytes, fullReqs)
		}
		if reqs > fullReqs {
			t.Fatalf("steady state made %d requests, whole windows %d", reqs, fullReqs)
		}
		if gs, ws := frameString(t, got), frameString(t, want); gs != ws {
			t.Fatalf("the incremental evaluation differs from the whole one:\n%s\nwant\n%s", gs, ws)
		}
	}
}

// frameString is the frame without the requests it made (the query
// inspector's text), which differ by design.
func frameString(tb testing.TB, f *data.Frame) string {
	tb.Helper()
	if f.Meta != nil {
		f.Meta.ExecutedQueryString = ""
	}
	b, err := json.Marshal(f)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
