package query

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/history"
	"github.com/appmon/monitoring/pkg/parse"
)

// HistoryCache keeps the metric history one data source instance fetched
// (pkg/history), so that SLO evaluations, burn-rate rules and dashboard
// refreshes of a sliding window fetch only its newest part.
type HistoryCache = history.Cache

// NewHistoryCache makes an instance's history cache of at most maxBytes
// (0 turns it off).
func NewHistoryCache(maxBytes int64) *HistoryCache { return history.New(maxBytes) }

// historyRange fetches the series the selector picks (name= or
// category=) over [from, to) at step, through the instance's history
// cache when it has one. retentionDays is the server's metrics retention
// (0: unknown).
func (r *Runner) historyRange(ctx context.Context, selector url.Values, from, to time.Time, step, retentionDays int, tr *trace) (parse.History, error) {
	// Windows ending at different distances from now (a period and the
	// one before it) are held apart, or each would push the other out.
	var slot int64
	if span := to.Sub(from); span > 0 {
		slot = int64(r.now().Sub(to) / span)
	}
	// The instance's URL is part of the key: a fleet's members share one cache.
	key := history.Key{Path: r.Client.URL(client.PathMetricsHistory, nil), Selector: selector.Encode() + "&window=" + strconv.FormatInt(slot, 10), Step: step}
	w := history.Window{From: from, To: to, Retention: time.Duration(retentionDays) * 24 * time.Hour}
	return r.History.Get(ctx, key, w, func(ctx context.Context, from, to time.Time) (parse.History, error) {
		params := url.Values{}
		for k, v := range selector {
			params[k] = v
		}
		params.Set("from", strconv.FormatInt(from.UnixMilli(), 10))
		params.Set("to", strconv.FormatInt(to.UnixMilli(), 10))
		params.Set("step", strconv.Itoa(step))
		return r.fetchHistory(ctx, params, tr)
	})
}
