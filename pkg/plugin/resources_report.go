package plugin

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/slo"
)

// slaReport answers GET /sla-report?month=YYYY-MM (default: the current
// month): each objective's target and actual over the calendar month, the
// budget used, the days that missed the target, the incidents with their
// MTTR, the previous month for comparison, and in words how far history
// covers both months.
func (d *Datasource) slaReport(ctx context.Context, r *http.Request) (any, error) {
	objs := d.runner.Objectives
	now := d.runner.CurrentTime()
	zone := reportZone(objs)
	month := slo.MonthOf(now, zone)
	if s := r.URL.Query().Get("month"); s != "" {
		m, err := slo.ParseMonth(s)
		if err != nil {
			return nil, &query.BadQueryError{Msg: err.Error()}
		}
		month = m
	}
	if start, _ := month.Bounds(zone); !start.Before(now) {
		return nil, &query.BadQueryError{Msg: fmt.Sprintf("month: %s has not started yet; pick %s or an earlier month", month.Name(), slo.MonthOf(now, zone))}
	}
	prev := month.Previous()

	// One fetch spans the previous month and this one in every objective's zone.
	from, to := prev.Bounds(zone)
	_, to = month.Bounds(zone)
	for _, o := range objs {
		s, _ := prev.Bounds(slo.ReportZone(o))
		_, e := month.Bounds(slo.ReportZone(o))
		from, to = minTime(from, s), maxTime(to, e)
	}
	in, err := d.runner.ReportInputs(ctx, objs, from, to)
	if err != nil {
		return nil, err
	}
	return buildReport(objs, month, zone, now, in), nil
}

// reportZone is the zone months are named in: the first calendar
// objective's, or UTC.
func reportZone(objs []slo.Objective) *time.Location {
	for _, o := range objs {
		if o.Window.Location != nil {
			return o.Window.Location
		}
	}
	return time.UTC
}

func buildReport(objs []slo.Objective, month slo.Month, zone *time.Location, now time.Time, in query.ReportInputs) slaReport {
	prev := month.Previous()
	start, end := month.Bounds(zone)
	pstart, pend := prev.Bounds(zone)
	until := minTime(end, now)
	rep := slaReport{
		Month: month.String(), MonthName: month.Name(), TimeZone: zone.String(),
		From: start, To: end, Until: until, Complete: !end.After(now),
		Objectives: []reportObjective{},
		Previous:   reportPrevious{Month: prev.String(), MonthName: prev.Name()},
		Notices:    append([]string{}, in.Notes...),
	}
	var cur, old []slo.MonthResult
	for _, o := range objs {
		sli, _ := slo.BuildSLI(o, in.History)
		cur = append(cur, slo.ComputeMonth(o, sli, month, now))
		old = append(old, slo.ComputeMonth(o, sli, prev, now))
	}
	comparable := leastCoverage(old) >= minCompareCoverage
	for i := range cur {
		rep.Objectives = append(rep.Objectives, objectiveReport(cur[i], old[i], comparable))
	}
	rep.Coverage = coverageStatement(month, cur, in, now, false)
	rep.Previous.Coverage = coverageStatement(prev, old, in, now, true)

	if in.Incidents == nil {
		rep.Notices = append(rep.Notices, in.IncidentsNote)
		return rep
	}
	incidents := make([]slo.Incident, 0, len(in.Incidents))
	rep.Incidents = []reportIncident{}
	for _, i := range in.Incidents {
		incidents = append(incidents, slo.Incident{StartedAt: i.StartedAt, ResolvedAt: i.ResolvedAt})
		if overlaps(i, start, until) {
			rep.Incidents = append(rep.Incidents, incidentReport(i))
		}
	}
	n, mttr := slo.MonthReliability(incidents, start, until)
	rep.IncidentCount, rep.MTTRSeconds = &n, mttr
	if comparable && (in.IncidentsStart.IsZero() || !in.IncidentsStart.After(pstart)) {
		pn, pmttr := slo.MonthReliability(incidents, pstart, pend)
		rep.Previous.IncidentCount, rep.Previous.MTTRSeconds = &pn, pmttr
	}
	return rep
}

// minCompareCoverage is how much of the previous month history must cover
// for a month-over-month comparison: a few days would stand for the month.
const minCompareCoverage = 0.5

func leastCoverage(results []slo.MonthResult) float64 {
	least := 1.0
	for _, r := range results {
		least = min(least, r.HistoryCoverage)
	}
	return least
}

func objectiveReport(c, p slo.MonthResult, comparable bool) reportObjective {
	o := c.Objective
	out := reportObjective{
		ID: o.ID, Title: o.Title, Kind: string(o.Kind), Target: o.Target, Window: o.Window.Name,
		TimeZone: c.Start.Location().String(), From: c.Start, To: c.End,
		Actual: c.Actual, Met: c.Met, BudgetMinutes: c.BudgetMinutes, BudgetUsedMinutes: c.BudgetUsedMinutes,
		BudgetUsedRatio: c.BudgetUsedRatio, HistoryCoverage: c.HistoryCoverage,
		DaysInMonth: c.DaysInMonth, DaysElapsed: c.DaysElapsed, DaysWithData: c.DaysWithData, DaysMissed: c.DaysMissed,
		Daily:    make([]reportDay, 0, len(c.Days)),
		Previous: reportObjectivePrevious{HistoryCoverage: p.HistoryCoverage},
	}
	if comparable {
		out.Previous.Actual, out.Previous.Met, out.Previous.BudgetUsedRatio, out.Previous.DaysMissed = p.Actual, p.Met, p.BudgetUsedRatio, p.DaysMissed
	}
	for _, d := range c.Days {
		out.Daily = append(out.Daily, reportDay(d))
	}
	if c.Actual != nil && out.Previous.Actual != nil {
		out.ChangePoints = ptrTo(*c.Actual - *out.Previous.Actual)
	}
	return out
}

func incidentReport(i parse.Incident) reportIncident {
	out := reportIncident{ID: i.ID, Title: i.Title, Severity: i.Severity, StartedAt: i.StartedAt, ResolvedAt: i.ResolvedAt}
	if i.ResolvedAt != nil && !i.ResolvedAt.Before(i.StartedAt) {
		out.DurationSeconds = ptrTo(i.ResolvedAt.Sub(i.StartedAt).Seconds())
	}
	return out
}

func overlaps(i parse.Incident, from, until time.Time) bool {
	return i.StartedAt.Before(until) && (i.ResolvedAt == nil || i.ResolvedAt.After(from))
}

func ptrTo[T any](v T) *T { return &v }

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
