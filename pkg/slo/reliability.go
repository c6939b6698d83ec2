package slo

import "time"

// Incident is one outage from the contract's incidents extension.
type Incident struct {
	StartedAt  time.Time
	ResolvedAt *time.Time // nil while open
}

// Reliability returns MTBF and MTTR in seconds over [from, to]:
//   - MTTR: mean duration of the incidents resolved inside the range;
//   - MTBF: operating time (range minus the part of incidents inside it)
//     divided by the number of incidents that started inside the range.
//
// Each is nil when there is nothing to average.
func Reliability(incidents []Incident, from, to time.Time) (mtbf, mttr *float64) {
	var repairSum time.Duration
	var repaired, failures int
	var down time.Duration
	for _, in := range incidents {
		end := to
		if in.ResolvedAt != nil && in.ResolvedAt.Before(to) {
			end = *in.ResolvedAt
		}
		if !in.StartedAt.Before(to) || !end.After(from) {
			continue // outside the range
		}
		if in.ResolvedAt != nil && !in.ResolvedAt.Before(in.StartedAt) && in.ResolvedAt.After(from) && !in.ResolvedAt.After(to) {
			repairSum += in.ResolvedAt.Sub(in.StartedAt)
			repaired++
		}
		if !in.StartedAt.Before(from) {
			failures++
		}
		down += end.Sub(maxTime(in.StartedAt, from))
	}
	if repaired > 0 {
		mttr = ptr(repairSum.Seconds() / float64(repaired))
	}
	if failures > 0 {
		up := max(to.Sub(from)-down, 0)
		mtbf = ptr(up.Seconds() / float64(failures))
	}
	return mtbf, mttr
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
