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
			for name, got := range map[string]*float64{"fast_burn": flag(tt.r.FastBurn, tt.r.FastBurnKnown), "slow_burn": flag(tt.r.SlowBurn, tt.r.SlowBurnKnown)} {
				want := map[string]*float64{"fast_burn": tt.fast, "slow_burn": tt.slow}[name]
				if (got == nil) != (want == nil) || (got != nil && *got != *want) {
					t.Errorf("%s = %v, want %v", name, deref(got), deref(want))
				}
			}
		})
	}
}

// flag reads a burn flag the way the slo frame shows it: unknown is null.
func flag(b, known bool) *float64 {
	if !known {
		return nil
	}
	if b {
		return ptr(1.0)
	}
	return ptr(0.0)
}

func deref(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}
