package plugin

import (
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestCheckHealth(t *testing.T) {
	refused := freeAddr(t)
	tests := []struct {
		name       string
		setup      func(f *fakeapi.Server)
		url        string
		key        string
		wantStatus backend.HealthStatus
		wantMsg    string
		wantOK     int
	}{
		{
			name: "all endpoints and extensions", key: fakeapi.APIKey, wantStatus: backend.HealthStatusOk, wantOK: 6,
			wantMsg: "Connected to {URL}: all 6 core endpoints answer. Extensions: metrics.history, alerts.history, incidents (contract 1.0).",
		},
		{
			name: "core only", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.NoCapabilities = true }, wantStatus: backend.HealthStatusOk, wantOK: 6,
			wantMsg: "Connected to {URL}: all 6 core endpoints answer. Extensions: none (core contract only; no capabilities endpoint), so metrics show current values and alert history is unavailable.",
		},
		{
			name: "unhealthy application is still a working data source", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.Unhealthy = true },
			wantStatus: backend.HealthStatusOk, wantOK: 6, wantMsg: "Connected to {URL}: all 6 core endpoints answer.",
		},
		{
			name: "wrong key", key: "wrong", wantStatus: backend.HealthStatusError, wantOK: 2,
			wantMsg: "API key rejected: upstream returned 401 Unauthorized for /api/monitoring/",
		},
		{
			name: "missing key", wantStatus: backend.HealthStatusError, wantOK: 2,
			wantMsg: "API key missing: {URL} requires an API key for /api/monitoring/",
		},
		{
			name: "server not running", url: "http://" + refused, key: fakeapi.APIKey, wantStatus: backend.HealthStatusError,
			wantMsg: "Cannot reach " + refused + ": connection refused; is the server running and is the data source URL right?",
		},
		{
			name: "one endpoint malformed", key: fakeapi.APIKey, wantStatus: backend.HealthStatusError, wantOK: 5,
			setup: func(f *fakeapi.Server) {
				f.SetFault("/api/monitoring/dashboard", fakeapi.Fault{Status: 200, Body: `{"summary":`})
			},
			wantMsg: "1 of 6 core endpoints fail: dashboard (upstream returned malformed data for /api/monitoring/dashboard: the dashboard response is not valid: unexpected end of JSON input; the endpoint does not follow the monitoring contract)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeapi.New(t)
			if tt.setup != nil {
				tt.setup(fake)
			}
			url := fake.URL
			if tt.url != "" {
				url = tt.url
			}
			ds := newDS(t, url, `{"retries":0}`, map[string]string{"apiKey": tt.key})
			res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tt.wantMsg, "{URL}", url)
			if res.Status != tt.wantStatus || !strings.HasPrefix(res.Message, want) {
				t.Fatalf("status=%v message=%q\nwant prefix %q", res.Status, res.Message, want)
			}
			var details HealthDetails
			if err := json.Unmarshal(res.JSONDetails, &details); err != nil {
				t.Fatal(err)
			}
			ok := 0
			for _, e := range details.Endpoints {
				if e.OK {
					ok++
				}
			}
			if len(details.Endpoints) != 6 || ok != tt.wantOK || details.VerboseMessage == "" {
				t.Fatalf("details: %d endpoints, %d ok, verbose %q", len(details.Endpoints), ok, details.VerboseMessage)
			}
			if strings.Contains(string(res.JSONDetails), fakeapi.APIKey) || strings.Contains(res.Message, fakeapi.APIKey) {
				t.Fatal("health check leaks the API key")
			}
		})
	}
}

func TestCheckHealthConfigError(t *testing.T) {
	ds := newDS(t, "localhost:4000", `{}`, nil)
	res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != backend.HealthStatusError || !strings.HasPrefix(res.Message, `The data source URL "localhost:4000" is not valid: use the application's base URL with http:// or https://`) {
		t.Fatalf("%v %q", res.Status, res.Message)
	}
}
