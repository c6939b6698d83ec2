package slo

import (
	"math"
	"testing"
	"time"
)

// Fixed clock for every test: Friday 2025-03-14 12:00 UTC.
var testNow = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

// minuteSLI builds one-minute slices ending in (from, to], each with 100
// events of which bad(end) share fails.
func minuteSLI(from, to time.Time, bad func(end time.Time) float64) SLI {
	var out []Slice
	for t := from.Add(time.Minute); !t.After(to); t = t.Add(time.Minute) {
		b := bad(t)
		out = append(out, Slice{End: t, Span: time.Minute, Good: 100 * (1 - b), Total: 100})
	}
	return SLI{Slices: out}
}

func constant(v float64) func(time.Time) float64 { return func(time.Time) float64 { return v } }

func objective(t *testing.T, kind Kind, target float64, window, tz string) Objective {
	t.Helper()
	w, err := ParseWindow(window, tz)
	if err != nil {
		t.Fatalf("ParseWindow(%q, %q): %v", window, tz, err)
	}
	return Objective{ID: string(kind), Title: string(kind), Kind: kind, Target: target, Window: w, Metric: MetricUptime}
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.9g, want %.9g", what, got, want)
	}
}

func approxPtr(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = null, want %.9g", what, want)
		return
	}
	approx(t, what, *got, want)
}

func f64(v float64) *float64 { return &v }
