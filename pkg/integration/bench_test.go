package integration

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Backend overhead against the reference server on loopback: the raw
// fetch of /api/monitoring/metrics (all categories) versus the same fetch
// through QueryData with the cache off, parsed into frames.

func BenchmarkReferenceRawFetch(b *testing.B) {
	if target.skip != "" {
		b.Skip(target.skip)
	}
	hc := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, target.url+"/api/monitoring/metrics", nil)
		req.Header.Set("X-API-Key", target.apiKey)
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

func benchReferenceQuery(b *testing.B, settings, model string) {
	if target.skip != "" {
		b.Skip(target.skip)
	}
	ds := newDS(b, target.url, settings, target.apiKey)
	now := time.Now()
	req := &backend.QueryDataRequest{Queries: []backend.DataQuery{{RefID: "A", JSON: json.RawMessage(model),
		TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, MaxDataPoints: 500, Interval: time.Minute}}}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := ds.QueryData(context.Background(), req)
		if err != nil || resp.Responses["A"].Error != nil {
			b.Fatal(err, resp.Responses["A"].Error)
		}
	}
}

func BenchmarkReferenceQueryMetricsUncached(b *testing.B) {
	benchReferenceQuery(b, `{"cacheTTLSeconds":0}`, `{"queryType":"metrics","live":true}`)
}

func BenchmarkReferenceQueryMetricsCached(b *testing.B) {
	benchReferenceQuery(b, `{"cacheTTLSeconds":300}`, `{"queryType":"metrics","live":true}`)
}

func BenchmarkReferenceQueryHistoryUncached(b *testing.B) {
	benchReferenceQuery(b, `{"cacheTTLSeconds":0}`, `{"queryType":"metrics","category":"api"}`)
}
