// Package loadprofile is a realistic 40-panel dashboard and a way to load
// it as many concurrent viewers would: each panel is its own QueryData
// request, as Grafana sends it.
package loadprofile

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Panels are the queries of a 40-panel operations dashboard: metric
// panels by category and by name, health and dependency panels, uptime
// and SLA stats, summary stats, alert lists and tables.
var Panels = []string{
	// 14 metric panels (history over the time range).
	`{"queryType":"metrics","category":"system"}`,
	`{"queryType":"metrics","category":"api"}`,
	`{"queryType":"metrics","category":"database"}`,
	`{"queryType":"metrics","category":"cache"}`,
	`{"queryType":"metrics","category":"business"}`,
	`{"queryType":"metrics","category":"api","metricName":"api.response_time.*"}`,
	`{"queryType":"metrics","category":"api","metricName":"api.error_rate"}`,
	`{"queryType":"metrics","category":"system","metricName":"system.cpu.usage"}`,
	`{"queryType":"metrics","category":"system","metricName":"system.memory.usage"}`,
	`{"queryType":"metrics","category":"database","metricName":"database.connections.*"}`,
	`{"queryType":"metrics","category":"business","metricName":"payments.*"}`,
	`{"queryType":"metrics","category":"business","metricName":"users.active"}`,
	`{"queryType":"metrics","metricName":"api.requests.rate"}`,
	`{"queryType":"metrics","metricName":"payments.success_rate"}`,
	// 8 health panels.
	`{"queryType":"health"}`,
	`{"queryType":"health","metricName":"health.score"}`,
	`{"queryType":"health","metricName":"health.status"}`,
	`{"queryType":"health","metricName":"health.response_time"}`,
	`{"queryType":"health","service":"database"}`,
	`{"queryType":"health","service":"stripe"}`,
	`{"queryType":"health","service":"brevo"}`,
	`{"queryType":"health","service":"cache"}`,
	// 5 uptime / SLA panels.
	`{"queryType":"uptime"}`,
	`{"queryType":"uptime","metricName":"uptime.percentage"}`,
	`{"queryType":"uptime","metricName":"sla.compliance"}`,
	`{"queryType":"uptime","metricName":"sla.target"}`,
	`{"queryType":"uptime","metricName":"uptime.seconds"}`,
	// 7 summary stats.
	`{"queryType":"dashboard","metricName":"summary.requests_per_minute"}`,
	`{"queryType":"dashboard","metricName":"summary.error_rate"}`,
	`{"queryType":"dashboard","metricName":"summary.response_time_p95"}`,
	`{"queryType":"dashboard","metricName":"summary.active_alerts"}`,
	`{"queryType":"dashboard","metricName":"summary.payments_success_rate"}`,
	`{"queryType":"dashboard","metricName":"summary.revenue_today"}`,
	`{"queryType":"dashboard","metricName":"summary.active_users"}`,
	// 6 alert panels.
	`{"queryType":"alerts"}`,
	`{"queryType":"alerts","severity":"critical"}`,
	`{"queryType":"alerts","severity":"high,medium"}`,
	`{"queryType":"alerts","alertsAction":"history"}`,
	`{"queryType":"alerts","alertsAction":"history","severity":"critical"}`,
	`{"queryType":"alerts","alertsAction":"configuration"}`,
}

// QueryDataer is the data source's QueryData handler.
type QueryDataer interface {
	QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error)
}

// Refresh loads the dashboard once per viewer, all viewers and all panels
// at the same time, and returns the first query error.
func Refresh(ctx context.Context, ds QueryDataer, viewers int, timeRange time.Duration) error {
	var wg sync.WaitGroup
	errs := make(chan error, viewers*len(Panels))
	for v := 0; v < viewers; v++ {
		for i, model := range Panels {
			wg.Add(1)
			go func() {
				defer wg.Done()
				now := time.Now()
				resp, err := ds.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{{
					RefID: "A", JSON: json.RawMessage(model), Interval: 30 * time.Second, MaxDataPoints: 800,
					TimeRange: backend.TimeRange{From: now.Add(-timeRange), To: now},
				}}})
				if err == nil {
					err = resp.Responses["A"].Error
				}
				if err != nil {
					errs <- fmt.Errorf("viewer %d panel %d: %w", v, i, err)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	return <-errs
}
