package frames

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/slo"
)

var numericLong = data.FrameTypeVersion{0, 1}

// SLOFrame builds the "slo" frame: one row per objective, dataplane
// numeric-long, so each numeric column is a separate alertable number
// labelled by the string columns (objective, title, window). fast_burn and
// slow_burn are 1/0, or null when no burn window has data. compliant is
// a nullable bool, which the numeric-long reader skips; alert rules use
// budget_remaining_ratio or the burn columns instead. Result notices
// become frame notices.
func SLOFrame(results []slo.Result) *data.Frame {
	n := len(results)
	objective, title, window := make([]string, n), make([]string, n), make([]string, n)
	target, budgetTotal, coverage := make([]float64, n), make([]float64, n), make([]float64, n)
	actual, remainingRatio, remainingMinutes := make([]*float64, n), make([]*float64, n), make([]*float64, n)
	compliant := make([]*bool, n)
	burns := make([][]*float64, len(slo.BurnWindows))
	for i := range burns {
		burns[i] = make([]*float64, n)
	}
	fast, slow, tte, mtbf, mttr := make([]*float64, n), make([]*float64, n), make([]*float64, n), make([]*float64, n), make([]*float64, n)

	var notices []data.Notice
	for i, r := range results {
		objective[i], title[i], window[i] = r.Objective.ID, r.Objective.Title, r.Objective.Window.Name
		target[i], actual[i], compliant[i] = r.Objective.Target, r.Actual, r.Compliant
		budgetTotal[i], remainingRatio[i], remainingMinutes[i] = r.BudgetTotalMinutes, r.BudgetRemainingRatio, r.BudgetRemainingMinutes
		for w := range burns {
			burns[w][i] = r.BurnRates[w]
		}
		fast[i] = flagNumber(r.FastBurn, r.FastBurnKnown)
		slow[i] = flagNumber(r.SlowBurn, r.SlowBurnKnown)
		tte[i], mtbf[i], mttr[i], coverage[i] = r.TimeToExhaustionSeconds, r.MTBFSeconds, r.MTTRSeconds, r.HistoryCoverage
		notices = append(notices, warnings(r.Notices)...)
	}
	columns := []any{objective, title, window, target, actual, compliant, budgetTotal, remainingRatio, remainingMinutes}
	for _, b := range burns {
		columns = append(columns, b)
	}
	columns = append(columns, fast, slow, tte, mtbf, mttr, coverage)
	f := build(SLO, columns...)
	f.Meta = &data.FrameMeta{Type: data.FrameTypeNumericLong, TypeVersion: numericLong, Notices: notices}
	return f
}

// SLOTrendFrames builds one "slo_trend" frame per objective: dataplane
// timeseries-multi with a time field and a value field labelled
// {objective: id}, displayed under the objective's title. Each trend spans
// the elapsed window in at most maxPoints points (<= 0: a default).
// Snapshot-based results have no history, so their frame has no rows.
func SLOTrendFrames(results []slo.Result, maxPoints int) data.Frames {
	out := make(data.Frames, 0, len(results))
	for _, r := range results {
		pts := r.Trend(maxPoints)
		times := make([]time.Time, len(pts))
		values := make([]*float64, len(pts))
		for j, p := range pts {
			times[j], values[j] = p.Time, p.Value
		}
		f := build(SLOTrend, times, values)
		value := f.Fields[1]
		value.Labels = data.Labels{FieldObjective: r.Objective.ID}
		value.Config.DisplayNameFromDS = r.Objective.Title
		f.Meta = &data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: numericLong}
		out = append(out, f)
	}
	return out
}

// SLOFrames returns the "slo" frame followed by the "slo_trend" frames, the
// full answer of the slo query type. Alert rules should use SLOFrame alone:
// Grafana's expression engine reads one numeric-long frame per query.
func SLOFrames(results []slo.Result, maxPoints int) data.Frames {
	return append(data.Frames{SLOFrame(results)}, SLOTrendFrames(results, maxPoints)...)
}

// flagNumber is 1 or 0 for a known flag and null for an unknown one, so
// "no history" never reads as "not burning".
func flagNumber(b, known bool) *float64 {
	if !known {
		return nil
	}
	n := 0.0
	if b {
		n = 1
	}
	return &n
}

func warnings(texts []string) []data.Notice {
	var out []data.Notice
	for _, t := range texts {
		out = append(out, data.Notice{Severity: data.NoticeSeverityWarning, Text: t})
	}
	return out
}
