package integration

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/loadprofile"
)

// countingProxy sits between the data source and the reference server
// and counts upstream requests per URL.
type countingProxy struct {
	mu     sync.Mutex
	counts map[string]int
}

func (p *countingProxy) reset() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.counts
	p.counts = map[string]int{}
	return c
}

func startProxy(t *testing.T, upstream string) (*countingProxy, string) {
	u, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	p := &countingProxy{counts: map[string]int{}}
	rp := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.counts[r.URL.RequestURI()]++
		p.mu.Unlock()
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return p, srv.URL
}

// A 40-panel dashboard viewed by 10 people at once makes at most one
// upstream request per distinct endpoint URL and refresh, not 400.
func TestDashboardLoadUpstreamRequests(t *testing.T) {
	requireServer(t)
	proxy, url := startProxy(t, target.url)
	ds := newDS(t, url, `{"cacheTTLSeconds":5}`, target.apiKey)
	const viewers = 10
	for refresh := 1; refresh <= 2; refresh++ {
		start := time.Now()
		if err := loadprofile.Refresh(context.Background(), ds, viewers, 6*time.Hour); err != nil {
			t.Fatal(err)
		}
		elapsed := time.Since(start)
		counts := proxy.reset()
		total, dup := 0, []string{}
		for u, n := range counts {
			total += n
			if n > 1 {
				dup = append(dup, u)
			}
		}
		sort.Strings(dup)
		t.Logf("refresh %d: %d panels x %d viewers = %d queries -> %d upstream requests for %d distinct URLs in %v",
			refresh, len(loadprofile.Panels), viewers, len(loadprofile.Panels)*viewers, total, len(counts), elapsed.Round(time.Millisecond))
		if len(dup) > 0 {
			t.Fatalf("URLs fetched more than once in one refresh: %v", dup)
		}
		time.Sleep(5100 * time.Millisecond) // let the 5 s cache expire: the next refresh is a real one
	}
}
