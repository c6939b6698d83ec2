package query

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func TestEndpointFilter(t *testing.T) {
	overall := map[string]string{}
	tickets := map[string]string{EndpointLabel: "/api/tickets"}
	gallery := map[string]string{EndpointLabel: "/api/gallery"}
	tests := []struct {
		raw                   string
		overall, tickets, gal bool
	}{
		{"", true, true, true},
		{"overall", true, false, false},
		{"Overall", true, false, false},
		{"/api/tickets", false, true, false},
		{"/api/*", false, true, true},
		{"{overall,/api/gallery}", true, false, true},
	}
	for _, tt := range tests {
		f, err := NewEndpointFilter(tt.raw)
		if err != nil {
			t.Fatal(err)
		}
		if f.Keep(overall) != tt.overall || f.Keep(tickets) != tt.tickets || f.Keep(gallery) != tt.gal {
			t.Errorf("%q: overall %v tickets %v gallery %v", tt.raw, f.Keep(overall), f.Keep(tickets), f.Keep(gallery))
		}
	}
}

func TestEndpointFilterOnMetrics(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true // current values: the fake has per-endpoint p95 there
	r := newRunner(t, fake.URL)
	tr := func(model string) []string {
		return describe(run(t, r, mustParse(t, "metrics", model, testNow.Add(-time.Hour), testNow)))
	}
	if got := tr(`{"metricName":"api.response_time.p95"}`); len(got) != 3 {
		t.Fatalf("no filter keeps all three series: %v", got)
	}
	if got := tr(`{"metricName":"api.response_time.p95","endpoint":"overall"}`); len(got) != 1 || strings.Contains(got[0], "endpoint=") {
		t.Fatalf("overall: %v", got)
	}
	if got := tr(`{"metricName":"api.response_time.p95","endpoint":"/api/tickets"}`); len(got) != 1 || !strings.Contains(got[0], "endpoint=/api/tickets") {
		t.Fatalf("/api/tickets: %v", got)
	}
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"api.response_time.p95","endpoint":"/api/nowhere"}`, testNow.Add(-time.Hour), testNow))
	notices := frames[0].Meta.Notices
	if len(frames) != 1 || len(frames[0].Fields) != 0 || !strings.HasPrefix(notices[len(notices)-1].Text, `No series matches the endpoint filter "/api/nowhere"`) {
		t.Fatalf("no match: %d frames, notices %v", len(frames), frames[0].Meta.Notices)
	}
	if _, err := Parse(backend.DataQuery{QueryType: "metrics", JSON: json.RawMessage(`{"endpoint":"overall","live":true}`)}); err == nil || !strings.Contains(err.Error(), "live mode does not apply the endpoint filter") {
		t.Fatalf("live with an endpoint filter: %v", err)
	}
}
