package integration

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// The fault matrix: each fault mode of the reference server on the uptime
// endpoint, plus a refused connection and a silent server. Each case
// asserts the exact sentence the user sees, that the health query of the
// same request still answers, and that nothing outlives the 2 s timeout.
func TestFaultMatrix(t *testing.T) {
	srv := requireAdmin(t)
	const path = "/api/monitoring/uptime"
	const timeout = 2 * time.Second
	settings := `{"timeoutSeconds":2,"retries":2,"cacheTTLSeconds":0,"maxResponseBytes":1048576}`

	tests := []struct {
		name  string
		fault testserver.Fault
		// want is the exact message; {id} is the fault id, and {json}
		// stands for the JSON decoder's own words, which depend on where
		// the server cut the body (its length varies with uptime).
		want    string
		minTime time.Duration
	}{
		{
			name: "latency past the timeout", fault: testserver.Fault{Mode: "latency", LatencyMs: 5000},
			want: "upstream did not answer /api/monitoring/uptime within 2s: the server is slow or unreachable; check the server or raise the timeout in the data source settings",
		},
		{
			name: "latency under the timeout is only slow", fault: testserver.Fault{Mode: "latency", LatencyMs: 700}, minTime: 700 * time.Millisecond,
		},
		{
			name: "503 is retried, then reported", fault: testserver.Fault{Mode: "status", Status: 503},
			want: "upstream returned 503 Service Unavailable for /api/monitoring/uptime after 3 attempts: Injected fault {id}: /api/monitoring/uptime answers 503 on purpose; check the monitoring API's logs",
		},
		{
			name: "503 once is absorbed by a retry", fault: testserver.Fault{Mode: "status", Status: 503, Count: 1},
		},
		{
			name: "500 is not retried", fault: testserver.Fault{Mode: "status", Status: 500},
			want: "upstream returned 500 Internal Server Error for /api/monitoring/uptime: Injected fault {id}: /api/monitoring/uptime answers 500 on purpose; check the monitoring API's logs",
		},
		{
			name: "401", fault: testserver.Fault{Mode: "status", Status: 401},
			want: "upstream returned 401 Unauthorized for /api/monitoring/uptime: the API key in the data source settings was rejected; update it under Connections > Data sources",
		},
		{
			name: "429 without a usable Retry-After", fault: testserver.Fault{Mode: "status", Status: 429},
			want: "upstream rate-limited /api/monitoring/uptime (429 Too Many Requests) after 3 attempts; lower the dashboard refresh rate or raise the cache TTL in the data source settings",
		},
		{
			name: "malformed JSON", fault: testserver.Fault{Mode: "malformed"},
			want: "upstream returned malformed data for /api/monitoring/uptime: the uptime response is not valid: {json}; the endpoint does not follow the monitoring contract",
		},
		{
			name: "HTML error page", fault: testserver.Fault{Mode: "html"},
			want: "upstream returned 502 Bad Gateway with an HTML error page for /api/monitoring/uptime after 3 attempts: a proxy or web server answered instead of the monitoring API; check the server and the data source URL",
		},
		{
			name: "oversized body", fault: testserver.Fault{Mode: "oversized", SizeBytes: 20_000_000},
			want: "upstream response for /api/monitoring/uptime is larger than the 1 MiB limit: raise the maximum response size in the data source settings or narrow the query (category, metric name)",
		},
		{
			name: "dropped connection", fault: testserver.Fault{Mode: "drop"},
			want: "upstream closed the connection while answering /api/monitoring/uptime after 3 attempts: the server or a proxy dropped it; check the monitoring API's logs",
		},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := srv.ClearFaults(ctx); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.ClearFaults(ctx) })
			tt.fault.Endpoint = path
			id, err := srv.AddFault(ctx, tt.fault)
			if err != nil {
				t.Fatal(err)
			}
			ds := newDS(t, srv.URL, settings, srv.APIKey)
			start := time.Now()
			resp, err := ds.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{
				dataQuery("A", `{"queryType":"uptime"}`, time.Hour),
				dataQuery("B", `{"queryType":"health"}`, time.Hour),
			}})
			elapsed := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if elapsed > timeout+500*time.Millisecond || elapsed < tt.minTime {
				t.Fatalf("took %v (timeout %v, fault delay %v)", elapsed, timeout, tt.minTime)
			}
			if b := resp.Responses["B"]; b.Error != nil || len(b.Frames) == 0 {
				t.Fatalf("the health query must not suffer from the uptime fault: %v", b.Error)
			}
			a := resp.Responses["A"]
			if tt.want == "" {
				if a.Error != nil {
					t.Fatalf("want data, got %v", a.Error)
				}
				return
			}
			want := strings.ReplaceAll(tt.want, "{id}", id)
			if a.Error == nil || !matchesMessage(a.Error.Error(), want) {
				t.Fatalf("error %v\nwant  %s", a.Error, want)
			}
			if a.ErrorSource != backend.ErrorSourceDownstream {
				t.Fatalf("error source = %q", a.ErrorSource)
			}
		})
	}
}

func TestUnreachableServers(t *testing.T) {
	t.Run("refused connection", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		ds := newDS(t, "http://"+addr, `{"timeoutSeconds":2}`, "test-key-1234")
		start := time.Now()
		r := queryOne(t, ds, `{"queryType":"uptime"}`)
		want := "cannot reach " + addr + ": connection refused; is the server running and is the data source URL right?"
		if r.Error == nil || r.Error.Error() != want || time.Since(start) > time.Second {
			t.Fatalf("%v after %v", r.Error, time.Since(start))
		}
	})
	t.Run("silent server times out", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close() // accept, never answer
			}
		}()
		ds := newDS(t, "http://"+ln.Addr().String(), `{"timeoutSeconds":1}`, "test-key-1234")
		start := time.Now()
		r := queryOne(t, ds, `{"queryType":"uptime"}`)
		want := "upstream did not answer /api/monitoring/uptime within 1s: the server is slow or unreachable; check the server or raise the timeout in the data source settings"
		if r.Error == nil || r.Error.Error() != want {
			t.Fatalf("err = %v", r.Error)
		}
		if elapsed := time.Since(start); elapsed > 1500*time.Millisecond {
			t.Fatalf("took %v past the 1 s timeout", elapsed)
		}
	})
}

// matchesMessage compares exactly, except that "{json}" in want matches
// any non-empty text.
func matchesMessage(got, want string) bool {
	before, after, ok := strings.Cut(want, "{json}")
	if !ok {
		return got == want
	}
	return len(got) > len(before)+len(after) && strings.HasPrefix(got, before) && strings.HasSuffix(got, after)
}
