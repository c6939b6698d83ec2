package plugin

import (
	"strings"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/slo"
)

// availabilityHistory is uptime.percentage at 100 % every 5 minutes over [from, to).
func availabilityHistory(from, to time.Time) []slo.HistoryBlock {
	var s slo.Series
	for t := from.Add(5 * time.Minute); !t.After(to); t = t.Add(5 * time.Minute) {
		v := 100.0
		s.Times, s.Values = append(s.Times, t), append(s.Values, &v)
	}
	b := slo.HistoryBlock{Step: 5 * time.Minute}
	b.Add(slo.MetricUptime, nil, s)
	return []slo.HistoryBlock{b}
}

// Three days of September stand for nothing: October is not compared with
// it, and the report says why instead of showing September's figures.
func TestSLAReportDoesNotCompareWithAFewDays(t *testing.T) {
	now := time.Date(2026, 10, 12, 12, 0, 0, 0, time.UTC)
	start := time.Date(2026, 9, 28, 0, 0, 0, 0, time.UTC)
	in := query.ReportInputs{HasHistory: true, HistoryStart: start, History: availabilityHistory(start, now),
		Incidents: []parse.Incident{{ID: "inc-1", Title: "Database Unavailable", StartedAt: start.Add(time.Hour)}}}
	rep := buildReport(slo.DefaultObjectives()[:1], slo.Month{Year: 2026, Month: time.October}, time.UTC, now, in)

	o := rep.Objectives[0]
	if o.Actual == nil || *o.Actual != 100 || o.Previous.Actual != nil || o.ChangePoints != nil || o.Previous.HistoryCoverage <= 0 {
		t.Fatalf("actual %v, previous %+v, change %v", o.Actual, o.Previous, o.ChangePoints)
	}
	if c := rep.Previous.Coverage; c == nil || !strings.Contains(*c, "10 % of September 2026 (the server's history starts on 28 September 2026), too little to compare with") {
		t.Fatalf("previous coverage: %v", c)
	}
	// The incident opened in September is still open: it counts in October too.
	if rep.Previous.IncidentCount != nil || rep.IncidentCount == nil || *rep.IncidentCount != 1 || len(rep.Incidents) != 1 || rep.MTTRSeconds != nil {
		t.Fatalf("incidents: previous %v, this month %v %+v, MTTR %v", rep.Previous.IncidentCount, rep.IncidentCount, rep.Incidents, rep.MTTRSeconds)
	}
	if rep.Coverage != nil {
		t.Fatalf("October is covered, yet: %s", *rep.Coverage)
	}
}
