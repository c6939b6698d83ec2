package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/loadprofile"
	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

const viewers = 10

// perPanel gives every QueryData call an instance of its own with the
// cache off: each panel of each viewer fetches for itself.
type perPanel struct {
	url, key string
	mu       sync.Mutex
	made     []*plugin.Datasource
}

func (p *perPanel) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	ds := newDS(p.url, p.key, `{"cacheTTLSeconds":0}`)
	p.mu.Lock()
	p.made = append(p.made, ds)
	p.mu.Unlock()
	return ds.QueryData(ctx, req)
}

func (p *perPanel) dispose() {
	for _, ds := range p.made {
		ds.Dispose()
	}
}

// fanInRows loads the 40-panel dashboard for 10 viewers at once, through
// one shared instance (coalescing and a 5 s cache, fresh for every
// refresh) and with every panel fetching on its own, alternately.
func fanInRows(srv *testserver.Server, proxy *countingProxy, refreshes int) []Row {
	type result struct {
		reqs, bytes int64
		took        time.Duration
	}
	run := func(ds loadprofile.QueryDataer) result {
		proxy.reset()
		t := time.Now()
		if err := loadprofile.Refresh(context.Background(), ds, viewers, 6*time.Hour); err != nil {
			fail(fmt.Errorf("dashboard refresh: %w", err))
		}
		return result{proxy.requests.Load(), proxy.bytes.Load(), time.Since(t)}
	}
	var shared, own []result
	for range refreshes {
		ds := newDS(proxy.URL, srv.APIKey, `{"cacheTTLSeconds":5}`)
		shared = append(shared, run(ds))
		ds.Dispose()
		p := &perPanel{url: proxy.URL, key: srv.APIKey}
		own = append(own, run(p))
		p.dispose()
	}
	median := func(rs []result) result {
		slices.SortFunc(rs, func(a, b result) int { return int(a.took - b.took) })
		return rs[len(rs)/2]
	}
	s, o := median(shared), median(own)
	panels := len(loadprofile.Panels)
	return []Row{{
		Group:    "fan-in",
		Name:     fmt.Sprintf("%d panels × %d viewers, one refresh (median of %d)", panels, viewers, refreshes),
		Value:    fmt.Sprintf("%d requests  %s  %d ms", s.reqs, mib(s.bytes), s.took.Milliseconds()),
		Baseline: fmt.Sprintf("per-panel fetching: %d requests  %s  %d ms", o.reqs, mib(o.bytes), o.took.Milliseconds()),
		Ratio:    fmt.Sprintf("%.0f× fewer requests", float64(o.reqs)/float64(max(s.reqs, 1))),
	}}
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
