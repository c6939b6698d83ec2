package fleet

import (
	"context"
	"net/url"
	"testing"
)

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestStaticTargets(t *testing.T) {
	src := NewStatic([]*url.URL{
		mustURL(t, "http://a:4000"),
		mustURL(t, "https://b.example/app"),
		mustURL(t, "http://a:4000/"),
		mustURL(t, "http://[::1]"),
	})
	got, err := src.Targets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a:4000", "b.example:443", "[::1]:80"}
	if len(got) != len(want) {
		t.Fatalf("got %d targets %v, want %v", len(got), got, want)
	}
	for i, w := range want {
		if got[i].Instance != w {
			t.Errorf("target %d: instance %q, want %q", i, got[i].Instance, w)
		}
		if got[i].ServerName != "" {
			t.Errorf("target %d: a listed URL needs no server name, got %q", i, got[i].ServerName)
		}
	}
	if got[1].BaseURL.Path != "/app" {
		t.Errorf("path prefix lost: %q", got[1].BaseURL.Path)
	}
}
