package slo

import (
	"testing"
	"time"
)

// thirtyDaysOfMinutes is the history behind the benchmarks: 43,200
// one-minute points of error rate and request rate, with a spike at the end.
func thirtyDaysOfMinutes() (errorRate, requestRate Series) {
	n := 30 * 24 * 60
	errorRate = Series{Times: make([]time.Time, n), Values: make([]*float64, n)}
	requestRate = Series{Times: make([]time.Time, n), Values: make([]*float64, n)}
	start := testNow.Add(-30 * 24 * time.Hour)
	for i := range n {
		t := start.Add(time.Duration(i+1) * time.Minute)
		er, rr := 0.1, 25.0
		if i > n-15 {
			er = 40
		}
		errorRate.Times[i], errorRate.Values[i] = t, f64(er)
		requestRate.Times[i], requestRate.Values[i] = t, f64(rr)
	}
	return errorRate, requestRate
}

// BenchmarkCompute: budget, seven burn rates and conditions over 30 days of
// one-minute slices.
func BenchmarkCompute(b *testing.B) {
	er, rr := thirtyDaysOfMinutes()
	sli := ErrorRateEvents(er, rr, time.Minute)
	o := DefaultObjectives()[1]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r := Compute(o, sli, testNow)
		if !r.FastBurn {
			b.Fatal("the spike must page")
		}
	}
}

// BenchmarkEvaluateFromSeries adds deriving the SLI from the parsed series
// and the 500-point trend: the whole work of one slo query per objective.
func BenchmarkEvaluateFromSeries(b *testing.B) {
	er, rr := thirtyDaysOfMinutes()
	in := Inputs{Now: testNow, History: []HistoryBlock{{Step: time.Minute, Series: map[string]Series{MetricErrorRate: er, MetricRequestRate: rr}}}}
	objs := DefaultObjectives()[1:2]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rs := Evaluate(objs, in)
		if len(rs[0].Trend(DefaultTrendPoints)) == 0 {
			b.Fatal("no trend")
		}
	}
}
