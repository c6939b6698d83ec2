package query

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Limits of the history extension and of a sensible panel.
const (
	maxPointsPerSeries   = 11000
	defaultMaxDataPoints = 1000
	maxNamedRequests     = 10
)

// historyWindow is the aligned range and step of one history request.
// Aligning to the step makes viewers who load a dashboard within the same
// step ask for the same URL, so the cache and coalescing can serve them.
type historyWindow struct {
	From, To time.Time
	Step     int
}

func planWindow(q Query, caps parse.Capabilities, now time.Time) (historyWindow, string, error) {
	from, to := q.From.UTC(), q.To.UTC()
	if to.After(now) {
		to = now
	}
	var notice string
	var oldest time.Time
	if days := caps.Retention.MetricsDays; days > 0 {
		oldest = now.Add(-time.Duration(days) * 24 * time.Hour)
		if from.Before(oldest) {
			from = oldest
			notice = fmt.Sprintf("The server keeps %d days of metric history; showing data from %s.", days, oldest.Format(time.RFC3339))
		}
	}
	if !to.After(from) {
		return historyWindow{}, notice, badQueryf("the time range %s to %s is outside the server's metric history (the last %d days); pick a more recent range", q.From.UTC().Format(time.RFC3339), q.To.UTC().Format(time.RFC3339), caps.Retention.MetricsDays)
	}
	rangeSec := to.Sub(from).Seconds()
	mdp := q.MaxDataPoints
	if mdp <= 0 {
		mdp = defaultMaxDataPoints
	}
	maxPoints := float64(maxPointsPerSeries)
	if caps.MaxPointsPerSeries > 0 {
		maxPoints = float64(caps.MaxPointsPerSeries)
	}
	want := math.Max(math.Max(q.Interval.Seconds(), rangeSec/float64(mdp)), rangeSec/maxPoints)
	step := pickStep(want, caps.HistoryResolutionSeconds)
	w := historyWindow{Step: step}
	stepD := time.Duration(step) * time.Second
	w.From = alignDown(from, step)
	w.To = alignDown(to, step)
	if w.To.Before(to) {
		w.To = w.To.Add(stepD)
	}
	for float64(int(w.To.Sub(w.From).Seconds())/w.Step) > maxPoints {
		w.Step *= 2
	}
	// Alignment must not push the window past the retention the server
	// enforces (it answers 400 to ranges longer than what it keeps).
	if !oldest.IsZero() {
		retention := now.Sub(oldest)
		for w.From.Before(oldest) || w.To.Sub(w.From) > retention {
			w.From = w.From.Add(stepD)
		}
		if !w.To.After(w.From) {
			w.From = w.To.Add(-stepD)
		}
	}
	return w, notice, nil
}

// alignDown rounds t down to a multiple of step seconds since the Unix
// epoch, the alignment the contract uses for history points.
func alignDown(t time.Time, step int) time.Time {
	secs := t.Unix()
	return time.Unix(secs-((secs%int64(step))+int64(step))%int64(step), 0).UTC()
}

// pickStep rounds the wanted step up to a multiple of the server's
// finest resolution, as the contract does, so the step we ask for is the
// step we get.
func pickStep(want float64, resolutions []int) int {
	if want < 1 {
		want = 1
	}
	if len(resolutions) > 0 {
		finest := float64(resolutions[0])
		return int(math.Ceil(want/finest) * finest)
	}
	return int(math.Ceil(want))
}

type historyRequest struct {
	selector url.Values // name= or category=
	optional bool       // one of "all categories": a server without it is not an error
}

func planHistoryRequests(q Query) []historyRequest {
	var reqs []historyRequest
	switch names, exact := q.Names.Exact(); {
	case len(q.Categories) > 0:
		for _, c := range q.Categories {
			reqs = append(reqs, historyRequest{selector: url.Values{"category": {c}}})
		}
	case exact && len(names) <= maxNamedRequests:
		for _, n := range names {
			if e, ok := parse.LookupMetric(n); ok {
				n = e.Name
			}
			reqs = append(reqs, historyRequest{selector: url.Values{"name": {n}}})
		}
	default:
		for _, c := range parse.Categories {
			reqs = append(reqs, historyRequest{selector: url.Values{"category": {c}}, optional: true})
		}
	}
	return reqs
}

func (r *Runner) metricsHistory(ctx context.Context, q Query, caps parse.Capabilities, tr *trace) ([]series, error) {
	w, notice, err := planWindow(q, caps, r.now().UTC())
	if notice != "" {
		tr.notice(data.NoticeSeverityInfo, notice)
	}
	if err != nil {
		return nil, err
	}
	reqs := planHistoryRequests(q)
	results := make([]parse.History, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for i, hr := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = r.historyRange(ctx, hr.selector, w.From, w.To, w.Step, caps.Retention.MetricsDays, tr)
		}()
	}
	wg.Wait()

	var out []series
	failed := 0
	var firstErr error
	for i, hr := range reqs {
		if err := errs[i]; err != nil {
			if hr.optional && (client.IsKind(err, client.KindBadRequest) || client.IsKind(err, client.KindNotFound)) {
				failed++
				firstErr = err
				continue
			}
			return nil, err
		}
		out = append(out, historySeries(results[i], q.Names, w.Step)...)
	}
	if failed == len(reqs) && firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

func (r *Runner) fetchHistory(ctx context.Context, params url.Values, tr *trace) (parse.History, error) {
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathMetricsHistory, Query: params})
	if err != nil {
		return parse.History{}, err
	}
	return parsed(r.Client, resp, "history", func() (parse.History, error) { return parse.ParseHistory(resp.Body) })
}

func historySeries(h parse.History, names Matcher, step int) []series {
	out := make([]series, 0, len(h.Series))
	for _, s := range h.Series {
		if !names.Match(s.Name) {
			continue
		}
		out = append(out, series{
			Name:        s.Name,
			Labels:      metricLabels(s.Labels, s.Category),
			Unit:        GrafanaUnit(s.Unit),
			DisplayName: displayName(s.Name, s.Labels),
			Times:       s.Times,
			Values:      s.Values,
			IntervalMs:  float64(step) * 1000,
		})
	}
	sortSeries(out)
	return out
}
