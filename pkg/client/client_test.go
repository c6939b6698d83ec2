package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/settings"
)

const testKey = "k-123-secret"

func newClient(t *testing.T, url, jsonData, key string) *Client {
	t.Helper()
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: map[string]string{"apiKey": key},
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	c.backoff = backoffPolicy{base: time.Millisecond, max: 5 * time.Millisecond, maxRetryAfter: 2 * time.Second}
	t.Cleanup(c.Close)
	return c
}

type counter struct {
	n atomic.Int64
}

func serve(t *testing.T, h func(n int64, w http.ResponseWriter, r *http.Request)) (*httptest.Server, *counter) {
	t.Helper()
	c := &counter{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h(c.n.Add(1), w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, c
}

func TestKeySentAsHeaderNeverInURL(t *testing.T) {
	srv, _ := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != testKey {
			t.Errorf("X-API-Key = %q", r.Header.Get("X-API-Key"))
		}
		if strings.Contains(r.URL.String(), testKey) {
			t.Errorf("key in URL %s", r.URL)
		}
		fmt.Fprint(w, `{}`)
	})
	c := newClient(t, srv.URL, `{}`, testKey)
	resp, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(resp.URL, testKey) {
		t.Fatalf("key in response URL %s", resp.URL)
	}
}

