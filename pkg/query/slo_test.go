package query

import (
	"encoding/json"
	"math"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/slo"
)

// spikeStart is when the fake's error rate jumps from 0.2 % to 10 %:
// 90 minutes before testNow, so the last hour burns at 10/0.5 = 20.
var spikeStart = testNow.Add(-90 * time.Minute)

func sloFake(t *testing.T) *fakeapi.Server {
	fake := fakeapi.New(t)
	fake.HistoryValue = func(name string, at time.Time) (float64, bool) {
		switch name {
		case slo.MetricErrorRate:
			if !at.Before(spikeStart) {
				return 10, true
			}
			return 0.2, true
		case slo.MetricRequestRate:
			return 100, true
		case slo.MetricResponseP95:
			return 120, true
		case slo.MetricUptime:
			return 100, true
		}
		return 1, true
	}
	return fake
}

func sloRunner(t *testing.T, url string) *Runner {
	r := newRunner(t, url)
	r.Objectives = slo.DefaultObjectives()
	r.Schedule = oncall.DefaultSchedule()
	return r
}

func floatAt(t *testing.T, f *data.Frame, column string, row int) *float64 {
	t.Helper()
	fld, i := f.FieldByName(column)
	if i < 0 {
		t.Fatalf("no field %q", column)
	}
	v, ok := fld.ConcreteAt(row)
	if !ok {
		return nil
	}
	x := v.(float64)
	return &x
}

func TestSLOQueryFetchesPlannedHistoryAndBurns(t *testing.T) {
	fake := sloFake(t)
	r := sloRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "slo", `{}`, testNow.Add(-time.Hour), testNow))

	if len(frames) != 4 || frames[0].Name != "slo" || frames[1].Name != "slo_trend" {
		t.Fatalf("want slo + 3 trends, got %d frames", len(frames))
	}
	// 30-day windows at a 5-minute step (inside the retention, aligned
	// inward) plus the last 3 days at one minute, one request per metric.
	var got []string
	for _, u := range fake.Seen() {
		if strings.HasPrefix(u, "/api/monitoring/metrics/history") {
			parsed, _ := url.Parse(u)
			q := parsed.Query()
			got = append(got, q.Get("name")+" "+q.Get("step")+" "+ms(q.Get("from"))+" "+ms(q.Get("to")))
		}
	}
	sort.Strings(got)
	var want []string
	for _, n := range []string{"api.error_rate", "api.requests.rate", "api.response_time.p95", "uptime.percentage"} {
		want = append(want,
			n+" 300 2025-05-02T12:05:00Z 2025-06-01T12:00:00Z",
			n+" 60 2025-05-29T12:01:00Z 2025-06-01T12:00:00Z")
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("history requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fake.Count("/api/monitoring/uptime") != 0 || fake.Count("/api/monitoring/incidents") != 1 {
		t.Fatalf("uptime fetched %d times (history covers availability), incidents %d", fake.Count("/api/monitoring/uptime"), fake.Count("/api/monitoring/incidents"))
	}

	f := frames[0]
	rows := map[string]int{}
	for i := 0; i < f.Rows(); i++ {
		v, _ := f.FieldByName("objective")
		rows[v.At(i).(string)] = i
	}
	er := rows["error_rate"]
	for _, col := range []string{"burn_rate_5m", "burn_rate_1h"} {
		if b := floatAt(t, f, col, er); b == nil || math.Abs(*b-20) > 1e-9 {
			t.Errorf("error_rate %s = %v, want 10 %% / 0.5 %% = 20", col, b)
		}
	}
	wantFast := map[string]float64{"error_rate": 1, "availability": 0, "latency": 0}
	for id, fast := range wantFast {
		if v := floatAt(t, f, "fast_burn", rows[id]); v == nil || *v != fast {
			t.Errorf("%s fast_burn = %v, want %v", id, v, fast)
		}
	}
	if c := floatAt(t, f, "history_coverage", er); c == nil || *c < 0.99 {
		t.Errorf("history_coverage = %v: 30 days of history cover the window", c)
	}
	if mttr := floatAt(t, f, "mttr_seconds", er); mttr == nil || *mttr != 1800 {
		t.Errorf("mttr_seconds = %v, want the fake incident's 30 minutes", mttr)
	}
	if !strings.Contains(f.Meta.ExecutedQueryString, "GET /api/monitoring/incidents?") {
		t.Errorf("the incidents request belongs in the query inspector:\n%s", f.Meta.ExecutedQueryString)
	}
}

