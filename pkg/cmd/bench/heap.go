package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/appmon/monitoring/pkg/internal/loadprofile"
	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// The heap test's instance: the raised response limit of the report
// (100 MiB), a 64 MiB in-flight budget and the default 64 MiB cache.
const (
	heapTTL      = 5 * time.Second
	heapBudget   = 64 << 20
	heapSettings = `{"cacheTTLSeconds":5,"timeoutSeconds":60,"maxResponseBytes":104857600,"inflightMaxBytes":67108864}`
)

// heapObjects is the heap held by objects, live or not yet collected.
func heapObjects() uint64 {
	m := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// liveHeap is the heap after a full collection: what is really held.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	return heapObjects()
}

// sampler records the highest heap seen until stopped.
type sampler struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func startSampler() *sampler {
	s := &sampler{stop: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if h := heapObjects(); h > s.peak.Load() {
				s.peak.Store(h)
				if os.Getenv("BENCH_HEAP_DEBUG") != "" && h > 90<<20 {
					m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/goal:bytes"}}
					metrics.Read(m)
					fmt.Fprintf(os.Stderr, "peak %d MiB live-at-last-gc %d MiB cycles %d goal %d MiB\n", h>>20, m[0].Value.Uint64()>>20, m[1].Value.Uint64(), m[2].Value.Uint64()>>20)
				}
			}
			select {
			case <-t.C:
			case <-s.stop:
				return
			}
		}
	}()
	return s
}

func (s *sampler) done() uint64 {
	close(s.stop)
	s.wg.Wait()
	return s.peak.Load()
}

// heapRows refreshes the 40-panel dashboard for 10 viewers while every
// endpoint answers with a large body, sampling the heap, then waits one
// cache TTL after the last query and collects.
func heapRows(srv *testserver.Server, bodyMB int) []Row {
	ctx := context.Background()
	settings := heapSettings
	if s := os.Getenv("BENCH_HEAP_SETTINGS"); s != "" {
		settings = s // trying other bounds
	}
	ds := newDS(srv.URL, srv.APIKey, settings)
	defer ds.Dispose()
	idle := liveHeap()
	if _, err := srv.AddFault(ctx, testserver.Fault{Endpoint: "*", Mode: "oversized", SizeBytes: bodyMB * 1_000_000}); err != nil {
		return []Row{{Group: "heap", Name: "not measured", Value: "the reference server refused the large-body fault: " + err.Error()}}
	}
	s := startSampler()
	began := time.Now()
	err := loadprofile.Refresh(ctx, ds, viewers, 6*time.Hour)
	if os.Getenv("BENCH_HEAP_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "refresh took %s\n", time.Since(began))
	}
	last := time.Now()
	peak := s.done()
	if cerr := srv.ClearFaults(ctx); cerr != nil {
		fail(cerr)
	}
	if err != nil {
		fail(fmt.Errorf("refresh with large bodies: %w", err))
	}
	if f := os.Getenv("BENCH_HEAP_PROFILE"); f != "" {
		w, _ := os.Create(f)
		_ = pprof.Lookup("allocs").WriteTo(w, 0)
		w.Close()
	}
	time.Sleep(time.Until(last.Add(heapTTL)))
	after := liveHeap()

	limit := uint64(heapBudget + 64<<20)
	back := int64(after) - int64(idle)
	return []Row{
		{
			Group: "heap", Name: fmt.Sprintf("peak heap, %d panels × %d viewers, every body %d MB", len(loadprofile.Panels), viewers, bodyMB),
			Value: mib(int64(peak)), Baseline: fmt.Sprintf("idle %s, in-flight budget %s", mib(int64(idle)), mib(heapBudget)),
			Goal: "≤ budget + 64 MiB", OK: verdict(peak <= limit),
		},
		{
			Group: "heap", Name: "heap one cache TTL (5 s) after the last query, after GC",
			Value: mib(int64(after)), Baseline: "idle " + mib(int64(idle)), Ratio: fmt.Sprintf("%+.1f MiB", float64(back)/(1<<20)),
			Goal: "within 10 MiB of idle", OK: verdict(back <= 10<<20),
		},
	}
}
