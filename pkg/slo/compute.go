package slo

import (
	"fmt"
	"time"
)

// Result is one objective evaluated at Now. Nil pointers are "unknown"
// (no data), never zero.
type Result struct {
	Objective  Objective
	Now        time.Time
	Start, End time.Time // the full window; End is after Now for calendar months

	Actual    *float64 // SLI over the covered part of the window, percent
	Compliant *bool    // budget not overspent (see README: compliance rule)

	BudgetTotalMinutes     float64
	BudgetRemainingRatio   *float64 // 1 untouched, 0 spent, negative overspent
	BudgetRemainingMinutes *float64

	BurnRates [burnWindowCount]*float64 // indexed like BurnWindows
	FastBurn  bool                      // page: 14.4x over 1h and 5m, or 6x over 6h and 30m
	SlowBurn  bool                      // ticket: 3x over 1d and 2h, or 1x over 3d and 6h
	// FastBurnKnown and SlowBurnKnown are false when no window of the
	// condition has data: the flag is then unknown (null), not false.
	FastBurnKnown bool
	SlowBurnKnown bool

	TimeToExhaustionSeconds *float64 // at the 1h burn rate; nil when not burning
	MTBFSeconds             *float64
	MTTRSeconds             *float64

	HistoryCoverage float64 // share of the elapsed window that has data, 0..1
	Source          Source
	Notices         []string

	sli SLI // kept for Trend
}

// Trend is the SLI over the elapsed window in at most maxPoints buckets.
func (r Result) Trend(maxPoints int) []TrendPoint {
	if r.Source != SourceHistory {
		return nil
	}
	return Trend(r.sli, r.Start, minTime(r.Now, r.End), maxPoints)
}

// Source says what the result was computed from.
type Source string

const (
	SourceHistory  Source = "history"
	SourceSnapshot Source = "snapshot"
	SourceNone     Source = "none"
)

// Compute evaluates one objective over an SLI at now. Slices after now are
// ignored. It runs in one pass over the slices and does not allocate
// beyond the result's pointers.
func Compute(obj Objective, sli SLI, now time.Time) Result {
	r := newResult(obj, now)
	r.Source = SourceHistory
	r.sli = sli

	// All windows end at now: the burn windows plus the objective's own
	// elapsed window, which is listed last.
	var starts [burnWindowCount + 1]time.Time
	for i, w := range BurnWindows {
		starts[i] = now.Add(-w.Duration)
	}
	const main = burnWindowCount
	starts[main] = r.Start
	sums := sumWindows(sli.Slices, now, &starts)

	bf := obj.BudgetFraction()
	for i := range BurnWindows {
		r.BurnRates[i] = burnRate(sums[i].good, sums[i].total, bf)
	}
	r.FastBurn = FastBurn(&r.BurnRates)
	r.SlowBurn = SlowBurn(&r.BurnRates)
	r.FastBurnKnown = r.FastBurn || burnKnown(&r.BurnRates, pageConditions)
	r.SlowBurnKnown = r.SlowBurn || burnKnown(&r.BurnRates, ticketConditions)

	elapsed := r.elapsed()
	if elapsed > 0 {
		r.HistoryCoverage = clamp(float64(sums[main].covered)/float64(elapsed), 0, 1)
	}
	m := sums[main]
	if m.total > 0 {
		r.applyBudget(max(m.total-m.good, 0)/m.total, elapsed)
	} else {
		r.Notices = append(r.Notices, fmt.Sprintf("objective %s has no data in its %s window", obj.ID, obj.Window.Name))
	}
	r.noteCoverage()
	r.TimeToExhaustionSeconds = r.exhaustion()
	return r
}

func newResult(obj Objective, now time.Time) Result {
	start, end := obj.Bounds(now)
	return Result{
		Objective:          obj,
		Now:                now,
		Start:              start,
		End:                end,
		BudgetTotalMinutes: end.Sub(start).Minutes() * obj.BudgetFraction(),
		Source:             SourceNone,
	}
}

