package main

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// The query compared: current values of every metric, the endpoint the
// raw fetch reads.
const (
	queryModel  = `{"queryType":"metrics","live":true}`
	rawEndpoint = "/api/monitoring/metrics"
)

// sample is one kind of operation's measurements.
type sample struct {
	times  []time.Duration
	allocs uint64
}

func (s *sample) p(q float64) time.Duration {
	t := slices.Clone(s.times)
	slices.Sort(t)
	return t[min(len(t)-1, int(q*float64(len(t))))]
}

func (s *sample) allocsPerOp() float64 { return float64(s.allocs) / float64(len(s.times)) }

// allocCount reads the process's allocation count. ReadMemStats stops
// the world but is exact (runtime/metrics flushes per-P counts lazily, so
// an operation's allocations could be counted in its neighbour's); it is
// called outside the timed part.
func allocCount() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// queryRows interleaves a raw fetch, an uncached query and a cached query
// n times each, so the three see the same server and machine load.
func queryRows(srv *testserver.Server, n int) []Row {
	raw := &http.Client{}
	uncached := newDS(srv.URL, srv.APIKey, `{"cacheTTLSeconds":0}`)
	defer uncached.Dispose()
	cached := newDS(srv.URL, srv.APIKey, `{"cacheTTLSeconds":300}`)
	defer cached.Dispose()

	rawFetch := func() {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+rawEndpoint, nil)
		req.Header.Set("X-API-Key", srv.APIKey)
		resp, err := raw.Do(req)
		if err != nil {
			fail(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			fail(err)
		}
		resp.Body.Close()
	}
	ops := []func(){rawFetch, func() { query(uncached, queryModel) }, func() { query(cached, queryModel) }}
	samples := make([]sample, len(ops))
	for range 50 { // warm connections, discovery and the cache
		for _, op := range ops {
			op()
		}
	}
	for i := range n {
		for j := range ops {
			k := (i + j) % len(ops) // rotate who goes first
			a := allocCount()
			t := time.Now()
			ops[k]()
			samples[k].times = append(samples[k].times, time.Since(t))
			samples[k].allocs += allocCount() - a
		}
	}
	rawS, unc, cac := &samples[0], &samples[1], &samples[2]
	ratio := func(s *sample, q float64) float64 { return float64(s.p(q)) / float64(rawS.p(q)) }
	row := func(name string, s *sample) Row {
		return Row{Group: "query", Name: name,
			Value:    fmt.Sprintf("p50 %s · p99 %s · %.0f allocs", us(s.p(0.5)), us(s.p(0.99)), s.allocsPerOp()),
			Baseline: fmt.Sprintf("raw fetch: p50 %s · p99 %s · %.0f allocs", us(rawS.p(0.5)), us(rawS.p(0.99)), rawS.allocsPerOp()),
			Ratio:    fmt.Sprintf("%.2f× at p50 (p99 %.2f×)", ratio(s, 0.5), ratio(s, 0.99)),
		}
	}
	// The goal's own figures beside it: which half is missed shows at once.
	const goalRatio, goalAllocs = 1.5, 500
	u := row(fmt.Sprintf("uncached query, n=%d interleaved", n), unc)
	u.Goal = fmt.Sprintf("≤ %.1f× raw at p50 (%.2f×) and ≤ %d allocs (%.0f)", goalRatio, ratio(unc, 0.5), goalAllocs, unc.allocsPerOp())
	u.OK = verdict(ratio(unc, 0.5) <= goalRatio && unc.allocsPerOp() <= goalAllocs)
	return []Row{u, row(fmt.Sprintf("cached query, n=%d interleaved", n), cac)}
}

func us(d time.Duration) string { return fmt.Sprintf("%d µs", d.Microseconds()) }
