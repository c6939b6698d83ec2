package plugin

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/internal/loadprofile"
)

// Benchmarks run against the in-process fake API on loopback. Compare
// BenchmarkRawFetch (an HTTP GET and read of the metrics body) with
// BenchmarkQueryMetricsUncached (the same fetch through QueryData, parsed
// into frames): the difference is the backend's overhead per query.

func BenchmarkRawFetch(b *testing.B) {
	fake := fakeapi.New(b)
	client := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, fake.URL+"/api/monitoring/metrics", nil)
		req.Header.Set("X-API-Key", fakeapi.APIKey)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

func benchQuery(b *testing.B, settings, model string) {
	fake := fakeapi.New(b)
	fake.NoCapabilities = true
	ds := newDS(b, fake.URL, settings, map[string]string{"apiKey": fakeapi.APIKey})
	req := &backend.QueryDataRequest{Queries: []backend.DataQuery{{RefID: "A", JSON: json.RawMessage(model),
		TimeRange: backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}}}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := ds.QueryData(ctx, req)
		if err != nil || resp.Responses["A"].Error != nil {
			b.Fatal(err, resp.Responses["A"].Error)
		}
	}
	b.ReportMetric(float64(fake.Count("/api/monitoring/metrics")+fake.Count("/api/health/check"))/float64(b.N), "upstream-req/op")
}

func BenchmarkQueryMetricsUncached(b *testing.B) {
	benchQuery(b, `{"cacheTTLSeconds":0}`, `{"queryType":"metrics"}`)
}

func BenchmarkQueryMetricsCached(b *testing.B) {
	benchQuery(b, `{"cacheTTLSeconds":300}`, `{"queryType":"metrics"}`)
}

func BenchmarkQueryHealthUncached(b *testing.B) {
	benchQuery(b, `{"cacheTTLSeconds":0}`, `{"queryType":"health"}`)
}

// BenchmarkDashboard40x10 loads the 40-panel dashboard for 10 concurrent
// viewers per iteration (400 QueryData calls) and reports the upstream
// requests each load made. With a TTL the cache is emptied before each
// load, so every iteration is a fresh refresh.
func BenchmarkDashboard40x10(b *testing.B) {
	for _, tc := range []struct{ name, settings string }{
		{"ttl5s", `{"cacheTTLSeconds":5}`},
		{"coalescing-only", `{"cacheTTLSeconds":0}`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			fake := fakeapi.New(b)
			ds := newDS(b, fake.URL, tc.settings, map[string]string{"apiKey": fakeapi.APIKey})
			ctx := context.Background()
			var upstream int64
			b.ReportAllocs()
			for b.Loop() {
				ds.client.Close() // a new refresh: nothing cached
				before := fake.Total()
				if err := loadprofile.Refresh(ctx, ds, 10, 6*time.Hour); err != nil {
					b.Fatal(err)
				}
				upstream += fake.Total() - before
			}
			b.ReportMetric(float64(upstream)/float64(b.N), "upstream-req/load")
			b.ReportMetric(400, "queries/load")
		})
	}
}
