package slo

import (
	"fmt"
	"sort"
	"time"
)

// HistoryBlock is one metrics-history response: the series by metric name
// (the overall series, without endpoint labels) at the step the server
// actually used.
type HistoryBlock struct {
	Step   time.Duration
	Series map[string]Series

	overall map[string]bool // names whose stored series has no labels
}

// Add stores one fetched series under its metric name. A metric may come
// once overall (no labels) and once per endpoint; the SLI uses the overall
// series, so a labelled one is kept only until an unlabelled one arrives.
func (b *HistoryBlock) Add(name string, labels map[string]string, s Series) {
	if b.Series == nil {
		b.Series = map[string]Series{}
	}
	if b.overall == nil {
		b.overall = map[string]bool{}
	}
	unlabelled := len(labels) == 0
	if _, have := b.Series[name]; have && (b.overall[name] || !unlabelled) {
		return
	}
	b.Series[name] = s
	b.overall[name] = unlabelled
}

// Inputs is everything the backend fetched for one evaluation.
type Inputs struct {
	Now time.Time
	// History blocks, any order; where they overlap the finer step wins.
	// Empty when the server lacks the metrics.history extension.
	History []HistoryBlock
	// Uptime is the current snapshot, used for availability objectives
	// that have no history. Nil when not fetched.
	Uptime *UptimeSnapshot
	// Incidents from the incidents extension; nil when unavailable, which
	// leaves MTBF and MTTR unknown.
	Incidents []Incident
}

// Evaluate computes every objective. It never fails: missing data shows
// as unknown values plus a notice on the result.
func Evaluate(objs []Objective, in Inputs) []Result {
	out := make([]Result, 0, len(objs))
	for _, o := range objs {
		out = append(out, EvaluateOne(o, in))
	}
	return out
}

// EvaluateOne computes one objective from the inputs.
func EvaluateOne(o Objective, in Inputs) Result {
	var r Result
	sli, ok := BuildSLI(o, in.History)
	switch {
	case ok:
		r = Compute(o, sli, in.Now)
	case o.Kind == KindAvailability && in.Uptime != nil:
		r = ComputeFromSnapshot(o, *in.Uptime, in.Now)
	default:
		r = newResult(o, in.Now)
		r.Notices = append(r.Notices, fmt.Sprintf("objective %s needs the history of %v (metrics.history extension); none was available", o.ID, o.Metrics()))
	}
	if in.Incidents != nil {
		r.MTBFSeconds, r.MTTRSeconds = Reliability(in.Incidents, r.Start, minTime(in.Now, r.End))
	}
	return r
}

// BuildSLI derives the objective's SLI from the history blocks, merging
// resolutions finest-last. ok is false when no block has the series.
func BuildSLI(o Objective, blocks []HistoryBlock) (sli SLI, ok bool) {
	sorted := make([]HistoryBlock, len(blocks))
	copy(sorted, blocks)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Step > sorted[j].Step })
	for _, b := range sorted {
		part, found := sliFromBlock(o, b)
		if !found {
			continue
		}
		sli = Merge(sli, part)
		ok = true
	}
	return sli, ok
}

func sliFromBlock(o Objective, b HistoryBlock) (SLI, bool) {
	switch o.Kind {
	case KindErrorRate:
		er, ok := b.Series[MetricErrorRate]
		if !ok {
			return SLI{}, false
		}
		return ErrorRateEvents(er, b.Series[MetricRequestRate], b.Step), true
	case KindLatency:
		s, ok := b.Series[o.Metric]
		if !ok {
			return SLI{}, false
		}
		return ThresholdSlices(s, b.Step, o.ThresholdMs), true
	default:
		s, ok := b.Series[o.Metric]
		if !ok {
			return SLI{}, false
		}
		return PercentSlices(s, b.Step), true
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
