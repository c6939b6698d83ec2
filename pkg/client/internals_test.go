package client

import (
	"net/http"
	"testing"
	"time"
)

func TestResponseCacheBounds(t *testing.T) {
	now := time.Unix(0, 0)
	body := func(n int) *Response { return &Response{Body: make([]byte, n)} }
	// Sizes count the body, the key and the entry around it.
	size := func(key string, n int) int64 { return int64(n+len(key)) + entryOverhead }

	c := newResponseCache(time.Second, 2, 1<<20)
	c.put("a", body(10), now)
	c.put("b", body(10), now)
	c.get("a", now) // a is now most recently used
	c.put("c", body(10), now)
	if _, ok := c.get("b", now); ok {
		t.Fatal("least recently used entry b should be evicted by count")
	}
	if _, ok := c.get("a", now); !ok {
		t.Fatal("a should stay")
	}

	// Byte bound: four small entries and a big one (a quarter of the
	// cache) do not fit; the least recently used go.
	c = newResponseCache(time.Second, 100, 4*size("big", 1000))
	for _, k := range []string{"1", "2", "3", "4"} {
		c.put(k, body(1000), now)
	}
	c.get("1", now)
	c.put("big", body(1000), now)
	if n, b := c.usage(); n != 4 || b != 3*size("1", 1000)+size("big", 1000) {
		t.Fatalf("byte bound: len=%d bytes=%d", n, b)
	}
	if _, ok := c.get("2", now); ok {
		t.Fatal("least recently used entry 2 should be evicted by bytes")
	}
	c.put("huge", body(1001), now)
	if _, ok := c.get("huge", now); ok {
		t.Fatal("an entry larger than a quarter of the cache must not be stored")
	}
	if _, ok := c.get("big", now.Add(time.Second)); ok {
		t.Fatal("expired entry returned")
	}
	var disabled *responseCache
	disabled.put("x", body(1), now) // nil-safe
	if _, ok := newResponseCache(0, 1, 1).get("x", now); ok {
		t.Fatal("TTL 0 disables the cache")
	}
}

func TestBackoffDelay(t *testing.T) {
	p := backoffPolicy{base: 100 * time.Millisecond, max: 1 * time.Second}
	for n := 1; n <= 40; n++ {
		full := min(p.base<<min(n-1, 16), p.max)
		for range 50 {
			d := p.delay(n)
			if d < full/2 || d > full {
				t.Fatalf("delay(%d) = %v outside [%v, %v]", n, d, full/2, full)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"3", 3 * time.Second, true},
		{"0.5", 500 * time.Millisecond, true},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second, true},
		{now.Add(-10 * time.Second).Format(http.TimeFormat), 0, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.v != "" {
			h.Set("Retry-After", tt.v)
		}
		got, ok := parseRetryAfter(h, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v", tt.v, got, ok)
		}
	}
}
