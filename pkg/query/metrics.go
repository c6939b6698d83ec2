package query

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

func (r *Runner) runMetrics(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	caps := r.extensions(ctx, tr)
	if q.Total {
		return r.metricsTotals(ctx, q, caps, tr)
	}
	hasHistory := caps.Has(parse.ExtMetricsHistory)
	if hasHistory && !q.From.IsZero() && q.To.After(q.From) {
		ss, err := r.metricsHistory(ctx, q, caps.Capabilities, tr)
		switch {
		case err == nil:
			return r.metricsFrames(ss, q, tr), nil
		case !client.IsKind(err, client.KindNotFound):
			return nil, err
		}
		// Advertised but absent: current values are better than nothing.
		tr.notice(data.NoticeSeverityWarning, "Current values: the server advertises metric history but "+client.PathMetricsHistory+" is not there ("+err.Error()+"), so the time range is not used.")
	} else if !hasHistory {
		tr.notice(data.NoticeSeverityInfo, "Current values: the server does not offer metric history ("+client.PathMetricsHistory+", extension "+parse.ExtMetricsHistory+"), so the time range is not used.")
	}
	_, ss, err := r.metricsSnapshot(ctx, q, tr)
	if err != nil {
		return nil, err
	}
	return r.metricsFrames(ss, q, tr), nil
}

func (r *Runner) metricsFrames(ss []series, q Query, tr *trace) data.Frames {
	if len(ss) == 0 && !q.Names.All() {
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("No metric matches %q%s; pick a name from the metric list.", q.Names.String(), categoryPhrase(q.Categories)))
	}
	kept := filterEndpoints(ss, q.Endpoints)
	if len(kept) == 0 && len(ss) > 0 {
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("No series matches the endpoint filter %q; use %q for the whole application or an endpoint path such as /api/tickets.", q.Endpoints.String(), endpointOverall))
	}
	return multiFrames(kept)
}

func categoryPhrase(cats []string) string {
	if len(cats) == 0 {
		return ""
	}
	return fmt.Sprintf(" in category %v", cats)
}

// metricsSnapshot fetches current values: one request per selected
// category, or one for all.
func (r *Runner) metricsSnapshot(ctx context.Context, q Query, tr *trace) (time.Time, []series, error) {
	cats := q.Categories
	if len(cats) == 0 {
		cats = []string{""}
	}
	var results []parse.Metrics
	var errs []error
	if len(cats) == 1 {
		// One request: no goroutine to hand it to and wait for.
		m, err := r.fetchMetrics(ctx, cats[0], q.Format, tr)
		results, errs = []parse.Metrics{m}, []error{err}
	} else {
		results, errs = r.fetchMetricsEach(ctx, cats, q.Format, tr)
	}
	var ts time.Time
	var out []series
	for i := range cats {
		if errs[i] != nil {
			return time.Time{}, nil, errs[i]
		}
		if ts.IsZero() {
			ts = results[i].Timestamp
		}
		readerNotes(tr, "metrics", results[i].Notes)
		if ss := snapshotSeries(results[i], q.Names); out == nil {
			out = ss // fresh: no need to copy it
		} else {
			out = append(out, ss...)
		}
	}
	out = r.fillFromOtherFormats(ctx, cats, q, out, tr)
	if ts.IsZero() {
		ts = r.now().UTC()
	}
	return ts, out, nil
}

// fetchMetricsEach fetches several categories at once.
func (r *Runner) fetchMetricsEach(ctx context.Context, cats []string, format string, tr *trace) ([]parse.Metrics, []error) {
	results, errs := make([]parse.Metrics, len(cats)), make([]error, len(cats))
	var wg sync.WaitGroup
	for i, c := range cats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = r.fetchMetrics(ctx, c, format, tr)
		}()
	}
	wg.Wait()
	return results, errs
}

// FetchMetrics returns the current metrics of a category ("" for all),
// in the format negotiation found (the pickers and template variables).
func (r *Runner) FetchMetrics(ctx context.Context, category string) (parse.Metrics, error) {
	return r.fetchMetrics(ctx, category, FormatAuto, &trace{})
}

func snapshotSeries(m parse.Metrics, names Matcher) []series {
	ms := m.Metrics // shared: read in order, never sorted in place
	order := parse.MetricOrder(ms)
	out := make([]series, 0, len(ms))
	// One backing array for every one-sample series (capacity-limited
	// slices: an append never writes into the next series).
	times, values := make([]time.Time, len(ms)), make([]*float64, len(ms))
	for i, j := range order {
		mt := &ms[j]
		if !names.Match(mt.Name) {
			continue
		}
		t := mt.Time
		if t.IsZero() {
			t = m.Timestamp
		}
		times[i], values[i] = t, mt.Value
		s := series{Name: mt.Name, Labels: metricLabels(mt.Labels, mt.Category), Times: times[i : i+1 : i+1], Values: values[i : i+1 : i+1], ownLabels: true}
		s.Unit = GrafanaUnit(mt.Unit)
		s.DisplayName = displayName(mt.Name, mt.Labels)
		s.Description = mt.Description
		out = append(out, s)
	}
	return out
}

// metricLabels adds the category as a label: alert notifications can be
// routed by it, and it is constant per metric so series stay unique.
func metricLabels(l map[string]string, category string) data.Labels {
	out := make(data.Labels, len(l)+2) // room for the metric label frames add

	for k, v := range l {
		out[k] = v
	}
	if category != "" {
		if _, taken := out["category"]; !taken {
			out["category"] = category
		}
	}
	return out
}
