package slo

import (
	"strings"
	"testing"
	"time"
)

func TestEvaluateWithCoarseAndFineHistory(t *testing.T) {
	objs := DefaultObjectives()
	plan := PlanHistory(objs, testNow)
	if len(plan) != 2 {
		t.Fatalf("plan = %+v, want a coarse 30d fetch and a fine 3d fetch", plan)
	}
	coarse, fine := plan[0], plan[1]
	if coarse.Step != 5*time.Minute || !coarse.From.Equal(testNow.Add(-30*24*time.Hour)) || fine.Step != time.Minute || !fine.From.Equal(testNow.Add(-72*time.Hour)) {
		t.Fatalf("plan = %+v", plan)
	}
	wantNames := "api.error_rate,api.requests.rate,api.response_time.p95,uptime.percentage"
	if got := strings.Join(coarse.Names, ","); got != wantNames {
		t.Errorf("names = %s, want %s", got, wantNames)
	}

	// Simulate the server: availability 100 everywhere, latency slow only
	// in the last 30 minutes, errors at 0.1% with 10 req/s.
	block := func(f Fetch) HistoryBlock {
		n := int(f.To.Sub(f.From) / f.Step)
		b := HistoryBlock{Step: f.Step, Series: map[string]Series{}}
		for _, name := range f.Names {
			s := Series{}
			for i := 1; i <= n; i++ {
				ts := f.From.Add(time.Duration(i) * f.Step)
				v := map[string]float64{MetricUptime: 100, MetricErrorRate: 0.1, MetricRequestRate: 10, MetricResponseP95: 300}[name]
				if name == MetricResponseP95 && ts.After(testNow.Add(-30*time.Minute)) {
					v = 2500
				}
				s.Times, s.Values = append(s.Times, ts), append(s.Values, f64(v))
			}
			b.Series[name] = s
		}
		return b
	}
	in := Inputs{Now: testNow, History: []HistoryBlock{block(fine), block(coarse)}, Incidents: []Incident{}}
	rs := Evaluate(objs, in)
	if len(rs) != 3 {
		t.Fatalf("%d results", len(rs))
	}
	approxPtr(t, "availability actual", rs[0].Actual, 100)
	approxPtr(t, "error rate actual", rs[1].Actual, 99.9)
	approxPtr(t, "error rate burn 1h", rs[1].BurnRates[Burn1h], 0.2)
	// Latency: 30 slow minutes in the fine data; burn 5m = 1/0.01 = 100.
	approxPtr(t, "latency burn 5m", rs[2].BurnRates[Burn5m], 100)
	approxPtr(t, "latency burn 1h", rs[2].BurnRates[Burn1h], 50)
	approxPtr(t, "latency actual", rs[2].Actual, (1-30.0/43200)*100)
	if !rs[2].FastBurn {
		t.Error("latency: 50x over 1h and 100x over 5m must page")
	}
	for _, r := range rs {
		approx(t, r.Objective.ID+" coverage", r.HistoryCoverage, 1)
		if r.Source != SourceHistory || r.MTBFSeconds != nil || r.MTTRSeconds != nil {
			t.Errorf("%s: source %s, mtbf %v, mttr %v", r.Objective.ID, r.Source, r.MTBFSeconds, r.MTTRSeconds)
		}
		if tr := r.Trend(100); len(tr) < 100 || len(tr) > 101 || tr[len(tr)-1].Value == nil {
			t.Errorf("%s: trend of %d points", r.Objective.ID, len(tr))
		}
	}
}

func TestEvaluateWithoutHistory(t *testing.T) {
	objs := DefaultObjectives()
	rs := Evaluate(objs, Inputs{Now: testNow, Uptime: &UptimeSnapshot{Percentage: 99.95, Seconds: 15 * 24 * 3600}})
	a := rs[0]
	if a.Source != SourceSnapshot {
		t.Fatalf("availability source = %s", a.Source)
	}
	approxPtr(t, "actual", a.Actual, 99.95)
	approx(t, "coverage", a.HistoryCoverage, 0.5)
	// 0.05% of the 30-day window = 21.6 minutes of a 43.2 minute budget.
	approxPtr(t, "budget_remaining_ratio", a.BudgetRemainingRatio, 0.5)
	for i, b := range a.BurnRates {
		if b != nil {
			t.Errorf("burn_rate_%s = %v, want null without history", BurnWindows[i].Name, *b)
		}
	}
	if a.FastBurn || a.SlowBurn || a.TimeToExhaustionSeconds != nil || a.Trend(10) != nil {
		t.Error("a snapshot has no burn, no exhaustion estimate and no trend")
	}
	for _, r := range rs[1:] {
		if r.Source != SourceNone || r.Actual != nil || len(r.Notices) != 1 || !strings.Contains(r.Notices[0], "metrics.history") {
			t.Errorf("%s: %+v", r.Objective.ID, r)
		}
	}
}

