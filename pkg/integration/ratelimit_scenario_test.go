package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// The reference server's own rate limiter: its Retry-After (seconds until
// the window frees up) is longer than the data source waits, so the user
// is told at once instead of the query hanging.
func TestRateLimitedByReferenceServer(t *testing.T) {
	requireAdmin(t)
	srv, err := testserver.Start(testserver.Options{RateLimitPerMinute: 3, HistoryDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	up := upstream(t, srv.URL, `{"cacheTTLSeconds":0,"retries":2,"timeoutSeconds":5}`, srv.APIKey)
	var last error
	start := time.Now()
	for i := 0; i < 6; i++ {
		_, last = up.Get(context.Background(), client.Request{Path: client.PathDashboard})
		if last != nil {
			break
		}
	}
	if !client.IsKind(last, client.KindRateLimited) {
		t.Fatalf("want a rate-limit error, got %v", last)
	}
	const prefix = "upstream rate-limited /api/monitoring/dashboard (429 Too Many Requests) and asked to retry after "
	if !strings.HasPrefix(last.Error(), prefix) || !strings.HasSuffix(last.Error(), ", longer than the time left; lower the dashboard refresh rate or raise the cache TTL in the data source settings") {
		t.Fatalf("err = %v", last)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("took %v: a long Retry-After must not be waited for", time.Since(start))
	}
}

// Driving the workload into "payment_failures" fires the default rule; the
// data source shows the alert, the failure rate and the degraded provider.
func TestScenarioPaymentFailures(t *testing.T) {
	srv := requireAdmin(t)
	ctx := context.Background()
	if err := srv.SetScenario(ctx, "payment_failures"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.SetScenario(ctx, "normal") })
	ds := newDS(t, srv.URL, `{"cacheTTLSeconds":0}`, srv.APIKey)

	deadline := time.Now().Add(20 * time.Second)
	for {
		r := queryOne(t, ds, `{"queryType":"alerts","severity":"critical"}`)
		if r.Error != nil {
			t.Fatal(r.Error)
		}
		if hasRule(r.Frames[0], "payment_failures") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("payment_failures did not fire within 20 s")
		}
		time.Sleep(500 * time.Millisecond)
	}
	rate := currentValue(t, ds, `{"queryType":"metrics","category":"business","metricName":"payments.failure_rate","live":true}`)
	if rate <= 1 {
		t.Fatalf("payments.failure_rate = %v, want above the 1%% threshold", rate)
	}
	stripe := currentValue(t, ds, `{"queryType":"health","service":"stripe","metricName":"health.status","live":true}`)
	if stripe != 0.5 {
		t.Fatalf("stripe status = %v, want 0.5 (degraded)", stripe)
	}
}

func hasRule(f *data.Frame, rule string) bool {
	fld, i := f.FieldByName("rule")
	if i < 0 {
		return false
	}
	for j := 0; j < fld.Len(); j++ {
		if fld.At(j).(string) == rule {
			return true
		}
	}
	return false
}

// currentValue reads the single value of a live (wide, one-row) query.
func currentValue(t *testing.T, ds interface {
	QueryData(context.Context, *backend.QueryDataRequest) (*backend.QueryDataResponse, error)
}, model string) float64 {
	t.Helper()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", model, time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil || len(r.Frames) != 1 || len(r.Frames[0].Fields) != 2 {
		t.Fatalf("want one value: err=%v frames=%v", r.Error, r.Frames)
	}
	v, ok := r.Frames[0].Fields[1].ConcreteAt(0)
	if !ok {
		t.Fatal("value is null")
	}
	return v.(float64)
}
