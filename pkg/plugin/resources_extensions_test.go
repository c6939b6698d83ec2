package plugin

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// Annotations from a server without the optional extensions: the active
// alerts stand in for alert history and incidents are an empty list,
// never a 502.
func TestAnnotationsWithoutExtensions(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	now := time.Now()
	rng := "from=" + strconv.FormatInt(now.Add(-time.Hour).UnixMilli(), 10) + "&to=" + strconv.FormatInt(now.UnixMilli(), 10)
	for source, want := range map[string]int{"alerts": 2, "incidents": 0} {
		res := callResource(t, ds, "annotations?"+rng+"&source="+source)
		var got []Annotation
		if res.Status != 200 || json.Unmarshal(res.Body, &got) != nil || got == nil || len(got) != want {
			t.Fatalf("%s: %d %s", source, res.Status, res.Body)
		}
	}
}

// The pickers and template variables read metrics the way queries do: a
// server that answers only Prometheus text (and ignores ?category=) still
// lists its categories and a category's metrics.
func TestPickersNegotiateTheMetricsFormat(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsFormats = []string{"prometheus"}
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	var cats, names []Option
	if res := callResource(t, ds, "categories"); res.Status != 200 || json.Unmarshal(res.Body, &cats) != nil || len(cats) != 5 {
		t.Fatalf("categories: %d %s", res.Status, res.Body)
	}
	if res := callResource(t, ds, "metrics?category=cache"); res.Status != 200 || json.Unmarshal(res.Body, &names) != nil ||
		len(names) != 1 || names[0].Value != "cache.hit_rate" {
		t.Fatalf("cache metrics: %d %s", res.Status, res.Body)
	}
	if got := ds.Client().MetricsFormat(); got != "prometheus" {
		t.Fatalf("remembered format %q", got)
	}
}
