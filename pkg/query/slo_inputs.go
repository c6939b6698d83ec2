package query

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/slo"
)

// sloInputs fetches what the objectives need at now: metric history (when
// the server has the extension), the uptime snapshot (availability without
// history) and incidents (MTBF/MTTR). A failing history or uptime fetch
// fails the query: burn rates computed from part of the data would quietly
// resolve a paging alert. Failing incidents only leave MTBF/MTTR unknown.
func (r *Runner) sloInputs(ctx context.Context, objs []slo.Objective, now time.Time, tr *trace) (slo.Inputs, error) {
	in := slo.Inputs{Now: now}
	caps := r.extensions(ctx, tr)
	if caps.Has(parse.ExtMetricsHistory) {
		blocks, err := r.sloHistory(ctx, objs, now, caps.Capabilities, tr)
		if err != nil {
			return in, err
		}
		in.History = blocks
	} else {
		tr.notice(data.NoticeSeverityInfo, "The server does not offer metric history (extension "+parse.ExtMetricsHistory+
			"): availability comes from the current uptime snapshot; burn rates and error-rate and latency objectives need history.")
	}
	if needsUptimeSnapshot(objs, in.History) {
		snap, err := r.uptimeSnapshot(ctx, tr)
		switch {
		case err == nil:
			in.Uptime = snap
		case unreadable(err):
			// Availability stays unknown (null), the other objectives answer.
			tr.notice(data.NoticeSeverityWarning, "Availability is unknown: "+err.Error())
		default:
			return in, err
		}
	}
	if caps.Has(parse.ExtIncidents) {
		from := earliestStart(objs, now)
		if days := caps.Retention.IncidentsDays; days > 0 {
			from = maxTime(from, now.Add(-time.Duration(days)*24*time.Hour))
		}
		inc, err := r.incidents(ctx, from, now, tr)
		if err != nil {
			tr.notice(data.NoticeSeverityWarning, "MTBF and MTTR are unknown: "+err.Error())
		} else {
			in.Incidents = make([]slo.Incident, 0, len(inc.Incidents))
			for _, i := range inc.Incidents {
				in.Incidents = append(in.Incidents, slo.Incident{StartedAt: i.StartedAt, ResolvedAt: i.ResolvedAt})
			}
		}
	}
	return in, nil
}

// sloFetch is one planned history request, inside the server's limits.
type sloFetch struct {
	From, To time.Time
	Step     int // seconds
	Names    []string
}

// planSLOFetches fits slo.PlanHistory's requests to the server: steps
// rounded up to its resolution and within its point limit, ranges clamped
// to its retention and aligned to the step (so concurrent evaluations ask
// for the same URLs and share them). "to" is rounded down so every bucket
// returned is complete. A request that a finer one already covers (short
// retention) is dropped.
func planSLOFetches(plan []slo.Fetch, caps parse.Capabilities, now time.Time) []sloFetch {
	maxPoints := maxPointsPerSeries
	if caps.MaxPointsPerSeries > 0 {
		maxPoints = caps.MaxPointsPerSeries
	}
	var oldest time.Time
	if days := caps.Retention.MetricsDays; days > 0 {
		oldest = now.Add(-time.Duration(days) * 24 * time.Hour)
	}
	var out []sloFetch
	for _, p := range plan {
		step := pickStep(p.Step.Seconds(), caps.HistoryResolutionSeconds)
		from := p.From
		if !oldest.IsZero() && from.Before(oldest) {
			from = oldest
		}
		var f sloFetch
		for {
			f = sloFetch{From: alignUp(from, step), To: alignDown(now, step), Step: step, Names: p.Names}
			if int(f.To.Sub(f.From).Seconds())/step <= maxPoints {
				break
			}
			step *= 2
		}
		if f.To.After(f.From) {
			out = append(out, f)
		}
	}
	kept := out[:0]
	for i, f := range out {
		if !coveredByFiner(f, out, i) {
			kept = append(kept, f)
		}
	}
	return kept
}

func coveredByFiner(f sloFetch, all []sloFetch, self int) bool {
	for j, g := range all {
		if j != self && g.Step < f.Step && !g.From.After(f.From) && !g.To.Before(f.To) {
			return true
		}
	}
	return false
}

func alignUp(t time.Time, step int) time.Time {
	d := alignDown(t, step)
	if d.Before(t) {
		d = d.Add(time.Duration(step) * time.Second)
	}
	return d
}

