package fleet

import (
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/slo"
)

func block(step time.Duration, series map[string][]*float64) slo.HistoryBlock {
	b := slo.HistoryBlock{Step: step}
	for name, vals := range series {
		b.Add(name, nil, slo.Series{Times: minutes(len(vals), 0), Values: vals})
	}
	return b
}

func TestCombineSLOInputs(t *testing.T) {
	resolved := t0.Add(time.Minute)
	a := slo.Inputs{Now: t0, Uptime: &slo.UptimeSnapshot{Percentage: 99, Seconds: 3600},
		Incidents: []slo.Incident{{StartedAt: t0, ResolvedAt: &resolved}},
		History: []slo.HistoryBlock{block(time.Minute, map[string][]*float64{
			slo.MetricErrorRate:   {f64(10), f64(1)},
			slo.MetricRequestRate: {f64(100), f64(50)},
			slo.MetricResponseP95: {f64(200), nil},
		})}}
	b := slo.Inputs{Now: t0, Uptime: &slo.UptimeSnapshot{Percentage: 100, Seconds: 60},
		Incidents: []slo.Incident{{StartedAt: t0, ResolvedAt: &resolved}, {StartedAt: t0.Add(time.Hour)}},
		History: []slo.HistoryBlock{block(time.Minute, map[string][]*float64{
			slo.MetricErrorRate:   {f64(0), f64(3)},
			slo.MetricRequestRate: {f64(300), nil},
			slo.MetricResponseP95: {f64(900), f64(100)},
		})}}
	got := CombineSLOInputs([]slo.Inputs{a, b})
	if len(got.History) != 1 {
		t.Fatalf("%d blocks", len(got.History))
	}
	h := got.History[0].Series
	// Minute 1: (10·100 + 0·300) / 400 = 2.5 %; minute 2: b's request rate is unknown, so the plain mean.
	if !same(h[slo.MetricErrorRate].Values, f64(2.5), f64(2)) {
		t.Errorf("error rate %s", show(h[slo.MetricErrorRate].Values))
	}
	if !same(h[slo.MetricRequestRate].Values, f64(400), nil) {
		t.Errorf("request rate %s", show(h[slo.MetricRequestRate].Values))
	}
	if !same(h[slo.MetricResponseP95].Values, f64(900), f64(100)) {
		t.Errorf("p95 %s", show(h[slo.MetricResponseP95].Values))
	}
	if got.Uptime == nil || got.Uptime.Percentage != 99.5 || got.Uptime.Seconds != 60 {
		t.Errorf("uptime %+v", got.Uptime)
	}
	if len(got.Incidents) != 2 {
		t.Errorf("incidents %+v: the shared one counts once", got.Incidents)
	}
}