func TestCoalescesIdenticalInFlightRequests(t *testing.T) {
	release := make(chan struct{})
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
		<-release
		fmt.Fprint(w, `{"ok":true}`)
	})
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0}`, testKey)
	const callers = 20
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			errs <- err
		}()
	}
	time.Sleep(50 * time.Millisecond) // let every caller join the in-flight request
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := n.n.Load(); got != 1 {
		t.Fatalf("upstream requests = %d, want 1", got)
	}
}

func TestTTLCache(t *testing.T) {
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) })
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":5}`, testKey)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	get := func(r Request) {
		if _, err := c.Get(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	get(Request{Path: PathMetrics})
	get(Request{Path: PathMetrics})
	if n.n.Load() != 1 {
		t.Fatalf("within TTL: %d requests", n.n.Load())
	}
	get(Request{Path: PathMetrics, NoCache: true})
	if n.n.Load() != 2 {
		t.Fatalf("NoCache must fetch: %d requests", n.n.Load())
	}
	now = now.Add(6 * time.Second)
	get(Request{Path: PathMetrics})
	if n.n.Load() != 3 {
		t.Fatalf("after TTL: %d requests", n.n.Load())
	}
	get(Request{Path: PathMetrics, Query: map[string][]string{"category": {"api"}}})
	if n.n.Load() != 4 {
		t.Fatalf("another URL is another entry: %d requests", n.n.Load())
	}
}

func TestRequestScopeFetchesEachURLOnce(t *testing.T) {
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) })
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0}`, testKey)
	ctx := WithRequestScope(context.Background())
	for range 3 {
		if _, err := c.Get(ctx, Request{Path: PathUptime}); err != nil {
			t.Fatal(err)
		}
	}
	if n.n.Load() != 1 {
		t.Fatalf("scoped: %d requests, want 1", n.n.Load())
	}
	if _, err := c.Get(context.Background(), Request{Path: PathUptime}); err != nil {
		t.Fatal(err)
	}
	if n.n.Load() != 2 {
		t.Fatalf("unscoped with TTL 0 must fetch again: %d", n.n.Load())
	}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name     string
		handler  func(n int64, w http.ResponseWriter)
		retries  string
		wantReqs int64
		wantErr  string
	}{
		{
			name: "503 then success",
			handler: func(n int64, w http.ResponseWriter) {
				if n == 1 {
					w.WriteHeader(503)
					return
				}
				fmt.Fprint(w, `{}`)
			},
			retries: "2", wantReqs: 2,
		},
		{
			name: "429 honours a short Retry-After",
			handler: func(n int64, w http.ResponseWriter) {
				if n == 1 {
					w.Header().Set("Retry-After", "0")
					w.WriteHeader(429)
					return
				}
				fmt.Fprint(w, `{}`)
			},
			retries: "1", wantReqs: 2,
		},
		{
			name:     "502 until retries run out",
			handler:  func(_ int64, w http.ResponseWriter) { w.WriteHeader(502) },
			retries:  "2",
			wantReqs: 3,
			wantErr:  "upstream returned 502 Bad Gateway for /api/monitoring/metrics after 3 attempts; check the monitoring API's logs",
		},
		{
			name: "500 is not retried",
			handler: func(_ int64, w http.ResponseWriter) {
				w.WriteHeader(500)
				fmt.Fprint(w, `{"error":{"status":500,"code":"internal","message":"boom"}}`)
			},
			retries:  "3",
			wantReqs: 1,
			wantErr:  "upstream returned 500 Internal Server Error for /api/monitoring/metrics: boom; check the monitoring API's logs",
		},
		{
			name: "Retry-After beyond the cap is not waited for",
			handler: func(_ int64, w http.ResponseWriter) {
				w.Header().Set("Retry-After", "120")
				w.WriteHeader(429)
			},
			retries:  "3",
			wantReqs: 1,
			wantErr:  "upstream rate-limited /api/monitoring/metrics (429 Too Many Requests) and asked to retry after 2m0s, longer than the time left",
		},
		{
			name:     "401 is not retried",
			handler:  func(_ int64, w http.ResponseWriter) { w.WriteHeader(401) },
			retries:  "3",
			wantReqs: 1,
			wantErr:  "upstream returned 401 Unauthorized for /api/monitoring/metrics: the API key in the data source settings was rejected; update it under Connections > Data sources",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := serve(t, func(n int64, w http.ResponseWriter, _ *http.Request) { tt.handler(n, w) })
			c := newClient(t, srv.URL, `{"cacheTTLSeconds":0,"retries":`+tt.retries+`}`, testKey)
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v\nwant prefix %q", err, tt.wantErr)
			}
			if got := n.n.Load(); got != tt.wantReqs {
				t.Fatalf("requests = %d, want %d", got, tt.wantReqs)
			}
		})
	}
}

// Retries and Retry-After never extend a fetch past its timeout.
func TestRetriesStopAtDeadline(t *testing.T) {
	srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(503)
	})
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0,"retries":5,"timeoutSeconds":1.5}`, testKey)
	start := time.Now()
	_, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if elapsed := time.Since(start); elapsed > 1600*time.Millisecond {
		t.Fatalf("took %v, past the 1.5 s timeout", elapsed)
	}
	if err == nil || !strings.Contains(err.Error(), "upstream returned 503 Service Unavailable for /api/monitoring/metrics after 2 attempts") {
		t.Fatalf("err = %v", err)
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		ctype   string
		body    string
		key     string
		want    string
		kind    Kind
		gStatus backend.Status
	}{
		{"401 without key", 401, "", `{"error":{"status":401,"code":"unauthorized","message":"API key required"}}`, "",
			"upstream returned 401 Unauthorized for /api/monitoring/metrics: the server requires an API key and none is set; add it in the data source settings (Connections > Data sources)", KindUnauthorized, backend.StatusUnauthorized},
		{"403", 403, "", ``, testKey,
			"upstream returned 403 Forbidden for /api/monitoring/metrics: the API key in the data source settings is not allowed to read this endpoint; use the metrics (read) API key", KindForbidden, backend.StatusForbidden},
		{"404", 404, "", ``, testKey,
			"upstream returned 404 Not Found for /api/monitoring/metrics: the server at HOST does not implement this endpoint of the monitoring contract; check that the data source URL is the application's base URL", KindNotFound, backend.StatusNotFound},
		{"400 names the parameter", 400, "", `{"error":{"status":400,"code":"bad_request","message":"category must be one of system, api"}}`, testKey,
			"upstream rejected the request to /api/monitoring/metrics (400 Bad Request): category must be one of system, api; adjust the query", KindBadRequest, backend.StatusBadRequest},
		{"HTML error page", 502, "text/html", `<html><body>nginx</body></html>`, testKey,
			"upstream returned 502 Bad Gateway with an HTML error page for /api/monitoring/metrics: a proxy or web server answered instead of the monitoring API; check the server and the data source URL", KindServerError, backend.StatusBadGateway},
		{"server message redacted", 500, "", `{"error":{"status":500,"message":"bad key ` + testKey + ` seen"}}`, testKey,
			"upstream returned 500 Internal Server Error for /api/monitoring/metrics: bad key [redacted] seen; check the monitoring API's logs", KindServerError, backend.StatusBadGateway},
		{"unexpected 3xx", 304, "", ``, testKey,
			"upstream returned 304 Not Modified for /api/monitoring/metrics; the endpoint does not answer as the monitoring contract says", KindUnexpectedStatus, backend.StatusBadGateway},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
				if tt.ctype != "" {
					w.Header().Set("Content-Type", tt.ctype)
				}
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			})
			c := newClient(t, srv.URL, `{"retries":0}`, tt.key)
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			want := strings.ReplaceAll(tt.want, "HOST", strings.TrimPrefix(srv.URL, "http://"))
			if err == nil || err.Error() != want {
				t.Fatalf("err = %v\nwant  %s", err, want)
			}
			e, ok := AsError(err)
			if !ok || e.Kind != tt.kind || e.GrafanaStatus() != tt.gStatus || e.Source() != backend.ErrorSourceDownstream {
				t.Fatalf("classified as %+v", e)
			}
		})
	}
}

