package client

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Discovery is shared work: the caller that started it cancelling must
// not fail the others waiting on it.
func TestCapabilitiesSurviveTheFirstCallerCancelling(t *testing.T) {
	arrived, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv, n := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		<-release
		fmt.Fprint(w, `{"contract_version":"1.0","extensions":["metrics.history"]}`)
	})
	c := newClient(t, srv.URL, `{}`, testKey)
	first, cancel := context.WithCancel(context.Background())
	firstDone := make(chan Capabilities)
	go func() { firstDone <- c.Capabilities(first) }()
	<-arrived
	second := make(chan Capabilities)
	go func() { second <- c.Capabilities(context.Background()) }()
	cancel()
	if caps := <-firstDone; caps.Err == nil || !IsKind(caps.Err, KindCanceled) {
		t.Fatalf("the cancelled caller: %+v", caps)
	}
	close(release)
	caps := <-second
	if !caps.Discovered || !caps.Has("metrics.history") || caps.Err != nil {
		t.Fatalf("the other caller: %+v", caps)
	}
	if c.Capabilities(context.Background()); n.n.Load() != 1 {
		t.Fatalf("discovery requests = %d, want 1 (shared, then cached)", n.n.Load())
	}
}

func TestCloseClosesIdleConnections(t *testing.T) {
	closed := make(chan struct{}, 16)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{}`) }))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateClosed {
			closed <- struct{}{}
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL, `{}`, testKey)
	if _, err := c.Get(context.Background(), Request{Path: PathMetrics}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the idle connection was still open after Close")
	}
}

func TestRateLimitMessageSaysTheWait(t *testing.T) {
	srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(429)
	})
	c := newClient(t, srv.URL, `{"cacheTTLSeconds":0,"retries":0}`, testKey)
	_, err := c.Get(context.Background(), Request{Path: PathMetrics})
	want := "upstream rate-limited /api/monitoring/metrics (429 Too Many Requests); the server asked to wait 1s; lower the dashboard refresh rate"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v\nwant prefix %q", err, want)
	}
}

func TestRetryAfterJitter(t *testing.T) {
	p := backoffPolicy{base: 10 * time.Millisecond}
	seen := map[time.Duration]bool{}
	for range 200 {
		j := p.jitter(2 * time.Second)
		if j < 0 || j > 500*time.Millisecond {
			t.Fatalf("jitter %v outside [0, 500ms]", j)
		}
		seen[j] = true
		if j := p.jitter(0); j < 0 || j > p.base {
			t.Fatalf("jitter after Retry-After 0: %v", j)
		}
	}
	if len(seen) < 2 {
		t.Fatal("every retry waits the same: no jitter")
	}
}
