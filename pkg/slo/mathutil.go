package slo

import "math"

// Unbounded stands for an infinite burn rate or overspend. JSON cannot
// carry ±Inf and alert expressions misbehave on it, so the package reports
// this large finite value instead: a 100% objective with any bad event has
// burn rate +Unbounded and budget_remaining_ratio -Unbounded. Every finite
// burn rate is also capped at Unbounded.
const Unbounded = 1e9

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func ptr[T any](v T) *T { return &v }
