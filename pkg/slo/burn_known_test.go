package slo

import (
	"testing"
	"time"
)

// Burn flags are unknown (null in the frame) without data, never 0: a
// burn-rate alert rule must see no data, not "not burning".
func TestBurnFlagsUnknownWithoutData(t *testing.T) {
	o := DefaultObjectives()[1]
	calm := Compute(o, minuteSLI(testNow.Add(-4*24*time.Hour), testNow, constant(0)), testNow)
	old := Compute(o, minuteSLI(testNow.Add(-30*24*time.Hour), testNow.Add(-4*24*time.Hour), constant(0)), testNow)
	tests := []struct {
		name       string
		r          Result
		fast, slow *float64
	}{
		{"calm history", calm, ptr(0.0), ptr(0.0)},
		{"no history at all", Compute(o, SLI{}, testNow), nil, nil},
		{"history older than every burn window", old, nil, nil},
		{"uptime snapshot", ComputeFromSnapshot(DefaultObjectives()[0], UptimeSnapshot{Percentage: 99.9, Seconds: 3600}, testNow), nil, nil},
		{"no source", EvaluateOne(o, Inputs{Now: testNow}), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := SLOFrame([]Result{tt.r})
			for name, want := range map[string]*float64{"fast_burn": tt.fast, "slow_burn": tt.slow} {
				fd, _ := f.FieldByName(name)
				got := fd.At(0).(*float64)
				if (got == nil) != (want == nil) || (got != nil && *got != *want) {
					t.Errorf("%s = %v, want %v", name, deref(got), deref(want))
				}
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}
