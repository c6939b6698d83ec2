package integration

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/plugin"
)

func TestCheckHealthAgainstReferenceServer(t *testing.T) {
	requireServer(t)
	tests := []struct {
		name, key string
		status    backend.HealthStatus
		msg       string
	}{
		{"working", target.apiKey, backend.HealthStatusOk, "Connected to " + target.url + ": all 6 core endpoints answer. Extensions: metrics.history, alerts.history, incidents (contract 1.0)."},
		{"wrong key", "not-the-key", backend.HealthStatusError, "API key rejected: upstream returned 401 Unauthorized for /api/"},
		{"no key", "", backend.HealthStatusError, "API key missing: " + target.url + " requires an API key for /api/monitoring/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := newDS(t, target.url, `{}`, tt.key)
			res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != tt.status || !strings.HasPrefix(res.Message, tt.msg) {
				t.Fatalf("%v %q", res.Status, res.Message)
			}
			var d plugin.HealthDetails
			if err := json.Unmarshal(res.JSONDetails, &d); err != nil || len(d.Endpoints) != 6 {
				t.Fatalf("details %s: %v", res.JSONDetails, err)
			}
		})
	}
}

func TestResourcesAgainstReferenceServer(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	for path, min := range map[string]int{"categories": 5, "metrics?category=database": 9, "services": 4, "severities": 5} {
		var body json.RawMessage
		status := call(t, ds, path, &body)
		if status != 200 {
			t.Fatalf("%s: %d %s", path, status, body)
		}
		var list []plugin.Option
		if json.Unmarshal(body, &list) == nil && len(list) < min {
			t.Fatalf("%s: %d options, want at least %d", path, len(list), min)
		}
	}
}

func call(t *testing.T, ds *plugin.Datasource, path string, out any) int {
	t.Helper()
	p, _, _ := strings.Cut(path, "?")
	var status int
	err := ds.CallResource(context.Background(), &backend.CallResourceRequest{Method: "GET", Path: p, URL: path},
		backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
			status = r.Status
			return json.Unmarshal(r.Body, out)
		}))
	if err != nil {
		t.Fatal(err)
	}
	return status
}
