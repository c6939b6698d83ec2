package settings

import (
	"strings"
	"testing"
)

func TestMemoryBounds(t *testing.T) {
	s, err := load(t, "http://localhost:4000", `{}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Memory.CacheMaxBytes != DefaultCacheMaxBytes || s.Memory.InflightMaxBytes != DefaultInflightMaxBytes {
		t.Fatalf("defaults: %+v", s.Memory)
	}
	// A raised response limit raises the in-flight budget (any allowed
	// body fits) but not the cache bound.
	s, err = load(t, "http://localhost:4000", `{"maxResponseBytes":104857600}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Memory.CacheMaxBytes != DefaultCacheMaxBytes || s.Memory.InflightMaxBytes != 100<<20 {
		t.Fatalf("raised limit: %+v", s.Memory)
	}
	s, err = load(t, "http://localhost:4000", `{"cacheMaxBytes":2097152,"inflightMaxBytes":8388608}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Memory.CacheMaxBytes != 2<<20 || s.Memory.InflightMaxBytes != 8<<20 {
		t.Fatalf("set: %+v", s.Memory)
	}
	for jd, want := range map[string]string{
		`{"cacheMaxBytes":1000}`:        "cacheMaxBytes is 1000; set it between 1048576 (1 MiB) and 4294967296 (4 GiB) bytes",
		`{"inflightMaxBytes":-1}`:       "inflightMaxBytes is -1; set it between 1048576 (1 MiB)",
		`{"cacheMaxBytes":10000000000}`: "cacheMaxBytes is 10000000000;",
	} {
		if _, err := load(t, "http://localhost:4000", jd, nil); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: err = %v, want prefix %q", jd, err, want)
		}
	}
}
