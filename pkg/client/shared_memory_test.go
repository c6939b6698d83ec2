package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/settings"
)

// A fleet's instances share one budget and one cache: the data source's
// memory settings bound the fleet, answers never cross instances, and an
// instance leaving takes only its own answers with it.
func TestSharedBudgetAndCacheAcrossInstances(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	count := func(name string) int { mu.Lock(); defer mu.Unlock(); return hits[name] }
	newServer := func(name string) *url.URL {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[name]++
			mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"status":"healthy","instance":"` + name + `"}`))
		}))
		t.Cleanup(srv.Close)
		u, _ := url.Parse(srv.URL)
		return u
	}
	a, b := newServer("a"), newServer("b")
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		URL: a.String(), JSONData: json.RawMessage(`{"cacheTTLSeconds":60}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": testKey},
	})
	if err != nil {
		t.Fatal(err)
	}
	sh := NewShared(s)
	t.Cleanup(sh.Close)
	ca, err := NewForInstance(s, a, "")
	if err != nil {
		t.Fatal(err)
	}
	cb, err := NewForInstance(s, b, "")
	if err != nil {
		t.Fatal(err)
	}
	ca.Share(sh)
	cb.Share(sh)
	if ca.budget != cb.budget || ca.cache != cb.cache {
		t.Fatal("instances of one fleet must share the budget and the cache")
	}
	ctx := context.Background()
	get := func(c *Client) string {
		t.Helper()
		resp, err := c.Get(ctx, Request{Path: PathHealth})
		if err != nil {
			t.Fatal(err)
		}
		return string(resp.Body)
	}
	if got := get(ca); got != `{"status":"healthy","instance":"a"}` {
		t.Fatalf("instance a answered %s", got)
	}
	if got := get(cb); got != `{"status":"healthy","instance":"b"}` {
		t.Fatalf("instance b got another instance's answer: %s", got)
	}
	get(ca)
	get(cb)
	if count("a") != 1 || count("b") != 1 {
		t.Fatalf("each instance's answer should be cached once: %d and %d fetches", count("a"), count("b"))
	}
	if n, _ := sh.cache.usage(); n != 2 {
		t.Fatalf("shared cache holds %d answers, want 2", n)
	}
	ca.Close() // instance a leaves the fleet
	if n, _ := sh.cache.usage(); n != 1 {
		t.Fatalf("after instance a left the shared cache holds %d answers, want 1 (b's)", n)
	}
	get(cb)
	if count("b") != 1 {
		t.Fatal("instance b's cached answer went with instance a")
	}
}
