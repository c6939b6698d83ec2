package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/appmon/monitoring/pkg/settings"
)

func TestMappedBodies(t *testing.T) {
	srv, calls := serve(t, func(_ int64, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case PathAlerts:
			if r.URL.Query().Get("action") == "configuration" {
				_, _ = w.Write([]byte(`{"rules":[]}`))
				return
			}
			_, _ = w.Write([]byte(`{"payload":{"list":[{"uuid":"a","when":"2026-01-01T00:00:00Z"}]}}`))
		case PathHealth:
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"result":{"overall":"unhealthy"}}`))
		case PathUptime:
			_, _ = w.Write([]byte(`{"something":"else"}`))
		}
	})
	c := newClient(t, srv.URL, `{}`, testKey)
	m, err := settings.LoadMappings([]byte(`{"mappings":{
		"alerts":{"items":"$.payload.list[*]","fields":{"id":"$.uuid","startedAt":"$.when"}},
		"health":{"root":"$.result","fields":{"status":"$.overall"}},
		"uptime":{"root":"$.data"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	c.SetMapping(m)
	ctx := context.Background()
	active := url.Values{"action": {"active"}}

	resp, err := c.Get(ctx, Request{Path: PathAlerts, Query: active})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(resp.Body), `"started_at":"2026-01-01T00:00:00Z"`) || strings.Contains(string(resp.Body), "payload") {
		t.Errorf("alerts body not mapped: %s", resp.Body)
	}
	raw, err := c.Get(ctx, Request{Path: PathAlerts, Query: active, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw.Body), "payload") {
		t.Errorf("a raw request got the mapped body: %s", raw.Body)
	}
	again, _ := c.Get(ctx, Request{Path: PathAlerts, Query: active})
	if string(again.Body) != string(resp.Body) {
		t.Errorf("the raw fetch replaced the cached mapped body: %s", again.Body)
	}
	if n := calls.n.Load(); n != 2 {
		t.Errorf("%d upstream calls, want 2 (mapped once and cached, raw once)", n)
	}

	conf, err := c.Get(ctx, Request{Path: PathAlerts, Query: url.Values{"action": {"configuration"}}})
	if err != nil || string(conf.Body) != `{"rules":[]}` {
		t.Errorf("alert configuration must not be mapped: %s %v", conf.Body, err)
	}

	// A 503 health document is judged on its mapped form.
	h, err := c.Get(ctx, Request{Path: PathHealth, Accept: func(status int, body []byte) bool {
		return strings.Contains(string(body), `"status":"unhealthy"`)
	}})
	if err != nil || h.Status != http.StatusServiceUnavailable {
		t.Fatalf("mapped 503 health document not accepted: %v", err)
	}

	_, err = c.Get(ctx, Request{Path: PathUptime})
	e, ok := AsError(err)
	if !ok || e.Kind != KindMapping {
		t.Fatalf("error %v, want a mapping error", err)
	}
	want := `the response mapping does not fit what /api/monitoring/uptime returned: mappings.uptime.root ("$.data") matched nothing in the response; top-level keys are: something; fix it under Response mapping in the data source settings`
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
}

func TestMappingEndpoint(t *testing.T) {
	cases := []struct {
		path, query, want string
	}{
		{PathAlerts, "action=active", "alerts"},
		{PathAlerts, "action=history&from=1", "alerts"},
		{PathAlerts, "action=configuration", ""},
		{PathMetrics, "", "metrics"},
		{PathMetrics, "format=json&category=api", "metrics"},
		{PathMetrics, "format=datadog", ""},
		{PathMetrics, "format=prometheus", ""},
		{PathMetricsHistory, "", ""},
		{PathHealth, "", "health"},
		{PathDashboard, "", "dashboard"},
		{PathUptime, "", "uptime"},
		{PathIncidents, "", ""},
		{PathCapabilities, "", ""},
	}
	for _, tc := range cases {
		q, _ := url.ParseQuery(tc.query)
		if got := MappingEndpoint(tc.path, q); got != tc.want {
			t.Errorf("MappingEndpoint(%s?%s) = %q, want %q", tc.path, tc.query, got, tc.want)
		}
	}
}
