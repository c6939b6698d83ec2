package slo

import (
	"sort"
	"time"
)

// Fetch is one metrics-history request the backend should make.
type Fetch struct {
	From, To time.Time
	Step     time.Duration
	Names    []string
}

// MaxPointsPerSeries stays under the contract's limit of 11000 points per
// series with room for a partial step at each end.
const MaxPointsPerSeries = 10000

// FineStep is the resolution of the recent history behind burn rates.
const FineStep = time.Minute

// PlanHistory returns the history requests for the objectives at now: one
// over the longest window at the coarsest step the point limit needs, and,
// when that step is coarser than a minute, one over the last 3 days at one
// minute so the 5-minute burn rate has several points. Nil when there are
// no objectives.
func PlanHistory(objs []Objective, now time.Time) []Fetch {
	if len(objs) == 0 {
		return nil
	}
	from := now.Add(-LongestBurnWindow)
	set := map[string]bool{}
	for _, o := range objs {
		if start, _ := o.Bounds(now); start.Before(from) {
			from = start
		}
		for _, n := range o.Metrics() {
			set[n] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)

	step := stepFor(now.Sub(from))
	plan := []Fetch{{From: from, To: now, Step: step, Names: names}}
	if step > FineStep {
		plan = append(plan, Fetch{From: now.Add(-LongestBurnWindow), To: now, Step: FineStep, Names: names})
	}
	return plan
}

// stepFor is the smallest whole-minute step that keeps span under the
// point limit.
func stepFor(span time.Duration) time.Duration {
	step := (span + MaxPointsPerSeries - 1) / MaxPointsPerSeries
	step = (step + time.Minute - 1) / time.Minute * time.Minute
	return max(step, FineStep)
}
