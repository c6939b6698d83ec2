package plugin

import (
	"fmt"
	"time"

	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/slo"
)

// coverageStatement says in words how far history covers a month, or nil
// when every objective has data for all of it (up to now).
func coverageStatement(m slo.Month, results []slo.MonthResult, in query.ReportInputs, now time.Time, previous bool) *string {
	if len(results) == 0 {
		return nil
	}
	if !in.HasHistory {
		if previous {
			return ptrTo(fmt.Sprintf("The server keeps no metric history, so %s cannot be compared.", m.Name()))
		}
		return ptrTo(fmt.Sprintf("The server keeps no metric history, so there are no figures for %s.", m.Name()))
	}
	least, known := 1.0, false
	for _, r := range results {
		least = min(least, r.HistoryCoverage)
		known = known || r.Actual != nil
	}
	start := results[0].Start
	since := ""
	if !in.HistoryStart.IsZero() && in.HistoryStart.After(start) {
		since = fmt.Sprintf(" (the server's history starts on %s)", in.HistoryStart.In(start.Location()).Format("2 January 2006"))
	}
	switch {
	case !known && previous:
		return ptrTo(fmt.Sprintf("No history covers %s%s, so there is no month-over-month comparison.", m.Name(), since))
	case !known:
		return ptrTo(fmt.Sprintf("No history covers %s%s, so there are no figures for it.", m.Name(), since))
	case least >= 0.99:
		return nil
	case previous && least < minCompareCoverage:
		return ptrTo(fmt.Sprintf("History covers only %.0f %% of %s%s, too little to compare with.", least*100, m.Name(), since))
	case previous:
		return ptrTo(fmt.Sprintf("History covers only %.0f %% of %s%s, so the comparison with it is rough.", least*100, m.Name(), since))
	default:
		sofar := ""
		if results[0].End.After(now) {
			sofar = " so far"
		}
		return ptrTo(fmt.Sprintf("The figures cover %.0f %% of %s%s%s; the covered part stands for the whole.", least*100, m.Name(), sofar, since))
	}
}