// elapsed is the part of the window that has happened: the whole rolling
// window, or a calendar month up to now.
func (r *Result) elapsed() time.Duration {
	return max(r.Now.Sub(r.Start), 0)
}

// applyBudget sets the SLI, budget and compliance from the bad ratio of the
// covered data. Partial history rule: the covered part stands for the whole
// elapsed window (consumed = bad ratio x elapsed minutes); the future part
// of a calendar month is not counted.
func (r *Result) applyBudget(badRatio float64, elapsed time.Duration) {
	r.Actual = ptr((1 - badRatio) * 100)
	consumed := badRatio * elapsed.Minutes()
	remaining := r.BudgetTotalMinutes - consumed
	r.BudgetRemainingMinutes = ptr(remaining)
	switch {
	case r.BudgetTotalMinutes > 0:
		r.BudgetRemainingRatio = ptr(max(remaining/r.BudgetTotalMinutes, -Unbounded))
	case consumed == 0:
		r.BudgetRemainingRatio = ptr(1.0) // 100% objective, nothing bad yet
	default:
		r.BudgetRemainingRatio = ptr(float64(-Unbounded)) // 100% objective: any bad event overspends infinitely
	}
	// A relative tolerance absorbs float rounding of 1-target (e.g. 1-0.999).
	r.Compliant = ptr(consumed <= r.BudgetTotalMinutes*(1+1e-9))
}

func (r *Result) noteCoverage() {
	if r.HistoryCoverage > 0 && r.HistoryCoverage < 0.999 {
		r.Notices = append(r.Notices, fmt.Sprintf(
			"objective %s: data covers %.1f%% of its %s window; the covered part is taken to stand for the whole window",
			r.Objective.ID, r.HistoryCoverage*100, r.Objective.Window.Name))
	}
}

// exhaustion is the time until the remaining budget is spent at the 1h
// burn rate: remaining / (burn rate x allowed bad share). Zero when
// already spent, nil when not burning or unknown.
func (r *Result) exhaustion() *float64 {
	b := r.BurnRates[Burn1h]
	if b == nil || *b <= 0 || r.BudgetRemainingMinutes == nil {
		return nil
	}
	rem := *r.BudgetRemainingMinutes
	bf := r.Objective.BudgetFraction()
	if rem <= 0 || bf <= 0 {
		return ptr(0.0)
	}
	return ptr(rem * 60 / (*b * bf))
}

type windowSum struct {
	good, total float64
	covered     time.Duration
}

// sumWindows adds up the slices inside each window (start, now]. Windows
// all end at now, so one backward pass serves them all: when a slice falls
// out of the next-shortest window, that window's sums are final. The
// oldest slice of a window may start before it; only its inside part
// counts as coverage.
func sumWindows(slices []Slice, now time.Time, starts *[burnWindowCount + 1]time.Time) [burnWindowCount + 1]windowSum {
	var out [burnWindowCount + 1]windowSum
	var order [burnWindowCount + 1]int
	for i := range order {
		order[i] = i
	}
	// Latest start (shortest window) first; insertion sort of 8 items.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && starts[order[j]].After(starts[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	var cur windowSum
	var oldest time.Time // start of the oldest slice added so far
	k := 0
	finish := func() {
		w := order[k]
		s := cur
		if s.covered > 0 && oldest.Before(starts[w]) {
			s.covered -= starts[w].Sub(oldest)
		}
		out[w] = s
		k++
	}
	for i := len(slices) - 1; i >= 0 && k < len(order); i-- {
		sl := &slices[i]
		if sl.End.After(now) {
			continue
		}
		for k < len(order) && !sl.End.After(starts[order[k]]) {
			finish()
		}
		if k == len(order) {
			break
		}
		cur.good += sl.Good
		cur.total += sl.Total
		cur.covered += sl.Span
		oldest = sl.End.Add(-sl.Span)
	}
	for k < len(order) {
		finish()
	}
	return out
}
