package plugin

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// BenchmarkFleetQuery: one metrics query over 100 instances (in-process
// fakes, answers cached after the first round), per view: the cost of the
// fan-out and of combining the instances' frames.
func BenchmarkFleetQuery(b *testing.B) {
	urls := make([]string, 100)
	for i := range urls {
		urls[i] = fmt.Sprintf("%q", fakeapi.New(b).URL)
	}
	ds := newDS(b, strings.Trim(urls[0], `"`), `{"cacheTTLSeconds":600,"fleet":{"instances":[`+strings.Join(urls, ",")+`],"maxConcurrency":16}}`,
		map[string]string{"apiKey": fakeapi.APIKey})
	for _, view := range []string{"instances", "fleet"} {
		b.Run(view, func(b *testing.B) {
			req := &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{"queryType":"metrics","category":"api","fleetView":"`+view+`"}`)}}
			b.ReportAllocs()
			for b.Loop() {
				resp, err := ds.QueryData(context.Background(), req)
				if err != nil || resp.Responses["A"].Error != nil {
					b.Fatal(err, resp.Responses["A"].Error)
				}
			}
		})
	}
}
