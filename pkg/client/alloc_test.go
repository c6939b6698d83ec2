package client

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// An uncached read costs little more than net/http's own request: the
// SDK's middlewares made cheap (request_metrics.go, request_tracing.go),
// no per-request client timer or budget timer, the request scope and the
// parse memo without maps. A regression fails here, not only in the bench
// table.
func TestUncachedGetAllocations(t *testing.T) {
	body := `{"metrics":[` + strings.Repeat(`{"name":"a","value":1},`, 200) + `{"name":"b","value":2}]}`
	srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	})
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0}`, "test-key-123456")
	raw := &http.Client{}
	rawGet := func() {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+PathMetrics, nil)
		req.Header.Set("X-API-Key", "test-key-123456")
		res, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.ReadAll(res.Body)
		res.Body.Close()
	}
	get := func() {
		ctx := WithRequestScope(context.Background())
		resp, err := c.Get(ctx, Request{Path: PathMetrics})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := resp.Parsed("n", func() (any, error) { return len(resp.Body), nil }); err != nil {
			t.Fatal(err)
		}
	}
	base := testing.AllocsPerRun(200, rawGet)
	allocs := testing.AllocsPerRun(200, get)
	t.Logf("%.0f allocations, a plain net/http request %.0f", allocs, base)
	// 26 more than net/http when this was written (the SDK's tracing
	// middleware alone took about 40).
	if limit := base + 35; allocs > limit {
		t.Errorf("%.0f allocations for an uncached read, want at most %.0f (net/http alone: %.0f)", allocs, limit, base)
	}
}
