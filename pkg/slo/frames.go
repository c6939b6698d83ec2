package slo

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frame names of the frame contract (docs: frames.md of issue 5).
const (
	FrameSLO      = "slo"
	FrameSLOTrend = "slo_trend"
)

// SLOFrame builds the "slo" frame: one row per objective, dataplane
// numeric-long, so each numeric column is a separate alertable number
// labelled by the string columns (objective, title, window). fast_burn and
// slow_burn are 1/0, or null when no burn window has data. compliant is
// a nullable bool, which the numeric-long reader skips; alert rules use
// budget_remaining_ratio or the burn columns instead. Result notices
// become frame notices.
func SLOFrame(results []Result) *data.Frame {
	n := len(results)
	objective := make([]string, n)
	title := make([]string, n)
	window := make([]string, n)
	target := make([]float64, n)
	actual := make([]*float64, n)
	compliant := make([]*bool, n)
	budgetTotal := make([]float64, n)
	remainingRatio := make([]*float64, n)
	remainingMinutes := make([]*float64, n)
	var burns [burnWindowCount][]*float64
	for i := range burns {
		burns[i] = make([]*float64, n)
	}
	fast := make([]*float64, n)
	slow := make([]*float64, n)
	tte := make([]*float64, n)
	mtbf := make([]*float64, n)
	mttr := make([]*float64, n)
	coverage := make([]float64, n)

	var notices []data.Notice
	for i, r := range results {
		objective[i] = r.Objective.ID
		title[i] = r.Objective.Title
		window[i] = r.Objective.Window.Name
		target[i] = r.Objective.Target
		actual[i] = r.Actual
		compliant[i] = r.Compliant
		budgetTotal[i] = r.BudgetTotalMinutes
		remainingRatio[i] = r.BudgetRemainingRatio
		remainingMinutes[i] = r.BudgetRemainingMinutes
		for w := range burns {
			burns[w][i] = r.BurnRates[w]
		}
		fast[i] = flagNumber(r.FastBurn, r.FastBurnKnown)
		slow[i] = flagNumber(r.SlowBurn, r.SlowBurnKnown)
		tte[i] = r.TimeToExhaustionSeconds
		mtbf[i] = r.MTBFSeconds
		mttr[i] = r.MTTRSeconds
		coverage[i] = r.HistoryCoverage
		for _, text := range r.Notices {
			notices = append(notices, data.Notice{Severity: data.NoticeSeverityWarning, Text: text})
		}
	}

	fields := data.Fields{
		field("objective", objective, "Objective", ""),
		field("title", title, "Title", ""),
		field("window", window, "Window", ""),
		field("target", target, "Target", "percent"),
		field("actual", actual, "Actual", "percent"),
		field("compliant", compliant, "Compliant", ""),
		field("budget_total_minutes", budgetTotal, "Error budget", "m"),
		field("budget_remaining_ratio", remainingRatio, "Budget remaining", "percentunit"),
		field("budget_remaining_minutes", remainingMinutes, "Budget remaining (time)", "m"),
	}
	for w, bw := range BurnWindows {
		fields = append(fields, field("burn_rate_"+bw.Name, burns[w], "Burn rate "+bw.Name, "none"))
	}
	fields = append(fields,
		field("fast_burn", fast, "Fast burn (page)", "none"),
		field("slow_burn", slow, "Slow burn (ticket)", "none"),
		field("time_to_exhaustion_seconds", tte, "Time to exhaustion", "s"),
		field("mtbf_seconds", mtbf, "MTBF", "s"),
		field("mttr_seconds", mttr, "MTTR", "s"),
		field("history_coverage", coverage, "History coverage", "percentunit"),
	)

	f := data.NewFrame(FrameSLO, fields...)
	f.Meta = &data.FrameMeta{
		Type:        data.FrameTypeNumericLong,
		TypeVersion: data.FrameTypeVersion{0, 1},
		Notices:     notices,
	}
	return f
}

// TrendFrames builds one "slo_trend" frame per objective: dataplane
// timeseries-multi with a time field and a value field labelled
// {objective: id}, displayed under the objective's title. Each trend spans
// the elapsed window in at most maxPoints points (<= 0: a default).
// Snapshot-based results have no history, so their frame has no rows.
func TrendFrames(results []Result, maxPoints int) data.Frames {
	out := make(data.Frames, 0, len(results))
	for _, r := range results {
		pts := r.Trend(maxPoints)
		times := make([]time.Time, len(pts))
		values := make([]*float64, len(pts))
		for j, p := range pts {
			times[j], values[j] = p.Time, p.Value
		}
		value := data.NewField("value", data.Labels{"objective": r.Objective.ID}, values).
			SetConfig(&data.FieldConfig{DisplayNameFromDS: r.Objective.Title, Unit: "percent"})
		f := data.NewFrame(FrameSLOTrend, data.NewField("time", nil, times), value)
		f.Meta = &data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: data.FrameTypeVersion{0, 1}}
		out = append(out, f)
	}
	return out
}

// Frames returns the "slo" frame followed by the "slo_trend" frames, the
// full answer of the slo query type. Alert rules should use SLOFrame alone:
// Grafana's expression engine reads one numeric-long frame per query.
func Frames(results []Result, maxPoints int) data.Frames {
	return append(data.Frames{SLOFrame(results)}, TrendFrames(results, maxPoints)...)
}

// field sets the display name "from the data source", so users can still
// rename fields in a panel.
func field(name string, values any, display, unit string) *data.Field {
	return data.NewField(name, nil, values).SetConfig(&data.FieldConfig{DisplayNameFromDS: display, Unit: unit})
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