func ms(v string) string {
	var n int64
	for _, c := range v {
		n = n*10 + int64(c-'0')
	}
	return time.UnixMilli(n).UTC().Format(time.RFC3339)
}

func TestSLOQueryForAlertRules(t *testing.T) {
	fake := sloFake(t)
	r := sloRunner(t, fake.URL)

	q := mustParse(t, "slo", `{"objective":"error_rate"}`, testNow.Add(-5*time.Minute), testNow)
	q.FromAlert = true
	frames := run(t, r, q)
	if len(frames) != 1 || frames[0].Name != "slo" || frames[0].Rows() != 1 {
		t.Fatalf("alert rules get the slo frame alone: %d frames", len(frames))
	}
	if _, i := frames[0].FieldByName(LabelOncallPrimary); i < 0 {
		t.Fatal("alert queries carry the on-call labels as string columns")
	}
	for _, u := range fake.Seen() {
		if strings.Contains(u, "name=api.response_time.p95") || strings.Contains(u, "name=uptime.percentage") {
			t.Fatalf("only the error-rate objective's metrics are needed, got %s", u)
		}
	}

	q = mustParse(t, "slo", `{"sloField":"fast_burn"}`, testNow.Add(-5*time.Minute), testNow)
	f := run(t, r, q)[0]
	var names []string
	for _, fld := range f.Fields {
		names = append(names, fld.Name)
	}
	if strings.Join(names, ",") != "objective,title,window,fast_burn" || f.Meta.Type != data.FrameTypeNumericLong || f.Rows() != 3 {
		t.Fatalf("sloField frame: fields %v, type %v, rows %d", names, f.Meta.Type, f.Rows())
	}

	f = run(t, r, mustParse(t, "slo", `{"sloField":"compliant","objective":"latency"}`, testNow.Add(-5*time.Minute), testNow))[0]
	if v := floatAt(t, f, "compliant", 0); v == nil || *v != 1 {
		t.Fatalf("compliant as a number = %v, want 1 (met)", v)
	}
}

func TestSLOQueryErrors(t *testing.T) {
	fake := sloFake(t)
	r := sloRunner(t, fake.URL)
	_, err := r.Run(t.Context(), mustParse(t, "slo", `{"objective":"throughput"}`, testNow.Add(-time.Hour), testNow))
	var bq *BadQueryError
	if !asBadQuery(err, &bq) || err.Error() != `no SLO objective matches "throughput": this data source has availability, error_rate, latency` {
		t.Fatalf("err = %v", err)
	}
	_, err = Parse(backend.DataQuery{JSON: json.RawMessage(`{"queryType":"slo","sloField":"burn_rate_2d"}`)})
	if !asBadQuery(err, &bq) || !strings.HasPrefix(err.Error(), `sloField "burn_rate_2d" is not a number of the slo frame: use one of target, actual, compliant, budget_total_minutes`) {
		t.Fatalf("err = %v", err)
	}

	// A failing history endpoint fails the query: burn rates from part of
	// the data would quietly resolve a page.
	fake.SetFault("/api/monitoring/metrics/history", fakeapi.Fault{Status: 503, Body: `{"error":{"status":503,"code":"unavailable","message":"history store offline"}}`})
	if _, err := r.Run(t.Context(), mustParse(t, "slo", `{}`, testNow.Add(-time.Hour), testNow)); err == nil || !strings.Contains(err.Error(), "history store offline") {
		t.Fatalf("err = %v", err)
	}
}

