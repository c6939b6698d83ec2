package slo

import "time"

// TrendPoint is the SLI (percent) of one bucket; Value is nil without data.
// A bucket holds the slices whose end lies in (Time, Time+bucket].
type TrendPoint struct {
	Time  time.Time // bucket start
	Value *float64
}

// DefaultTrendPoints is used when the caller gives no point budget.
const DefaultTrendPoints = 500

// Trend buckets the SLI over [from, to) into at most maxPoints points,
// each the good share of its bucket's events in percent, so a 30-day
// one-minute history becomes a chart-sized series.
func Trend(sli SLI, from, to time.Time, maxPoints int) []TrendPoint {
	if !to.After(from) {
		return nil
	}
	if maxPoints <= 0 {
		maxPoints = DefaultTrendPoints
	}
	span := to.Sub(from)
	bucket := (span + time.Duration(maxPoints) - 1) / time.Duration(maxPoints)
	// Never finer than the data: empty buckets between points would read as gaps.
	if len(sli.Slices) > 0 && bucket < sli.Slices[0].Span {
		bucket = sli.Slices[0].Span
	}
	// Buckets sit on whole multiples of their size so points stay put
	// between refreshes; only slices inside (from, to] are counted.
	origin := from.Truncate(bucket)
	n := int((to.Sub(origin) + bucket - 1) / bucket)
	good := make([]float64, n)
	total := make([]float64, n)
	for _, s := range sli.Slices {
		// A slice belongs to the bucket holding its end (end exclusive of from).
		if !s.End.After(from) || s.End.After(to) {
			continue
		}
		i := int((s.End.Sub(origin) - 1) / bucket)
		good[i] += s.Good
		total[i] += s.Total
	}
	out := make([]TrendPoint, n)
	for i := range out {
		out[i].Time = origin.Add(time.Duration(i) * bucket)
		if total[i] > 0 {
			out[i].Value = ptr(clamp(good[i]/total[i]*100, 0, 100))
		}
	}
	return out
}
