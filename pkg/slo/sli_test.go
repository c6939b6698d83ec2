package slo

import (
	"math"
	"testing"
	"time"
)

func series(start time.Time, step time.Duration, values ...*float64) Series {
	s := Series{Times: make([]time.Time, len(values)), Values: values}
	for i := range values {
		s.Times[i] = start.Add(time.Duration(i+1) * step)
	}
	return s
}

func TestErrorRateEvents(t *testing.T) {
	t0 := testNow.Add(-time.Hour)
	er := series(t0, time.Minute, f64(10), f64(50), nil, f64(0), f64(math.NaN()), f64(150))
	t.Run("weighted by request rate, gaps skipped", func(t *testing.T) {
		rr := series(t0, time.Minute, f64(2), f64(1), f64(3), nil, f64(1), f64(1))
		got := ErrorRateEvents(er, rr, time.Minute).Slices
		// point 3 has no error rate, point 4 no request rate, point 5 is NaN.
		want := []Slice{
			{End: er.Times[0], Span: time.Minute, Good: 108, Total: 120},
			{End: er.Times[1], Span: time.Minute, Good: 30, Total: 60},
			{End: er.Times[5], Span: time.Minute, Good: 0, Total: 60}, // 150% is clamped to 100%
		}
		assertSlices(t, got, want)
	})
	t.Run("request rate joined on timestamps", func(t *testing.T) {
		rr := Series{Times: []time.Time{er.Times[1]}, Values: []*float64{f64(1)}}
		got := ErrorRateEvents(er, rr, time.Minute).Slices
		assertSlices(t, got, []Slice{{End: er.Times[1], Span: time.Minute, Good: 30, Total: 60}})
	})
	t.Run("without request rate steps weigh by their minutes", func(t *testing.T) {
		got := ErrorRateEvents(er, Series{}, 0).Slices
		assertSlices(t, got, []Slice{
			{End: er.Times[0], Span: time.Minute, Good: 0.9, Total: 1},
			{End: er.Times[1], Span: time.Minute, Good: 0.5, Total: 1},
			{End: er.Times[3], Span: time.Minute, Good: 1, Total: 1},
			{End: er.Times[5], Span: time.Minute, Good: 0, Total: 1},
		})
	})
}

func TestThresholdAndPercentSlices(t *testing.T) {
	t0 := testNow.Add(-time.Hour)
	lat := series(t0, 5*time.Minute, f64(1999), f64(2000), f64(2001), nil)
	assertSlices(t, ThresholdSlices(lat, 0, 2000).Slices, []Slice{ // good and total in minutes
		{End: lat.Times[0], Span: 5 * time.Minute, Good: 5, Total: 5},
		{End: lat.Times[1], Span: 5 * time.Minute, Good: 5, Total: 5}, // at the threshold is good
		{End: lat.Times[2], Span: 5 * time.Minute, Good: 0, Total: 5},
	})
	up := series(t0, time.Minute, f64(99.5), f64(120), f64(-3))
	assertSlices(t, PercentSlices(up, time.Minute).Slices, []Slice{
		{End: up.Times[0], Span: time.Minute, Good: 0.995, Total: 1},
		{End: up.Times[1], Span: time.Minute, Good: 1, Total: 1},
		{End: up.Times[2], Span: time.Minute, Good: 0, Total: 1},
	})
}

func TestStepInference(t *testing.T) {
	t0 := testNow
	s := Series{Times: []time.Time{t0, t0.Add(time.Minute), t0.Add(2 * time.Minute), t0.Add(10 * time.Minute)}}
	if got := stepOr(s, 0); got != time.Minute {
		t.Errorf("median step = %v, want 1m (one long gap must not change it)", got)
	}
	if got := stepOr(Series{Times: []time.Time{t0}}, 0); got != DefaultStep {
		t.Errorf("single point step = %v", got)
	}
	if got := stepOr(s, 30*time.Second); got != 30*time.Second {
		t.Errorf("explicit step = %v", got)
	}
}

func TestMergePrefersFineSlices(t *testing.T) {
	t0 := testNow.Add(-time.Hour)
	var coarse []Slice
	for i := 1; i <= 6; i++ {
		coarse = append(coarse, Slice{End: t0.Add(time.Duration(i) * 10 * time.Minute), Span: 10 * time.Minute, Good: 10, Total: 10})
	}
	var fine []Slice
	for i := 31; i <= 50; i++ { // covers (t0+30m, t0+50m]
		fine = append(fine, Slice{End: t0.Add(time.Duration(i) * time.Minute), Span: time.Minute, Good: 0, Total: 1})
	}
	got := Merge(SLI{Slices: coarse}, SLI{Slices: fine}).Slices
	if len(got) != 3+20+1 {
		t.Fatalf("%d slices, want 3 coarse before, 20 fine, 1 coarse after", len(got))
	}
	for i := 1; i < len(got); i++ {
		if !got[i].End.After(got[i-1].End) {
			t.Fatalf("slices not sorted at %d", i)
		}
	}
	if got[2].End != t0.Add(30*time.Minute) || got[23].End != t0.Add(60*time.Minute) {
		t.Errorf("boundaries: %v .. %v", got[2].End, got[23].End)
	}
	if len(Merge(SLI{}, SLI{Slices: fine}).Slices) != 20 || len(Merge(SLI{Slices: coarse}, SLI{}).Slices) != 6 {
		t.Error("merging with an empty SLI must return the other one")
	}
}

func assertSlices(t *testing.T, got, want []Slice) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d slices %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.End.Equal(w.End) || g.Span != w.Span || math.Abs(g.Good-w.Good) > 1e-9 || math.Abs(g.Total-w.Total) > 1e-9 {
			t.Errorf("slice %d = %+v, want %+v", i, g, w)
		}
	}
}