// A server that refuses the history of a metric (400: it does not keep
// it) leaves that objective without data and says so; availability falls
// back to the uptime snapshot.
func TestSLOQueryWithoutHistory(t *testing.T) {
	for name, setup := range map[string]func(*fakeapi.Server){
		"history refused": func(f *fakeapi.Server) {
			f.SetFault("/api/monitoring/metrics/history", fakeapi.Fault{Status: 400, Body: `{"error":{"status":400,"code":"bad_request","message":"unknown metric"}}`})
		},
		"no extensions": func(f *fakeapi.Server) { f.NoCapabilities = true },
	} {
		t.Run(name, func(t *testing.T) {
			fake := sloFake(t)
			setup(fake)
			r := sloRunner(t, fake.URL)
			frames := run(t, r, mustParse(t, "slo", `{}`, testNow.Add(-time.Hour), testNow))
			f := frames[0]
			if fake.Count("/api/monitoring/uptime") != 1 {
				t.Fatal("availability needs the uptime snapshot")
			}
			avail := floatAt(t, f, "actual", 0)
			if avail == nil || *avail != 99.95 {
				t.Fatalf("availability from the snapshot = %v, want 99.95", avail)
			}
			if floatAt(t, f, "actual", 1) != nil || floatAt(t, f, "burn_rate_1h", 0) != nil {
				t.Fatal("error rate without history and burn rates without history must be null, never 0")
			}
			var texts []string
			for _, n := range f.Meta.Notices {
				texts = append(texts, n.Text)
			}
			joined := strings.Join(texts, "\n")
			if !strings.Contains(joined, "objective error_rate needs the history of [api.error_rate api.requests.rate]") {
				t.Fatalf("notices:\n%s", joined)
			}
		})
	}
}

func TestPlanSLOFetches(t *testing.T) {
	now := testNow
	plan := slo.PlanHistory(slo.DefaultObjectives(), now)
	caps := func(days, maxPoints int) parse.Capabilities {
		return parse.Capabilities{Retention: parse.Retention{MetricsDays: days}, HistoryResolutionSeconds: []int{60}, MaxPointsPerSeries: maxPoints}
	}
	describe := func(fs []sloFetch) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.From.Format(time.RFC3339)+" "+f.To.Format(time.RFC3339)+" "+time.Duration(f.Step*int(time.Second)).String())
		}
		return strings.Join(out, "; ")
	}
	tests := []struct {
		name string
		caps parse.Capabilities
		want string
	}{
		{"30 days kept", caps(30, 0), "2025-05-02T12:05:00Z 2025-06-01T12:00:00Z 5m0s; 2025-05-29T12:01:00Z 2025-06-01T12:00:00Z 1m0s"},
		{"2 days kept: the fine request covers the coarse one", caps(2, 0), "2025-05-30T12:01:00Z 2025-06-01T12:00:00Z 1m0s"},
		{"no retention reported", parse.Capabilities{}, "2025-05-02T12:05:00Z 2025-06-01T12:00:00Z 5m0s; 2025-05-29T12:01:00Z 2025-06-01T12:00:00Z 1m0s"},
		{"point limit doubles the step", caps(30, 2000), "2025-05-02T12:40:00Z 2025-06-01T12:00:00Z 40m0s; 2025-05-29T12:04:00Z 2025-06-01T12:00:00Z 4m0s"},
	}
	for _, tt := range tests {
		if got := describe(planSLOFetches(plan, tt.caps, now)); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// History points are bucket starts; slo reads a point as the step ending
// at its time. Per-endpoint series give way to the overall one.
func TestAddHistoryShiftsBucketsToTheirEnd(t *testing.T) {
	t0 := time.Date(2025, 6, 1, 11, 0, 0, 0, time.UTC)
	h := parse.History{Series: []parse.Series{
		{Name: "api.error_rate", Labels: map[string]string{"endpoint": "/a"}, Times: []time.Time{t0}, Values: []*float64{num(50)}},
		{Name: "api.error_rate", Times: []time.Time{t0, t0.Add(time.Minute)}, Values: []*float64{num(1), nil}},
		{Name: "api.requests.rate", Labels: map[string]string{"endpoint": "/a"}, Times: []time.Time{t0}, Values: []*float64{num(3)}},
	}}
	var b slo.HistoryBlock
	addHistory(&b, h, time.Minute)
	er := b.Series["api.error_rate"]
	if len(er.Times) != 2 || !er.Times[0].Equal(t0.Add(time.Minute)) || *er.Values[0] != 1 || er.Values[1] != nil {
		t.Fatalf("error rate = %+v", er)
	}
	if rr := b.Series["api.requests.rate"]; len(rr.Times) != 1 || *rr.Values[0] != 3 {
		t.Fatalf("a metric with only per-endpoint series keeps one: %+v", rr)
	}
	if !h.Series[1].Times[0].Equal(t0) {
		t.Fatal("the parsed history is shared and must not change")
	}
}