func TestTransportErrors(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		c := newClient(t, "http://"+addr, `{}`, testKey)
		start := time.Now()
		_, err = c.Get(context.Background(), Request{Path: PathMetrics})
		want := "cannot reach " + addr + ": connection refused; is the server running and is the data source URL right?"
		if err == nil || err.Error() != want {
			t.Fatalf("err = %v", err)
		}
		if time.Since(start) > time.Second {
			t.Fatal("a refused connection must fail fast, not be retried")
		}
	})
	t.Run("timeout", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		})
		c := newClient(t, srv.URL, `{"timeoutSeconds":1}`, testKey)
		start := time.Now()
		_, err := c.Get(context.Background(), Request{Path: PathMetrics})
		if elapsed := time.Since(start); elapsed > 1300*time.Millisecond {
			t.Fatalf("took %v past the 1 s timeout", elapsed)
		}
		want := "upstream did not answer /api/monitoring/metrics within 1s: the server is slow or unreachable; check the server or raise the timeout in the data source settings"
		if err == nil || err.Error() != want {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("caller deadline shorter than the timeout", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		})
		c := newClient(t, srv.URL, `{"timeoutSeconds":2}`, testKey)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.Get(ctx, Request{Path: PathMetrics})
		if time.Since(start) > 500*time.Millisecond || !IsKind(err, KindTimeout) {
			t.Fatalf("err = %v after %v", err, time.Since(start))
		}
	})
	t.Run("dropped connection is retried then reported", func(t *testing.T) {
		srv, n := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		})
		c := newClient(t, srv.URL, `{"retries":2}`, testKey)
		_, err := c.Get(context.Background(), Request{Path: PathMetrics})
		want := "upstream closed the connection while answering /api/monitoring/metrics after 3 attempts: the server or a proxy dropped it; check the monitoring API's logs"
		if err == nil || err.Error() != want {
			t.Fatalf("err = %v", err)
		}
		if n.n.Load() != 3 {
			t.Fatalf("requests = %d", n.n.Load())
		}
	})
	t.Run("unresolvable host", func(t *testing.T) {
		c := newClient(t, "http://no-such-host.invalid", `{"timeoutSeconds":5}`, testKey)
		_, err := c.Get(context.Background(), Request{Path: PathMetrics})
		if !IsKind(err, KindDNS) || err.Error() != "cannot resolve host no-such-host.invalid: check the host name in the data source URL" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("caller cancels", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
		c := newClient(t, srv.URL, `{"timeoutSeconds":1}`, testKey)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err := c.Get(ctx, Request{Path: PathMetrics})
		if !IsKind(err, KindCanceled) || !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestResponseSizeLimit(t *testing.T) {
	big := strings.Repeat("x", 4096)
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
				if !chunked {
					w.Header().Set("Content-Length", fmt.Sprint(len(big)))
				}
				fmt.Fprint(w, big)
				if chunked {
					w.(http.Flusher).Flush()
				}
			})
			c := newClient(t, srv.URL, `{"maxResponseBytes":2048}`, testKey)
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			want := "upstream response for /api/monitoring/metrics is larger than the 2 KiB limit: raise the maximum response size in the data source settings or narrow the query (category, metric name)"
			if err == nil || err.Error() != want {
				t.Fatalf("err = %v", err)
			}
		})
	}
	t.Run("exactly at the limit is fine", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, big[:2048]) })
		c := newClient(t, srv.URL, `{"maxResponseBytes":2048}`, testKey)
		if _, err := c.Get(context.Background(), Request{Path: PathMetrics}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestAcceptNon2xxAsData(t *testing.T) {
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(503)
		fmt.Fprint(w, `{"status":"unhealthy"}`)
	})
	c := newClient(t, srv.URL, `{"retries":3}`, testKey)
	resp, err := c.Get(context.Background(), Request{Path: PathHealth, Accept: func(status int, body []byte) bool {
		return status == 503 && strings.Contains(string(body), "unhealthy")
	}})
	if err != nil || resp.Status != 503 || n.n.Load() != 1 {
		t.Fatalf("resp=%+v err=%v requests=%d", resp, err, n.n.Load())
	}
}

