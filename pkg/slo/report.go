package slo

import (
	"time"
)

// MonthResult is one objective over one calendar month (up to Until while
// the month is still running). Nil pointers are unknown, never zero.
type MonthResult struct {
	Objective Objective
	Month     Month
	// Start and End bound the month in the objective's zone; Until is
	// where the figures stop (End, or now during the month).
	Start, End, Until time.Time

	Actual *float64 // SLI over the covered part of the month, percent
	// Met: the month's bad share fits in its budget (for a finished month,
	// actual >= target; for the current one, "on track so far").
	Met               *bool
	BudgetMinutes     float64  // the whole month's allowance
	BudgetUsedMinutes *float64 // bad share x elapsed minutes (partial history rule)
	BudgetUsedRatio   *float64 // used / allowance; above 1 is overspent
	HistoryCoverage   float64  // share of Start..Until that has data, 0..1
	Days              []DayResult
	DaysMissed        *int // days with data whose SLI was under target
	DaysWithData      int
	DaysInMonth       int
	DaysElapsed       int
}

// DayResult is the SLI of one local day of the month.
type DayResult struct {
	Date   string   // YYYY-MM-DD in the objective's zone
	Actual *float64 // nil without data
	Met    *bool
}

// ComputeMonth evaluates an objective over a calendar month from its SLI.
// Slices ending after now are ignored. The covered part of the month
// stands for the elapsed part, as in Compute.
func ComputeMonth(obj Objective, sli SLI, m Month, now time.Time) MonthResult {
	loc := ReportZone(obj)
	start, end := m.Bounds(loc)
	until := minTime(end, now)
	r := MonthResult{Objective: obj, Month: m, Start: start, End: end, Until: until,
		BudgetMinutes: end.Sub(start).Minutes() * obj.BudgetFraction()}
	if !until.After(start) {
		return r
	}

	// Day boundaries in the zone (23 or 25 hours on DST days).
	var bounds []time.Time
	for d := start; d.Before(end); d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		bounds = append(bounds, d)
	}
	bounds = append(bounds, end)
	r.DaysInMonth = len(bounds) - 1
	days := make([]windowSum, r.DaysInMonth)
	var month windowSum
	di := 0
	for _, s := range sli.Slices {
		if !s.End.After(start) || s.End.After(until) {
			continue
		}
		for di < len(days)-1 && s.End.After(bounds[di+1]) {
			di++
		}
		covered := s.Span
		if from := s.End.Add(-s.Span); from.Before(start) {
			covered -= start.Sub(from)
		}
		for _, w := range []*windowSum{&days[di], &month} {
			w.good += s.Good
			w.total += s.Total
			w.covered += covered
		}
	}

	elapsed := until.Sub(start)
	r.HistoryCoverage = clamp(month.covered.Seconds()/elapsed.Seconds(), 0, 1)
	bf := obj.BudgetFraction()
	if month.total > 0 {
		bad := max(month.total-month.good, 0) / month.total
		r.Actual = ptr((1 - bad) * 100)
		used := bad * elapsed.Minutes()
		r.BudgetUsedMinutes = ptr(used)
		if r.BudgetMinutes > 0 {
			r.BudgetUsedRatio = ptr(min(used/r.BudgetMinutes, Unbounded))
		} else if used == 0 {
			r.BudgetUsedRatio = ptr(0.0)
		} else {
			r.BudgetUsedRatio = ptr(float64(Unbounded))
		}
		r.Met = ptr(used <= r.BudgetMinutes*(1+1e-9))
	}

	missed := 0
	for i, d := range days {
		if !bounds[i].Before(until) {
			break
		}
		r.DaysElapsed++
		day := DayResult{Date: bounds[i].Format("2006-01-02")}
		if d.total > 0 {
			r.DaysWithData++
			bad := max(d.total-d.good, 0) / d.total
			day.Actual = ptr((1 - bad) * 100)
			day.Met = ptr(bad <= bf*(1+1e-9))
			if !*day.Met {
				missed++
			}
		}
		r.Days = append(r.Days, day)
	}
	if r.DaysWithData > 0 {
		r.DaysMissed = ptr(missed)
	}
	return r
}

// MonthReliability is the incidents of a month and their mean time to
// repair (see Reliability); nil MTTR when none was resolved in the month.
func MonthReliability(incidents []Incident, from, until time.Time) (count int, mttr *float64) {
	for _, in := range incidents {
		end := until
		if in.ResolvedAt != nil && in.ResolvedAt.Before(until) {
			end = *in.ResolvedAt
		}
		if in.StartedAt.Before(until) && end.After(from) {
			count++
		}
	}
	_, mttr = Reliability(incidents, from, until)
	return count, mttr
}