// sloHistory runs the planned requests, one per metric name (the history
// endpoint takes one name), concurrently. Responses of one planned request
// that came back with the same step form one block, so the error-rate SLI
// finds its request-rate weights next to it. A 400 or 404 for a name (a
// metric the server does not keep) leaves that series missing, with a
// notice; any other failure fails the query.
func (r *Runner) sloHistory(ctx context.Context, objs []slo.Objective, now time.Time, caps parse.Capabilities, tr *trace) ([]slo.HistoryBlock, error) {
	type job struct {
		fetch int
		name  string
	}
	fetches := planSLOFetches(slo.PlanHistory(objs, now), caps, now)
	var jobs []job
	for i, f := range fetches {
		for _, n := range f.Names {
			jobs = append(jobs, job{i, n})
		}
	}
	results := make([]parse.History, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for k, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := fetches[j.fetch]
			// Through the history cache: a rule evaluated every minute
			// fetches the last minutes, not the whole window again.
			results[k], errs[k] = r.historyRange(ctx, url.Values{"name": {j.name}}, f.From, f.To, f.Step, caps.Retention.MetricsDays, tr)
		}()
	}
	wg.Wait()

	type blockKey struct {
		fetch int
		step  time.Duration
	}
	index := map[blockKey]int{}
	var blocks []slo.HistoryBlock
	for k, j := range jobs {
		if err := errs[k]; err != nil {
			if client.IsKind(err, client.KindBadRequest) || client.IsKind(err, client.KindNotFound) {
				tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("No history of %s for the SLOs: %v", j.name, err))
				continue
			}
			return nil, err
		}
		step := time.Duration(results[k].Step) * time.Second
		if step <= 0 {
			step = time.Duration(fetches[j.fetch].Step) * time.Second
		}
		key := blockKey{j.fetch, step}
		i, ok := index[key]
		if !ok {
			i = len(blocks)
			index[key] = i
			blocks = append(blocks, slo.HistoryBlock{Step: step})
		}
		addHistory(&blocks[i], results[k], step)
	}
	return blocks, nil
}

// addHistory adds a response's series to a block. The contract stamps a
// point at the start of its bucket; slo reads a point as the step ending
// at its time, so times move forward by one step. Per-endpoint series are
// skipped when the response has the overall one (the SLI uses that).
func addHistory(b *slo.HistoryBlock, h parse.History, step time.Duration) {
	overall := map[string]bool{}
	for _, s := range h.Series {
		if len(s.Labels) == 0 {
			overall[s.Name] = true
		}
	}
	for _, s := range h.Series {
		if len(s.Labels) > 0 && overall[s.Name] {
			continue
		}
		ends := make([]time.Time, len(s.Times))
		for i, t := range s.Times {
			ends[i] = t.Add(step)
		}
		// The parsed history is shared by every query that read this
		// response, so the values slice is passed on unmodified.
		b.Add(s.Name, s.Labels, slo.Series{Times: ends, Values: s.Values})
	}
}

// needsUptimeSnapshot reports whether an availability objective has no
// history to read from.
func needsUptimeSnapshot(objs []slo.Objective, blocks []slo.HistoryBlock) bool {
	for _, o := range objs {
		if o.Kind != slo.KindAvailability {
			continue
		}
		found := false
		for _, b := range blocks {
			if _, ok := b.Series[o.Metric]; ok {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

func (r *Runner) uptimeSnapshot(ctx context.Context, tr *trace) (*slo.UptimeSnapshot, error) {
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathUptime})
	if err != nil {
		return nil, err
	}
	u, err := parsed(r.Client, resp, "uptime", func() (parse.Uptime, error) { return parse.ParseUptime(resp.Body) })
	if err != nil {
		return nil, err
	}
	if u.Percentage == nil || u.Seconds == nil {
		// The objective reports that it has no data; say which figure is missing.
		missing := "uptime.percentage"
		if u.Percentage != nil {
			missing = "uptime.seconds (how long the percentage covers)"
		}
		tr.notice(data.NoticeSeverityWarning, "Availability is unknown: the server's uptime ("+client.PathUptime+") has no "+missing+".")
		return nil, nil
	}
	return &slo.UptimeSnapshot{Percentage: *u.Percentage, Seconds: *u.Seconds}, nil
}

// unreadable reports an endpoint the server lacks or answers in a shape
// that cannot be read, as opposed to a server that is down.
func unreadable(err error) bool {
	return isMissing(err) || client.IsKind(err, client.KindMalformed) || client.IsKind(err, client.KindHTML)
}

// earliestStart is the start of the longest objective window at now.
func earliestStart(objs []slo.Objective, now time.Time) time.Time {
	from := now
	for _, o := range objs {
		if start, _ := o.Bounds(now); start.Before(from) {
			from = start
		}
	}
	return from
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
