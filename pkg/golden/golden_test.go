package golden

import (
	"context"
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/experimental"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/settings"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now pins the clock: the fake API's bodies, its history, the SLO windows and
// the on-call rotation all follow from it, so the files are stable.
var now = time.Date(2025, 6, 1, 12, 0, 30, 0, time.UTC)

// cases are one query per frame type, named after the file they write.
var cases = []struct{ name, queryType, model string }{
	{"metrics_timeseries_multi", "metrics", `{"metricName":"api.error_rate","endpoint":"overall"}`},
	{"health", "health", `{}`},
	{"uptime", "uptime", `{}`},
	{"alerts_active", "alerts", `{"alertsAction":"active"}`},
	{"alerts_history", "alerts", `{"alertsAction":"history"}`},
	{"dashboard", "dashboard", `{}`},
	{"slo", "slo", `{}`},
	{"oncall_now", "oncall", `{"oncallView":"now"}`},
	{"oncall_shifts", "oncall", `{"oncallView":"shifts"}`},
	{"oncall_escalation", "oncall", `{"oncallView":"escalation"}`},
}

func TestGoldenFrames(t *testing.T) {
	runner := newRunner(t, fakeapi.New(t).URL)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := query.Parse(backend.DataQuery{
				RefID: "A", QueryType: c.queryType, JSON: json.RawMessage(c.model),
				TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, Interval: time.Minute, MaxDataPoints: 500,
			})
			if err != nil {
				t.Fatal(err)
			}
			frames, err := runner.Run(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if len(frames) == 0 {
				t.Fatal("no frames: a golden file of nothing would check nothing")
			}
			for _, f := range frames {
				f.RefID = "A" // as QueryData answers
				// Concurrent fetches finish in any order; the inspector text is not contract.
				if f.Meta != nil && f.Meta.ExecutedQueryString != "" {
					lines := strings.Split(f.Meta.ExecutedQueryString, "\n")
					slices.Sort(lines)
					f.Meta.ExecutedQueryString = strings.Join(lines, "\n")
				}
			}
			experimental.CheckGoldenJSONResponse(t, "testdata", c.name, &backend.DataResponse{Frames: frames}, *update)
		})
	}
}

// newRunner is the data source's query runner with its default SLOs and
// on-call schedule (empty jsonData), against the fake API.
func newRunner(t *testing.T, url string) *query.Runner {
	t.Helper()
	jsonData := json.RawMessage(`{"retries":0}`)
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		UID: "appmon", Name: "AppMon", Type: "appmon-endpoints-datasource", URL: url, JSONData: jsonData,
		DecryptedSecureJSONData: map[string]string{"apiKey": fakeapi.APIKey},
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return &query.Runner{Client: c, DataSourceUID: "appmon", Now: func() time.Time { return now }, Objectives: s.Objectives, Schedule: s.Schedule}
}