func TestSnapshotUnusable(t *testing.T) {
	o := DefaultObjectives()[0]
	r := ComputeFromSnapshot(o, UptimeSnapshot{Percentage: 99, Seconds: 0}, testNow)
	if r.Actual != nil || len(r.Notices) != 1 {
		t.Errorf("%+v", r)
	}
}

func TestEvaluateReliabilityFromIncidents(t *testing.T) {
	objs := DefaultObjectives()[:1]
	start := testNow.Add(-2 * time.Hour)
	end := testNow.Add(-time.Hour)
	rs := Evaluate(objs, Inputs{Now: testNow, Incidents: []Incident{{StartedAt: start, ResolvedAt: &end}}})
	approxPtr(t, "mttr", rs[0].MTTRSeconds, 3600)
	approxPtr(t, "mtbf", rs[0].MTBFSeconds, (30*24-1)*3600)
}

func TestPlanHistory(t *testing.T) {
	if PlanHistory(nil, testNow) != nil {
		t.Error("no objectives, no fetches")
	}
	w, _ := ParseWindow("7d", "")
	p := PlanHistory([]Objective{{ID: "a", Kind: KindAvailability, Target: 99, Metric: MetricUptime, Window: w}}, testNow)
	if len(p) != 2 || p[0].Step != 2*time.Minute || len(p[0].Names) != 1 {
		t.Errorf("7d plan = %+v (7d at 1m is 10080 points, over the limit)", p)
	}
	for _, f := range p {
		if pts := int(f.To.Sub(f.From) / f.Step); pts > MaxPointsPerSeries {
			t.Errorf("fetch %+v asks for %d points", f, pts)
		}
	}
	// A calendar month that began hours ago still needs 3 days for burn rates.
	cm, _ := ParseWindow("calendar_month", "")
	now := time.Date(2025, 3, 1, 5, 0, 0, 0, time.UTC)
	p = PlanHistory([]Objective{{ID: "m", Kind: KindLatency, Target: 99, Metric: MetricResponseP95, ThresholdMs: 1, Window: cm}}, now)
	if len(p) != 1 || !p[0].From.Equal(now.Add(-72*time.Hour)) || p[0].Step != time.Minute {
		t.Errorf("plan = %+v", p)
	}
}

func TestTrendBuckets(t *testing.T) {
	from := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	to := from.Add(time.Hour)
	sli := minuteSLI(from, to, func(end time.Time) float64 {
		if end.After(from.Add(30 * time.Minute)) {
			return 1
		}
		return 0
	})
	pts := Trend(sli, from, to, 4)
	if len(pts) != 4 {
		t.Fatalf("%d points", len(pts))
	}
	want := []float64{100, 100, 0, 0}
	for i, p := range pts {
		if !p.Time.Equal(from.Add(time.Duration(i) * 15 * time.Minute)) {
			t.Errorf("point %d at %v", i, p.Time)
		}
		approxPtr(t, "bucket", p.Value, want[i])
	}
	gap := Trend(SLI{Slices: sli.Slices[:10]}, from, to, 4)
	if gap[1].Value != nil {
		t.Error("a bucket without data must be null")
	}
	if Trend(sli, to, from, 4) != nil {
		t.Error("empty range must give no points")
	}
}

func TestHistoryBlockPrefersTheOverallSeries(t *testing.T) {
	one := Series{Times: []time.Time{testNow}, Values: []*float64{f64(1)}}
	two := Series{Times: []time.Time{testNow}, Values: []*float64{f64(2)}}
	three := Series{Times: []time.Time{testNow}, Values: []*float64{f64(3)}}
	var b HistoryBlock
	b.Add(MetricResponseP95, map[string]string{"endpoint": "/a"}, one)
	if *b.Series[MetricResponseP95].Values[0] != 1 {
		t.Fatal("a labelled series is used until an overall one arrives")
	}
	b.Add(MetricResponseP95, nil, two)
	b.Add(MetricResponseP95, map[string]string{"endpoint": "/b"}, three)
	b.Add(MetricResponseP95, nil, three)
	if got := *b.Series[MetricResponseP95].Values[0]; got != 2 {
		t.Errorf("stored value %v, want the first overall series", got)
	}
}
