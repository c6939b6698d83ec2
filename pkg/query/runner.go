package query

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/slo"
)

// Runner executes queries against one data source's client.
type Runner struct {
	Client *client.Client
	// DataSourceUID names the Grafana Live channels of live queries.
	DataSourceUID string
	// Now is the clock (tests pin it).
	Now func() time.Time
	// Objectives are the data source's SLOs (jsonData "slos", or the
	// defaults); the slo query type evaluates them.
	Objectives []slo.Objective
	// Schedule is the data source's on-call schedule (jsonData "oncall",
	// or the default); the oncall query type and the on-call labels of
	// alert queries read it. Nil disables both.
	Schedule *oncall.Schedule
	// History holds fetched metric history between queries (history_cache.go); nil fetches whole windows.
	History *HistoryCache
}

// Run executes one query. Errors are *client.Error (upstream),
// *BadQueryError (the query) or parse failures already converted to
// *client.Error; each message says what to fix.
func (r *Runner) Run(ctx context.Context, q Query) (data.Frames, error) {
	d, ok := lookupType(q.Type)
	if !ok {
		return nil, badQueryf("unknown query type %q: use one of %s", q.Type, typeList())
	}
	tr := &trace{}
	run := d.Run
	if q.Live {
		// Parse refused live for the types that cannot stream it.
		run = (*Runner).liveFrames
	}
	frames, err := run(r, ctx, q, tr)
	if err != nil {
		return nil, err
	}
	if q.FromAlert && r.Schedule != nil {
		AddOncallLabels(frames, r.Schedule, r.now())
	}
	tr.annotate(frames)
	return frames, nil
}

// CurrentTime is the runner's clock (the wall clock unless Now is set).
func (r *Runner) CurrentTime() time.Time { return r.now() }

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// get fetches an endpoint and records it for the query inspector.
func (r *Runner) get(ctx context.Context, tr *trace, req client.Request) (*client.Response, error) {
	tr.add(req.Path, req.Query)
	return r.Client.Get(ctx, req)
}

// trace collects what a query did, for the query inspector (executed
// upstream requests, without secrets) and panel notices.
type trace struct {
	mu       sync.Mutex
	requests []string
	notices  []data.Notice
}

func (t *trace) add(path string, q url.Values) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := "GET " + path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	t.requests = append(t.requests, s)
}

func (t *trace) notice(sev data.NoticeSeverity, text string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, n := range t.notices {
		if n.Text == text {
			return // the same finding from several fetches of one query
		}
	}
	t.notices = append(t.notices, data.Notice{Severity: sev, Text: text})
}

func (t *trace) annotate(frames data.Frames) {
	if len(frames) == 0 {
		return
	}
	f := frames[0]
	if f.Meta == nil {
		f.Meta = &data.FrameMeta{}
	}
	f.Meta.ExecutedQueryString = strings.Join(t.requests, "\n")
	f.Meta.Notices = append(f.Meta.Notices, t.notices...)
}