func TestCapabilities(t *testing.T) {
	t.Run("discovered and cached", func(t *testing.T) {
		srv, n := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, `{"contract_version":"1.0","extensions":["metrics.history"],"history_resolution_seconds":[60]}`)
		})
		c := newClient(t, srv.URL, `{}`, testKey)
		for range 3 {
			caps := c.Capabilities(context.Background())
			if !caps.Discovered || !caps.Has("metrics.history") || caps.Err != nil {
				t.Fatalf("caps = %+v", caps)
			}
		}
		if n.n.Load() != 1 {
			t.Fatalf("discovery requests = %d", n.n.Load())
		}
		c.RefreshCapabilities(context.Background())
		if n.n.Load() != 2 {
			t.Fatalf("refresh must fetch: %d", n.n.Load())
		}
	})
	t.Run("404 means core only", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(404) })
		c := newClient(t, srv.URL, `{}`, testKey)
		caps := c.Capabilities(context.Background())
		if caps.Discovered || caps.Err != nil || len(caps.Extensions) != 0 {
			t.Fatalf("caps = %+v", caps)
		}
	})
	t.Run("failure is reported and retried soon", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(401) })
		c := newClient(t, srv.URL, `{}`, testKey)
		caps := c.Capabilities(context.Background())
		if caps.Discovered || !IsKind(caps.Err, KindUnauthorized) {
			t.Fatalf("caps = %+v", caps)
		}
	})
	t.Run("malformed", func(t *testing.T) {
		srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{"extensions":`) })
		c := newClient(t, srv.URL, `{}`, testKey)
		caps := c.Capabilities(context.Background())
		if !IsKind(caps.Err, KindMalformed) || !strings.Contains(caps.Err.Error(), "upstream returned malformed data for /api/monitoring/capabilities: the capabilities response is not valid") {
			t.Fatalf("caps = %+v", caps)
		}
	})
}

func TestBodyError(t *testing.T) {
	c := newClient(t, "http://h", `{}`, testKey)
	resp := &Response{Path: PathHealth, Status: 200}
	err := c.BodyError(resp, errors.New("x"))
	if !IsKind(err, KindMalformed) || err.Error() != "upstream returned malformed data for /api/health/check: x; the endpoint does not follow the monitoring contract" {
		t.Fatalf("err = %v", err)
	}
	if c.BodyError(resp, nil) != nil {
		t.Fatal("nil error must stay nil")
	}
}
