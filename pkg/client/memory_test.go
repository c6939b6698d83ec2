package client

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
)

func TestBodyLargerThanInflightBudgetFails(t *testing.T) {
	big := strings.Repeat(" ", 3<<20) + "{}"
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
				if !chunked {
					w.Header().Set("Content-Length", fmt.Sprint(len(big)))
				}
				fmt.Fprint(w, big)
			})
			c := newClient(t, srv.URL, `{"maxResponseBytes":10485760,"inflightMaxBytes":2097152}`, testKey)
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			want := "upstream response for /api/monitoring/metrics is 3.0 MiB, more than the 2 MiB this data source may receive at once: raise the in-flight memory (inflightMaxBytes) in the data source settings or narrow the query (category, metric name)"
			if chunked {
				want = "upstream response for /api/monitoring/metrics is larger than the 2 MiB this data source may receive at once"
			}
			if !IsKind(err, KindOverBudget) || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("err = %v\nwant prefix %q", err, want)
			}
		})
	}
}

// Bodies that together exceed the budget wait for each other instead of
// failing, and every reservation is given back.
func TestConcurrentBodiesShareTheBudget(t *testing.T) {
	body := strings.Repeat(" ", 700<<10) + "{}"
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
				if !chunked {
					w.Header().Set("Content-Length", fmt.Sprint(len(body)))
				}
				fmt.Fprint(w, body)
			})
			// Room for one body at a time.
			c := newClient(t, srv.URL, `{"cacheTTLSeconds":0,"maxResponseBytes":1048575,"inflightMaxBytes":1048576}`, testKey)
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					resp, err := c.Get(context.Background(), Request{Path: PathMetrics, Query: map[string][]string{"n": {fmt.Sprint(i)}}})
					if err == nil && (len(resp.Body) != len(body) || cap(resp.Body) != len(body)) {
						err = fmt.Errorf("body len %d cap %d, want %d", len(resp.Body), cap(resp.Body), len(body))
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			// Bodies nobody holds any more give their share back once
			// collected.
			for i := 0; !c.budget.sem.TryAcquire(c.budget.total); i++ {
				if i == 500 {
					t.Fatal("a reservation was not given back")
				}
				runtime.GC()
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}

func TestReadChunkedExactSize(t *testing.T) {
	for _, n := range []int{0, 1, readChunkSize - 1, readChunkSize, readChunkSize + 1, 5*readChunkSize + 17} {
		src := strings.Repeat("x", n)
		got, err := readChunked(&oneByteThenRest{s: src}, int64(n)+1)
		if err != nil || string(got) != src || cap(got) != n {
			t.Fatalf("n=%d: len %d cap %d err %v", n, len(got), cap(got), err)
		}
	}
	got, _ := readChunked(strings.NewReader("abcdef"), 4)
	if string(got) != "abcd" {
		t.Fatalf("max: %q", got)
	}
}

// oneByteThenRest returns short reads, as a network body does.
type oneByteThenRest struct {
	s string
	i int
}

func (r *oneByteThenRest) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 1+r.i%3000)], r.s[r.i:])
	r.i += n
	return n, nil
}

func TestCacheCountsParsedDocuments(t *testing.T) {
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{"x":1}`) })
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":60}`, testKey)
	resp, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err != nil {
		t.Fatal(err)
	}
	_, before := c.cache.usage()
	doc := make([]float64, 10_000)
	if _, err := resp.Parsed("doc", func() (any, error) { return doc, nil }); err != nil {
		t.Fatal(err)
	}
	_, after := c.cache.usage()
	if grown := after - before; grown < 80_000 || grown > 90_000 {
		t.Fatalf("cache grew by %d bytes for an 80,000-byte parsed document", grown)
	}
	// What a later entry parses counts too: it pushes the least recently
	// used entry out.
	c.cache.maxBytes = after + 1000
	resp2, _ := c.Get(context.Background(), Request{Path: PathMetrics, Query: map[string][]string{"b": {"1"}}})
	if _, err := resp2.Parsed("doc", func() (any, error) { return make([]byte, 2000), nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(context.Background(), Request{Path: PathMetrics}); err != nil {
		t.Fatal(err)
	}
	if got := n.n.Load(); got != 3 {
		t.Fatalf("upstream requests = %d, want 3 (the first entry evicted by the second's parse)", got)
	}
}

func TestUnparseableBodyIsNotCached(t *testing.T) {
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{"metrics":`) })
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":60}`, testKey)
	for i := range 2 {
		resp, err := c.Get(context.Background(), Request{Path: PathMetrics})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := resp.Parsed("metrics", func() (any, error) { return parse.ParseMetricsJSON(resp.Body) }); err == nil {
			t.Fatal("malformed body parsed")
		}
		if got := n.n.Load(); got != int64(i+1) {
			t.Fatalf("request %d: upstream requests = %d", i+1, got)
		}
	}
	if c.cache.len() != 0 {
		t.Fatal("an unparseable body stayed in the cache")
	}
}

func TestSweepRemovesExpiredEntries(t *testing.T) {
	now := time.Unix(1000, 0)
	c := newResponseCache(5*time.Second, 10, 1<<20)
	c.put("a", &Response{Body: []byte("a")}, now)
	c.put("b", &Response{Body: []byte("b")}, now.Add(3*time.Second))
	c.sweep(now.Add(5 * time.Second))
	if n, _ := c.usage(); n != 1 {
		t.Fatalf("entries after the first expiry: %d", n)
	}
	c.sweep(now.Add(8 * time.Second))
	if n, b := c.usage(); n != 0 || b != 0 {
		t.Fatalf("entries %d bytes %d after every expiry", n, b)
	}
	c.startSweeper()
	c.stopSweeper()
	c.stopSweeper() // idempotent
}

// The estimate must be close to what the heap really holds for a parsed
// document, so the cache bound holds in the process.
func TestSizeOfMatchesTheHeap(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"metrics":[`)
	for i := range 3000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"name":"metric_%d","value":%d.5,"unit":"ms","category":"api","labels":{"route":"/r/%d","method":"GET"}}`, i, i, i)
	}
	sb.WriteString(`]}`)
	body := []byte(sb.String())
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	m, err := parse.ParseMetricsJSON(body)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.GC() // pools' victim caches go with the second cycle
	runtime.ReadMemStats(&ms)
	held := int64(ms.HeapAlloc) - int64(before)
	est := sizeOf(m)
	runtime.KeepAlive(m)
	runtime.KeepAlive(body)
	t.Logf("estimate %d bytes, heap holds %d", est, held)
	if est < held*8/10 || est > held*15/10 {
		t.Fatalf("estimate %d bytes, heap holds %d", est, held)
	}
}

// A caller that keeps a body it never parses (and so keeps its share of
// the budget reachable) must not stall the next request for good.
func TestHeldBodyDoesNotStallOthers(t *testing.T) {
	body := strings.Repeat(" ", 700<<10) + "{}"
	srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, body) })
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0,"maxResponseBytes":1048575,"inflightMaxBytes":1048576}`, testKey)
	first, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Get(context.Background(), Request{Path: PathMetrics, Query: map[string][]string{"n": {"2"}}})
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(first)
	runtime.KeepAlive(second)
}
