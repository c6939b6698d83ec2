package query

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Field names of a total frame.
const (
	TotalThisPeriod     = "this_period"
	TotalPreviousPeriod = "previous_period"
	TotalChange         = "change"
)

// rateUnit says how a rate's Grafana unit counts time and what its amount
// is in: "suffix: USD/min" is per minute, in USD.
func rateUnit(grafanaUnit string) (per time.Duration, amount string, ok bool) {
	switch grafanaUnit {
	case "cpm":
		return time.Minute, "none", true
	case "cps", "reqps":
		return time.Second, "none", true
	case "Bps":
		return time.Second, "bytes", true
	}
	u, isSuffix := strings.CutPrefix(grafanaUnit, "suffix: ")
	if !isSuffix {
		return 0, "", false
	}
	for suffix, d := range map[string]time.Duration{"/min": time.Minute, "/s": time.Second, "/sec": time.Second, "/h": time.Hour} {
		if base, found := strings.CutSuffix(u, suffix); found {
			return d, GrafanaUnit(base), true
		}
	}
	return 0, "", false
}

// periodTotal integrates a rate series over [from, to): each bucket's mean
// times the part of the bucket inside the period. covered is the time with
// data, so gaps are told from zero revenue.
func periodTotal(s series, per time.Duration, from, to time.Time) (total float64, covered time.Duration) {
	step := time.Duration(s.IntervalMs) * time.Millisecond
	for i, t := range s.Times {
		v := s.Values[i]
		if v == nil || step <= 0 {
			continue
		}
		start, end := maxTime(t, from), t.Add(step)
		if end.After(to) {
			end = to
		}
		if !end.After(start) {
			continue
		}
		d := end.Sub(start)
		covered += d
		total += *v * float64(d) / float64(per)
	}
	return total, covered
}

// metricsTotals answers a metrics query with total set: each rate series
// summed into an amount over the time range and over the same length just
// before it, and the change in percent. A period the server's history does
// not reach is unknown (null), never a smaller total.
func (r *Runner) metricsTotals(ctx context.Context, q Query, caps client.Capabilities, tr *trace) (data.Frames, error) {
	if !caps.Has(parse.ExtMetricsHistory) {
		// Unknown, not an error: the dashboard stays usable on servers
		// without history and the panel says why the total is missing.
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("Totals are unknown: they need the server's metric history (extension %s), which it does not offer.", parse.ExtMetricsHistory))
		return totalFrames(nil, nil, q.From, q.To, q.From, tr), nil
	}
	now := r.now()
	to := q.To
	if to.After(now) {
		to = now
	}
	length := to.Sub(q.From)
	if length <= 0 {
		return nil, badQueryf("totals need a time range; set the dashboard's time range")
	}
	prevFrom := q.From.Add(-length)
	cur, err := r.metricsHistory(ctx, q, caps.Capabilities, tr)
	if err != nil {
		return nil, err
	}
	var prev []series
	days := caps.Retention.MetricsDays
	if days > 0 && prevFrom.Before(now.Add(-time.Duration(days)*24*time.Hour)) {
		tr.notice(data.NoticeSeverityInfo, fmt.Sprintf("The previous period (from %s) is unknown: the server keeps %d days of metric history.", prevFrom.UTC().Format(time.RFC3339), days))
	} else {
		pq := q
		pq.From, pq.To = prevFrom, q.From
		if prev, err = r.metricsHistory(ctx, pq, caps.Capabilities, tr); err != nil {
			return nil, err
		}
	}
	return totalFrames(filterEndpoints(cur, q.Endpoints), prev, q.From, to, prevFrom, tr), nil
}

func totalFrames(cur, prev []series, from, to, prevFrom time.Time, tr *trace) data.Frames {
	previous := map[string]series{}
	for _, s := range prev {
		previous[s.labelsWithMetric().String()] = s
	}
	length := to.Sub(from)
	out := data.Frames{}
	for _, s := range cur {
		per, amount, ok := rateUnit(s.Unit)
		if !ok {
			tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("%s is not a rate per minute or per second (unit %q), so it has no total.", s.Name, s.Unit))
			continue
		}
		total, covered := periodTotal(s, per, from, to)
		this := knownTotal(total, covered, length, s.Name+" for this period", tr)
		var before *float64
		if p, found := previous[s.labelsWithMetric().String()]; found {
			total, covered = periodTotal(p, per, prevFrom, from)
			before = knownTotal(total, covered, length, s.Name+" for the previous period", tr)
		}
		var change *float64
		if this != nil && before != nil && *before != 0 {
			change = ptrTo((*this - *before) / *before * 100)
		}
		labels := s.labelsWithMetric()
		f := data.NewFrame(s.Name,
			totalField(TotalThisPeriod, labels, this, "This period", amount),
			totalField(TotalPreviousPeriod, labels, before, "Previous period", amount),
			totalField(TotalChange, labels, change, "Change", "percent"),
		)
		f.Meta = &data.FrameMeta{Type: data.FrameTypeNumericLong, TypeVersion: data.FrameTypeVersion{0, 1}}
		out = append(out, f)
	}
	if len(out) == 0 {
		out = append(out, data.NewFrame("total")) // carries the notices
	}
	return out
}

// knownTotal keeps a total whose period has data for at least 99 % of its
// length; less would be a smaller total that reads as a drop.
func knownTotal(total float64, covered, length time.Duration, what string, tr *trace) *float64 {
	if covered < length*99/100 {
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("The total of %s is unknown: history covers %.0f%% of it.", what, float64(covered)/float64(length)*100))
		return nil
	}
	return ptrTo(total)
}

func totalField(name string, labels data.Labels, v *float64, display, unit string) *data.Field {
	return data.NewField(name, labels, []*float64{v}).SetConfig(&data.FieldConfig{DisplayNameFromDS: display, Unit: unit})
}

func ptrTo(v float64) *float64 { return &v }
