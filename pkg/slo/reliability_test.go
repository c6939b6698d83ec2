package slo

import (
	"testing"
	"time"
)

func TestReliability(t *testing.T) {
	from := testNow.Add(-10 * time.Hour)
	at := func(h float64) time.Time { return from.Add(time.Duration(h * float64(time.Hour))) }
	resolved := func(h float64) *time.Time { v := at(h); return &v }
	tests := []struct {
		name       string
		incidents  []Incident
		mtbf, mttr *float64
	}{
		{"no incidents", nil, nil, nil},
		{
			"two resolved incidents",
			[]Incident{{StartedAt: at(1), ResolvedAt: resolved(1.5)}, {StartedAt: at(5), ResolvedAt: resolved(6.5)}},
			f64((10 - 0.5 - 1.5) * 3600 / 2), f64(1 * 3600),
		},
		{
			"open incident counts as a failure and as downtime up to now, not as a repair",
			[]Incident{{StartedAt: at(1), ResolvedAt: resolved(2)}, {StartedAt: at(9)}},
			f64((10 - 1 - 1) * 3600 / 2), f64(3600),
		},
		{
			"incident that began before the range: its repair counts, not its failure",
			[]Incident{{StartedAt: at(-2), ResolvedAt: resolved(1)}},
			nil, f64(3 * 3600),
		},
		{
			"incidents outside the range are ignored",
			[]Incident{{StartedAt: at(-5), ResolvedAt: resolved(-4)}, {StartedAt: at(11)}},
			nil, nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mtbf, mttr := Reliability(tc.incidents, from, testNow)
			checkOptional(t, "mtbf", mtbf, tc.mtbf)
			checkOptional(t, "mttr", mttr, tc.mttr)
		})
	}
}

func checkOptional(t *testing.T, what string, got, want *float64) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %v, want null", what, *got)
	case want != nil:
		approxPtr(t, what, got, *want)
	}
}
