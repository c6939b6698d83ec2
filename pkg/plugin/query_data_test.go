package plugin

import (
	"context"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// One failing endpoint fails only the queries that need it; queries of
// one request needing the same URL share one upstream request.
func TestQueryDataIsolatesFailuresAndSharesFetches(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.SetFault("/api/monitoring/uptime", fakeapi.Fault{Status: 503, Body: `{"error":{"status":503,"code":"unavailable","message":"uptime store offline"}}`})
	ds := newDS(t, fake.URL, `{"cacheTTLSeconds":0,"retries":1}`, map[string]string{"apiKey": fakeapi.APIKey})

	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{
		dataQuery("A", `{"queryType":"metrics"}`),
		dataQuery("B", `{"queryType":"uptime"}`),
		dataQuery("C", `{"queryType":"health"}`),
		dataQuery("D", `{"queryType":"metrics","metricName":"api.*"}`),
		dataQuery("E", `{}`),
		dataQuery("F", `{"queryType":"nonsense"}`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"A", "C", "D", "E"} {
		r := resp.Responses[ref]
		if r.Error != nil || len(r.Frames) == 0 {
			t.Errorf("%s: err=%v frames=%d", ref, r.Error, len(r.Frames))
		}
	}
	b := resp.Responses["B"]
	want := "upstream returned 503 Service Unavailable for /api/monitoring/uptime after 2 attempts: uptime store offline; check the monitoring API's logs"
	if b.Error == nil || b.Error.Error() != want || b.ErrorSource != backend.ErrorSourceDownstream || b.Status != backend.StatusBadGateway {
		t.Fatalf("B = %+v", b)
	}
	f := resp.Responses["F"]
	if f.Error == nil || !strings.HasPrefix(f.Error.Error(), `unknown query type "nonsense"`) || f.Status != backend.StatusBadRequest || f.ErrorSource != backend.ErrorSourceDownstream {
		t.Fatalf("F = %+v", f)
	}
	if n := fake.Count("/api/monitoring/metrics"); n != 1 {
		t.Fatalf("metrics fetched %d times for three queries of one request, want 1", n)
	}
	if n := fake.Count("/api/monitoring/capabilities"); n != 1 {
		t.Fatalf("capabilities fetched %d times", n)
	}
}

func TestQueryDataConfigError(t *testing.T) {
	ds := newDS(t, "", `{}`, nil)
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{}`), dataQuery("B", `{}`)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"A", "B"} {
		r := resp.Responses[ref]
		if r.Error == nil || !strings.HasPrefix(r.Error.Error(), "the data source has no URL") || r.Status != backend.StatusBadRequest || r.ErrorSource != backend.ErrorSourceDownstream {
			t.Fatalf("%s = %+v", ref, r)
		}
	}
}

// The API key never shows up in frames, errors or executed query strings.
func TestSecretsNeverInResponses(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	fake.SetFault("/api/monitoring/dashboard", fakeapi.Fault{Status: 500, Body: `{"error":{"status":500,"message":"key ` + fakeapi.APIKey + ` is odd"}}`})
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{
		dataQuery("A", `{"queryType":"metrics"}`), dataQuery("B", `{"queryType":"dashboard"}`), dataQuery("C", `{"queryType":"alerts","alertsAction":"history"}`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	for ref, r := range resp.Responses {
		if r.Error != nil && strings.Contains(r.Error.Error(), fakeapi.APIKey) {
			t.Fatalf("%s error leaks the key: %v", ref, r.Error)
		}
		for _, f := range r.Frames {
			b, _ := f.MarshalJSON()
			if strings.Contains(string(b), fakeapi.APIKey) {
				t.Fatalf("%s frame leaks the key", ref)
			}
		}
	}
	if !strings.Contains(resp.Responses["B"].Error.Error(), "[redacted]") {
		t.Fatalf("B = %v", resp.Responses["B"].Error)
	}
}
