package oncall

import "time"

// period returns the rotation length as calendar days or hours: handoffs
// are computed on the local wall clock, so a "7 day" period is 7 calendar
// days even when one of them is 23 or 25 hours long.
func (l *Layer) period() (days, hours int) {
	switch l.RotationUnit {
	case UnitHours:
		return 0, l.RotationLength
	case UnitDays:
		return l.RotationLength, 0
	default:
		return 7 * l.RotationLength, 0
	}
}

// nominal is the period in absolute time, used only to estimate indexes.
func (l *Layer) nominal() time.Duration {
	days, hours := l.period()
	return time.Duration(days)*24*time.Hour + time.Duration(hours)*time.Hour
}

// handoff returns the start of regular shift k (k = 0 is the anchor).
func (l *Layer) handoff(k int) time.Time {
	a := l.Anchor.In(l.Location)
	days, hours := l.period()
	return wallClock(a.Year(), a.Month(), a.Day()+k*days, a.Hour()+k*hours, a.Minute(), l.Location)
}

// shiftIndex returns k with handoff(k) <= t < handoff(k+1); k < 0 means t
// is before the layer's first handoff.
func (l *Layer) shiftIndex(t time.Time) int {
	if t.Before(l.Anchor) {
		return -1
	}
	k := int(t.Sub(l.Anchor) / l.nominal())
	// DST makes the estimate off by at most one; the loops are bounded.
	for i := 0; i < 4 && k > 0 && l.handoff(k).After(t); i++ {
		k--
	}
	for i := 0; i < 4 && !l.handoff(k+1).After(t); i++ {
		k++
	}
	return k
}

// member returns who is on call in regular shift k.
func (l *Layer) member(k int) Member {
	return l.Members[k%len(l.Members)]
}

// wallClock returns the instant the clock in loc shows the given date and
// time, with explicit rules for DST changes (Go's time.Date leaves the
// repeated hour unspecified):
//   - in the skipped hour of spring-forward, the time after the jump
//     (02:30 becomes 03:30);
//   - in the repeated hour of fall-back, its first occurrence.
func wallClock(year int, month time.Month, day, hour, minute int, loc *time.Location) time.Time {
	t := time.Date(year, month, day, hour, minute, 0, 0, loc)
	want := time.Date(year, month, day, hour, minute, 0, 0, time.UTC) // normalised wall clock
	_, off := t.Zone()
	_, offBefore := t.Add(-3 * time.Hour).Zone()
	if !sameWallClock(t.In(loc), want) {
		// Skipped hour: read the wall clock with the offset before the jump.
		return want.Add(-time.Duration(offBefore) * time.Second)
	}
	if offBefore > off {
		// t may be the second occurrence of a repeated wall-clock time.
		earlier := want.Add(-time.Duration(offBefore) * time.Second)
		if sameWallClock(earlier.In(loc), want) && earlier.Before(t) {
			return earlier
		}
	}
	return t
}

func sameWallClock(local, want time.Time) bool {
	y, m, d := local.Date()
	wy, wm, wd := want.Date()
	return y == wy && m == wm && d == wd && local.Hour() == want.Hour() && local.Minute() == want.Minute()
}
