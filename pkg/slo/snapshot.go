package slo

import (
	"fmt"
	"time"
)

// UptimeSnapshot is the current /api/monitoring/uptime reading: the
// availability percentage over the last Seconds of process uptime.
type UptimeSnapshot struct {
	Percentage float64
	Seconds    float64
}

// ComputeFromSnapshot evaluates an availability objective without history.
// The snapshot covers min(Seconds, elapsed window) and, by the partial
// history rule, stands for the whole elapsed window. Burn rates need
// history, so they stay unknown and the burn conditions false.
func ComputeFromSnapshot(obj Objective, snap UptimeSnapshot, now time.Time) Result {
	r := newResult(obj, now)
	r.Source = SourceSnapshot
	elapsed := r.elapsed()
	if !finite(snap.Percentage) || !finite(snap.Seconds) || snap.Seconds <= 0 {
		r.Notices = append(r.Notices, fmt.Sprintf("objective %s: the uptime snapshot has no usable percentage or duration", obj.ID))
		return r
	}
	if elapsed > 0 {
		r.HistoryCoverage = clamp(snap.Seconds/elapsed.Seconds(), 0, 1)
	}
	r.applyBudget(1-clamp(snap.Percentage/100, 0, 1), elapsed)
	r.Notices = append(r.Notices, fmt.Sprintf(
		"objective %s is computed from the current uptime snapshot; burn rates need the metrics.history extension", obj.ID))
	r.noteCoverage()
	return r
}
