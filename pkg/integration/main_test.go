package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// target is the server under test.
var target struct {
	url, apiKey, adminKey string
	server                *testserver.Server
	skip                  string
}

const skipMessage = "integration tests need the reference server: set APPMON_INTEGRATION=1 to start monitoring-api/ (node + npm ci there), or APPMON_API_URL, APPMON_API_KEY and APPMON_ADMIN_KEY for a running one"

func TestMain(m *testing.M) {
	switch {
	case os.Getenv("APPMON_INTEGRATION") == "1":
		// 30 days of history like a default server (dashboards and SLOs
		// read up to a month), caught up to the wall clock so even the
		// server's process figures have recent minutes.
		s, err := testserver.Start(testserver.Options{HistoryDays: 30, CatchUp: 3 * time.Minute})
		if err != nil {
			fmt.Fprintln(os.Stderr, "cannot start the reference server:", err)
			os.Exit(1)
		}
		target.server, target.url, target.apiKey, target.adminKey = s, s.URL, s.APIKey, s.AdminKey
	case os.Getenv("APPMON_API_URL") != "":
		target.url, target.apiKey, target.adminKey = os.Getenv("APPMON_API_URL"), os.Getenv("APPMON_API_KEY"), os.Getenv("APPMON_ADMIN_KEY")
	default:
		target.skip = skipMessage
	}
	code := m.Run()
	if target.server != nil {
		if code != 0 {
			fmt.Fprintln(os.Stderr, "reference server output:\n"+target.server.Output())
		}
		target.server.Stop()
	}
	os.Exit(code)
}

func requireServer(t *testing.T) {
	t.Helper()
	if target.skip != "" {
		t.Skip(target.skip)
	}
}

func requireAdmin(t *testing.T) *testserver.Server {
	t.Helper()
	requireServer(t)
	if target.server == nil {
		t.Skip("fault and scenario tests drive the admin API: run them with APPMON_INTEGRATION=1")
	}
	return target.server
}

// newDS builds a data source instance as Grafana would from its settings.
func newDS(t testing.TB, url, jsonData, key string) *plugin.Datasource {
	t.Helper()
	inst, err := plugin.NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "it", Name: "AppMon", Type: plugin.PluginID, URL: url, JSONData: json.RawMessage(jsonData),
		DecryptedSecureJSONData: map[string]string{"apiKey": key},
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := inst.(*plugin.Datasource)
	t.Cleanup(ds.Dispose)
	return ds
}

func dataQuery(refID, model string, rng time.Duration) backend.DataQuery {
	now := time.Now()
	return backend.DataQuery{RefID: refID, JSON: json.RawMessage(model), Interval: time.Minute, MaxDataPoints: 500,
		TimeRange: backend.TimeRange{From: now.Add(-rng), To: now}}
}

func queryOne(t *testing.T, ds *plugin.Datasource, model string) backend.DataResponse {
	t.Helper()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", model, time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Responses["A"]
}
