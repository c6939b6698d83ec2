package plugin

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/redact"
)

// BenchmarkQueryRedaction is a cached metrics query (every series, 12
// frames of current values) and a cached alert table, with the boundary
// redaction on (the instance's keys) and off (an empty redactor): the
// difference is what scrubbing every answer costs.
func BenchmarkQueryRedaction(b *testing.B) {
	for _, model := range []string{`{"queryType":"metrics"}`, `{"queryType":"alerts"}`} {
		for _, on := range []bool{true, false} {
			name := model[14:len(model)-2] + map[bool]string{true: "/redacted", false: "/off"}[on]
			b.Run(name, func(b *testing.B) {
				fake := fakeapi.New(b)
				fake.NoCapabilities = true
				ds := newDS(b, fake.URL, `{"cacheTTLSeconds":300}`, map[string]string{"apiKey": fakeapi.APIKey, "adminKey": "admin-key-for-bench"})
				if !on {
					ds.red = redact.New()
				}
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
			})
		}
	}
}
