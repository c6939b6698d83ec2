package plugin

import (
	"encoding/json"
	"testing"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

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
	if got := ds.client.MetricsFormat(); got != "prometheus" {
		t.Fatalf("remembered format %q", got)
	}
}
