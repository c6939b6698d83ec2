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
	const warnPrefix = "Warning: connected to {URL} and the health check and metrics (JSON) work, but these parts are missing or unreadable: "
	tests := []struct {
		name       string
		setup      func(f *fakeapi.Server)
		url        string
		key        string
		wantStatus backend.HealthStatus
		wantLevel  string
		wantMsg    string
		wantOK     int
		wantExtOK  int
		wantFormat string
		wantWarn   string
	}{
		{
			name: "all endpoints and extensions", key: fakeapi.APIKey, wantStatus: backend.HealthStatusOk, wantLevel: "ok", wantOK: 6, wantExtOK: 3, wantFormat: "json",
			wantMsg: "Connected to {URL}: all 6 core endpoints answer. Extensions: metrics.history, alerts.history, incidents (contract 1.0).",
		},
		{
			name: "metrics only as Prometheus text", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.MetricsFormats = []string{"prometheus"} },
			wantStatus: backend.HealthStatusOk, wantLevel: "ok", wantOK: 6, wantExtOK: 3, wantFormat: "prometheus",
			wantMsg: "Connected to {URL}: all 6 core endpoints answer (metrics as Prometheus text). Extensions:",
		},
		{
			name: "metrics only as Datadog series, no capabilities", key: fakeapi.APIKey,
			setup:      func(f *fakeapi.Server) { f.MetricsFormats = []string{"datadog"}; f.NoCapabilities = true },
			wantStatus: backend.HealthStatusOk, wantLevel: "warning", wantOK: 6, wantFormat: "datadog",
			wantMsg: "Warning: connected to {URL} and the health check and metrics (Datadog series) work, but these parts are missing or unreadable: capabilities (so no metric history, alert history or incidents); panels that need them show a notice.",
		},
		{
			name: "core only", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.NoCapabilities = true },
			wantStatus: backend.HealthStatusOk, wantLevel: "warning", wantOK: 6, wantFormat: "json",
			wantMsg: warnPrefix + "capabilities (so no metric history, alert history or incidents); panels that need them show a notice.",
		},
		{
			name: "extensions not offered", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.Extensions = []string{"metrics.history"} },
			wantStatus: backend.HealthStatusOk, wantLevel: "warning", wantOK: 6, wantExtOK: 1, wantFormat: "json",
			wantMsg: warnPrefix + "alert history and incidents; panels that need them show a notice.",
		},
		{
			name: "advertised extension fails", key: fakeapi.APIKey,
			setup: func(f *fakeapi.Server) {
				f.SetFault("/api/monitoring/incidents", fakeapi.Fault{Status: 500, Body: `{"error":"boom"}`})
			},
			wantStatus: backend.HealthStatusOk, wantLevel: "warning", wantOK: 6, wantExtOK: 2, wantFormat: "json",
			wantMsg: warnPrefix + "incidents; panels that need them show a notice.",
		},
		{
			name: "unhealthy application is still a working data source", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.Unhealthy = true },
			wantStatus: backend.HealthStatusOk, wantLevel: "ok", wantOK: 6, wantExtOK: 3, wantFormat: "json", wantMsg: "Connected to {URL}: all 6 core endpoints answer.",
		},
		{
			name: "optional endpoints malformed or missing", key: fakeapi.APIKey, wantStatus: backend.HealthStatusOk, wantLevel: "warning", wantOK: 4, wantExtOK: 3, wantFormat: "json",
			setup: func(f *fakeapi.Server) {
				f.SetFault("/api/monitoring/dashboard", fakeapi.Fault{Status: 200, Body: `{"summary":`})
				f.SetFault("/api/monitoring/uptime", fakeapi.Fault{Status: 404, Body: `{"error":"no such endpoint"}`})
			},
			wantMsg:  warnPrefix + "uptime and dashboard; panels that need them show a notice.",
			wantWarn: "uptime: not offered (GET /api/monitoring/uptime answers 404 Not Found",
		},
		{
			name: "wrong key", key: "not-the-right-key", wantStatus: backend.HealthStatusError, wantLevel: "error", wantOK: 2,
			wantMsg: "API key rejected: upstream returned 401 Unauthorized for /api/monitoring/",
		},
		{
			name: "missing key", wantStatus: backend.HealthStatusError, wantLevel: "error", wantOK: 2,
			wantMsg: "API key missing: {URL} requires an API key for /api/monitoring/metrics; add the metrics API key above and save again.",
		},
		{
			name: "server not running", url: "http://" + refused, key: fakeapi.APIKey, wantStatus: backend.HealthStatusError, wantLevel: "error",
			wantMsg: "Cannot reach " + refused + ": connection refused; is the server running and is the data source URL right?",
		},
		{
			name: "no metrics format readable", key: fakeapi.APIKey, setup: func(f *fakeapi.Server) { f.MetricsFormats = []string{} },
			wantStatus: backend.HealthStatusError, wantLevel: "error", wantOK: 5, wantExtOK: 3,
			wantMsg: "{URL} cannot be used: metrics (the metrics endpoint (/api/monitoring/metrics) could not be read in any format; JSON: upstream returned an HTML page",
		},
		{
			name: "health endpoint fails", key: fakeapi.APIKey, wantStatus: backend.HealthStatusError, wantLevel: "error", wantOK: 5, wantExtOK: 3, wantFormat: "json",
			setup: func(f *fakeapi.Server) {
				f.SetFault("/api/health/check", fakeapi.Fault{Status: 500, Body: `{"error":"boom"}`})
			},
			wantMsg: "{URL} cannot be used: health check (upstream returned 500",
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
			if len(res.Message) >= 300 || strings.Contains(res.Message, "\n") {
				t.Fatalf("the first line must stay under 300 characters: %d %q", len(res.Message), res.Message)
			}
			var details HealthDetails
			if err := json.Unmarshal(res.JSONDetails, &details); err != nil {
				t.Fatal(err)
			}
			ok, extOK := 0, 0
			for _, e := range details.Endpoints {
				if e.OK {
					ok++
				}
			}
			for _, e := range details.ExtensionEndpoints {
				if e.OK {
					extOK++
				}
			}
			if len(details.Endpoints) != 6 || ok != tt.wantOK || extOK != tt.wantExtOK || details.VerboseMessage == "" {
				t.Fatalf("details: %d endpoints, %d ok, %d extensions ok, verbose %q", len(details.Endpoints), ok, extOK, details.VerboseMessage)
			}
			if details.Level != tt.wantLevel || details.MetricsFormat != tt.wantFormat {
				t.Fatalf("level %q format %q, want %q %q", details.Level, details.MetricsFormat, tt.wantLevel, tt.wantFormat)
			}
			if (details.Level == "warning" && len(details.Warnings) == 0) || (details.Level == "ok" && len(details.Warnings) > 0) {
				t.Fatalf("warnings %q at level %q", details.Warnings, details.Level)
			}
			if got := ds.client.MetricsFormat(); tt.wantFormat != "" && got != tt.wantFormat {
				t.Fatalf("queries would use format %q, the health check found %q", got, tt.wantFormat)
			}
			if tt.wantWarn != "" && (len(details.Warnings) == 0 || !strings.HasPrefix(details.Warnings[0], tt.wantWarn)) {
				t.Fatalf("warnings %q, want the first to start with %q", details.Warnings, tt.wantWarn)
			}
			if strings.Contains(string(res.JSONDetails), fakeapi.APIKey) || strings.Contains(res.Message, fakeapi.APIKey) {
				t.Fatal("health check leaks the API key")
			}
		})
	}
}

func TestShortenHealthMessage(t *testing.T) {
	long := "Connected to http://example.test: " + strings.Repeat("word ", 100)
	got := shorten(long)
	if len(got) >= 300 || !strings.HasSuffix(got, "word …") {
		t.Fatalf("%d %q", len(got), got)
	}
	if shorten("short") != "short" {
		t.Fatal("short messages stay")
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
