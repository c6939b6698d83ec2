package query

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/slo"
)

// ReportInputs is what a monthly report reads: the objectives' history
// over a range and the incidents in it.
type ReportInputs struct {
	// History is one block at one step; empty without the history extension.
	History []slo.HistoryBlock
	// HasHistory is false when the server does not offer metric history.
	HasHistory bool
	// HistoryStart is the oldest time the server keeps history for (zero
	// when it states no limit).
	HistoryStart time.Time
	// Incidents is nil when the server lacks the incidents extension or
	// they could not be read (IncidentsNote says why).
	Incidents     []parse.Incident
	IncidentsNote string
	// IncidentsStart is the oldest time the server lists incidents for.
	IncidentsStart time.Time
	// Notes are series the server did not have.
	Notes []string
}

// reportMinStep keeps a report's requests small: daily figures do not
// need minute resolution.
const reportMinStep = 5 * 60

// ReportInputs fetches the history of the objectives' metrics over
// [from, to] (to no later than now), inside the server's retention, one
// request per metric, and the incidents over the same range. A failing
// history request fails the report (a figure from part of the data would
// mislead); a metric the server does not keep is a note.
func (r *Runner) ReportInputs(ctx context.Context, objs []slo.Objective, from, to time.Time) (ReportInputs, error) {
	tr := &trace{}
	var in ReportInputs
	caps := r.extensions(ctx, tr)
	now := r.now()
	to = minTime(to, now)
	if days := caps.Retention.MetricsDays; days > 0 {
		in.HistoryStart = now.Add(-time.Duration(days) * 24 * time.Hour)
	}
	in.HasHistory = caps.Has(parse.ExtMetricsHistory)
	if in.HasHistory {
		hfrom := from
		if !in.HistoryStart.IsZero() && hfrom.Before(in.HistoryStart) {
			hfrom = in.HistoryStart
		}
		if to.After(hfrom) {
			blocks, notes, err := r.reportHistory(ctx, objs, hfrom, to, caps.Capabilities, tr)
			if err != nil {
				return in, err
			}
			in.History, in.Notes = blocks, notes
		}
	}
	if caps.Has(parse.ExtIncidents) {
		ifrom := from
		if days := caps.Retention.IncidentsDays; days > 0 {
			in.IncidentsStart = now.Add(-time.Duration(days) * 24 * time.Hour)
			if ifrom.Before(in.IncidentsStart) {
				ifrom = in.IncidentsStart
			}
		}
		var inc parse.Incidents
		var err error
		if to.After(ifrom) {
			inc, err = r.incidents(ctx, ifrom, to, tr)
		}
		if err != nil {
			in.IncidentsNote = "Incidents are unknown: " + err.Error()
		} else {
			in.Incidents = inc.Incidents
			if in.Incidents == nil {
				in.Incidents = []parse.Incident{}
			}
		}
	} else {
		in.IncidentsNote = fmt.Sprintf("The server does not list incidents (the optional %s extension), so incidents and MTTR are unknown.", parse.ExtIncidents)
	}
	return in, nil
}

func (r *Runner) reportHistory(ctx context.Context, objs []slo.Objective, from, to time.Time, caps parse.Capabilities, tr *trace) ([]slo.HistoryBlock, []string, error) {
	maxPoints := maxPointsPerSeries
	if caps.MaxPointsPerSeries > 0 {
		maxPoints = caps.MaxPointsPerSeries
	}
	want := math.Max(reportMinStep, to.Sub(from).Seconds()/float64(maxPoints-2))
	step := pickStep(want, caps.HistoryResolutionSeconds)
	f := sloFetch{From: alignUp(from, step), To: alignDown(to, step), Step: step}
	if !f.To.After(f.From) {
		return nil, nil, nil
	}
	names := map[string]bool{}
	for _, o := range objs {
		for _, n := range o.Metrics() {
			names[n] = true
		}
	}
	type result struct {
		name string
		h    parse.History
		err  error
	}
	results := make([]result, 0, len(names))
	for n := range names {
		results = append(results, result{name: n})
	}
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			params := url.Values{}
			params.Set("name", results[i].name)
			params.Set("from", strconv.FormatInt(f.From.UnixMilli(), 10))
			params.Set("to", strconv.FormatInt(f.To.UnixMilli(), 10))
			params.Set("step", strconv.Itoa(f.Step))
			results[i].h, results[i].err = r.fetchHistory(ctx, params, tr)
		}()
	}
	wg.Wait()
	var notes []string
	block := slo.HistoryBlock{Step: time.Duration(step) * time.Second}
	for _, res := range results {
		if res.err != nil {
			if client.IsKind(res.err, client.KindBadRequest) || client.IsKind(res.err, client.KindNotFound) {
				notes = append(notes, fmt.Sprintf("No history of %s: %v", res.name, res.err))
				continue
			}
			return nil, nil, res.err
		}
		s := time.Duration(res.h.Step) * time.Second
		if s <= 0 {
			s = block.Step
		}
		addHistory(&block, res.h, s)
	}
	return []slo.HistoryBlock{block}, notes, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
