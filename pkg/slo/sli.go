package slo

import (
	"sort"
	"time"
)

// Series is one metric's history, shaped like the parsed contract history
// (parallel slices, nil values for gaps) so callers pass it without copying.
type Series struct {
	Times  []time.Time
	Values []*float64
}

// Slice is one step of an SLI. A history point stamped End summarises the
// step (End-Span, End]. Good and Total are events (requests) or, for
// time-based SLIs, good minutes out of the step's minutes, so slices of
// different resolutions weigh by the time they cover.
type Slice struct {
	End   time.Time
	Span  time.Duration
	Good  float64
	Total float64
}

// SLI is a sequence of slices sorted by End, without overlaps.
type SLI struct{ Slices []Slice }

// DefaultStep is assumed when a series has a single point and no step.
const DefaultStep = time.Minute

// PercentSlices reads per-step availability in percent (0..100): each point
// is a step that was that share good. Values outside 0..100 are clamped;
// missing values are gaps.
func PercentSlices(s Series, step time.Duration) SLI {
	step = stepOr(s, step)
	out := make([]Slice, 0, len(s.Values))
	for i, v := range s.Values {
		if v == nil || !finite(*v) {
			continue
		}
		m := step.Minutes()
		out = append(out, Slice{End: s.Times[i], Span: step, Good: clamp(*v/100, 0, 1) * m, Total: m})
	}
	return SLI{Slices: out}
}

// ThresholdSlices reads a latency series: a step is good when its value is
// at or under the threshold.
func ThresholdSlices(s Series, step time.Duration, threshold float64) SLI {
	step = stepOr(s, step)
	out := make([]Slice, 0, len(s.Values))
	for i, v := range s.Values {
		if v == nil || !finite(*v) {
			continue
		}
		m, good := step.Minutes(), 0.0
		if *v <= threshold {
			good = m
		}
		out = append(out, Slice{End: s.Times[i], Span: step, Good: good, Total: m})
	}
	return SLI{Slices: out}
}

// ErrorRateEvents reads api.error_rate (percent) weighted by
// api.requests.rate (req/s): a step had rate*span requests of which
// error_rate% failed. Points are joined on their timestamps. Without a
// request-rate series (no Times at all) steps weigh by their minutes; with
// one, steps missing a request rate are gaps, because guessing their
// weight would skew the ratio.
func ErrorRateEvents(errorRate, requestRate Series, step time.Duration) SLI {
	step = stepOr(errorRate, step)
	out := make([]Slice, 0, len(errorRate.Values))
	weighted := len(requestRate.Times) > 0
	j := 0
	for i, v := range errorRate.Values {
		if v == nil || !finite(*v) {
			continue
		}
		t := errorRate.Times[i]
		total := step.Minutes()
		if weighted {
			for j < len(requestRate.Times) && requestRate.Times[j].Before(t) {
				j++
			}
			if j == len(requestRate.Times) || !requestRate.Times[j].Equal(t) {
				continue
			}
			r := requestRate.Values[j]
			if r == nil || !finite(*r) || *r < 0 {
				continue
			}
			total = *r * step.Seconds()
		}
		bad := total * clamp(*v/100, 0, 1)
		out = append(out, Slice{End: t, Span: step, Good: total - bad, Total: total})
	}
	return SLI{Slices: out}
}

// Merge overlays a finer SLI on a coarser one: where both have data, the
// finer slices win; the coarse ones are kept only outside the fine range.
// This lets callers fetch a whole 30-day window at a coarse step (the
// contract caps points per series) and the last days at one minute.
func Merge(coarse, fine SLI) SLI {
	if len(fine.Slices) == 0 {
		return coarse
	}
	if len(coarse.Slices) == 0 {
		return fine
	}
	first := fine.Slices[0]
	fineStart := first.End.Add(-first.Span)
	fineEnd := fine.Slices[len(fine.Slices)-1].End
	out := make([]Slice, 0, len(coarse.Slices)+len(fine.Slices))
	for _, s := range coarse.Slices {
		if !s.End.After(fineStart) {
			out = append(out, s)
		}
	}
	out = append(out, fine.Slices...)
	for _, s := range coarse.Slices {
		if !s.End.Add(-s.Span).Before(fineEnd) {
			out = append(out, s)
		}
	}
	return SLI{Slices: out}
}

// stepOr returns step, or the median spacing of the series when step is 0.
func stepOr(s Series, step time.Duration) time.Duration {
	if step > 0 {
		return step
	}
	if len(s.Times) < 2 {
		return DefaultStep
	}
	n := min(len(s.Times)-1, 64) // a sample of gaps is enough for the median
	gaps := make([]time.Duration, 0, n)
	for i := 1; i <= n; i++ {
		if d := s.Times[i].Sub(s.Times[i-1]); d > 0 {
			gaps = append(gaps, d)
		}
	}
	if len(gaps) == 0 {
		return DefaultStep
	}
	sort.Slice(gaps, func(a, b int) bool { return gaps[a] < gaps[b] })
	return gaps[len(gaps)/2]
}
