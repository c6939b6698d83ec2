package client

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// keyRecorder is a second origin (127.0.0.1 on another port) that counts
// requests and those that carried the key.
type keyRecorder struct {
	srv           *httptest.Server
	hits, withKey atomic.Int64
}

func newKeyRecorder(t *testing.T, tls bool) *keyRecorder {
	t.Helper()
	k := &keyRecorder{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k.hits.Add(1)
		if r.Header.Get("X-API-Key") != "" {
			k.withKey.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"other":true}`))
	})
	if tls {
		k.srv = httptest.NewTLSServer(h)
	} else {
		k.srv = httptest.NewServer(h)
	}
	t.Cleanup(k.srv.Close)
	return k
}

func (k *keyRecorder) hostPort() string { return strings.TrimPrefix(k.srv.URL, "http://") }

func redirecting(t *testing.T, to func(r *http.Request) string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var withKey atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") == testKey {
			withKey.Add(1)
		}
		if r.URL.Path == "/final"+PathMetrics {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"same":true}`))
			return
		}
		http.Redirect(w, r, to(r), http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	return srv, &withKey
}

func TestSameOriginRedirectFollowedWithKey(t *testing.T) {
	srv, withKey := redirecting(t, func(*http.Request) string { return "/final" + PathMetrics })
	c := newClient(t, srv.URL, `{"retries":0}`, testKey)
	resp, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `{"same":true}` || withKey.Load() != 2 {
		t.Fatalf("body %s, %d requests with the key (want the redirect and its target)", resp.Body, withKey.Load())
	}
}

func TestCrossOriginRedirectRefused(t *testing.T) {
	other := newKeyRecorder(t, false)
	srv, _ := redirecting(t, func(r *http.Request) string { return other.srv.URL + r.URL.Path })
	c := newClient(t, srv.URL, `{"retries":2}`, testKey)
	_, err := c.Get(context.Background(), Request{Path: PathMetrics})
	want := "the server redirected /api/monitoring/metrics to http://" + other.hostPort() + ", a different host; AppMon does not send the API key to another host. Add " + other.hostPort() + " to Allowed redirect hosts in the data source settings if that host is yours."
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant  %s", err, want)
	}
	e, _ := AsError(err)
	if e.Kind != KindRedirect || e.Attempts != 1 || e.Source() != "downstream" {
		t.Fatalf("kind %v, %d attempts, source %s: want a downstream redirect error, not retried", e.Kind, e.Attempts, e.Source())
	}
	if other.hits.Load() != 0 {
		t.Fatalf("the other host received %d requests (%d with the key)", other.hits.Load(), other.withKey.Load())
	}
}

func TestAllowedRedirectHostGetsKey(t *testing.T) {
	other := newKeyRecorder(t, false)
	srv, _ := redirecting(t, func(r *http.Request) string { return other.srv.URL + r.URL.Path })
	c := newClient(t, srv.URL, `{"retries":0,"allowedRedirectHosts":["`+other.hostPort()+`"]}`, testKey)
	resp, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `{"other":true}` || other.withKey.Load() != 1 {
		t.Fatalf("body %s, %d requests with the key at the allowed host", resp.Body, other.withKey.Load())
	}

	// The same host on another port is another origin.
	c = newClient(t, srv.URL, `{"retries":0,"allowedRedirectHosts":["127.0.0.1:1","127.0.0.1"]}`, testKey)
	if _, err := c.Get(context.Background(), Request{Path: PathMetrics, NoCache: true}); !IsKind(err, KindRedirect) {
		t.Fatalf("a port not listed was followed: %v", err)
	}
	if other.hits.Load() != 1 {
		t.Fatalf("the other host received %d requests, want only the allowed one", other.hits.Load())
	}
}

func TestHTTPSDowngradeRefusedEvenWhenAllowed(t *testing.T) {
	other := newKeyRecorder(t, false)
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.srv.URL+r.URL.Path, http.StatusMovedPermanently)
	}))
	t.Cleanup(tlsSrv.Close)
	c := newClient(t, tlsSrv.URL, `{"retries":0,"tlsSkipVerify":true,"allowedRedirectHosts":["`+other.hostPort()+`"]}`, testKey)
	_, err := c.Get(context.Background(), Request{Path: PathMetrics})
	want := "the server redirected /api/monitoring/metrics from HTTPS to http://" + other.hostPort() + ", which is not encrypted"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v\nwant  %s…", err, want)
	}
	if other.hits.Load() != 0 {
		t.Fatalf("the plain-HTTP host received %d requests", other.hits.Load())
	}
}

func TestRedirectLoopStops(t *testing.T) {
	srv, _ := redirecting(t, func(r *http.Request) string { return r.URL.Path + "?again" })
	c := newClient(t, srv.URL, `{"retries":0}`, testKey)
	_, err := c.Get(context.Background(), Request{Path: PathMetrics})
	if err == nil || err.Error() != "the server redirected /api/monitoring/metrics more than 10 times; check the data source URL" {
		t.Fatalf("err = %v", err)
	}
}
