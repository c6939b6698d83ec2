package integration

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// An application written from the endpoint description alone (the
// express dialect: no capabilities, no history, no incidents, alert
// history refused with 400, format=prometheus ignored) against the real
// server process: Save & test is a warning, not an error; the provisioned
// fast-burn rule's query gets no data (never a calm 0); alert history
// falls back to the active alerts with a notice.
func TestServerWithoutHistory(t *testing.T) {
	requireAdmin(t)
	srv, err := testserver.Start(testserver.Options{HistoryDays: 1, Dialect: "express"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	ds := newDS(t, srv.URL, `{"cacheTTLSeconds":0}`, srv.APIKey)

	t.Run("health check warns", func(t *testing.T) {
		res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var d plugin.HealthDetails
		if err := json.Unmarshal(res.JSONDetails, &d); err != nil {
			t.Fatal(err)
		}
		if res.Status != backend.HealthStatusOk || d.Level != "warning" || len(res.Message) >= 300 ||
			!strings.HasPrefix(res.Message, "Warning: connected to "+srv.URL+" and the health check and metrics (JSON) work") ||
			!strings.Contains(res.Message, "capabilities (so no metric history, alert history or incidents)") {
			t.Fatalf("%v %q\n%s", res.Status, res.Message, d.VerboseMessage)
		}
		if d.MetricsFormat != "json" {
			t.Fatalf("metrics format %q", d.MetricsFormat)
		}
	})

	t.Run("burn-rate rule gets no data", func(t *testing.T) {
		rule := ruleQueryByUID(t, "appmon-slo-fast-burn")[0]
		now := time.Now()
		r := queryAs(t, ds, alertHeaders, backend.DataQuery{RefID: rule.RefID, QueryType: "slo", JSON: rule.Model,
			TimeRange: backend.TimeRange{From: now.Add(-rule.From), To: now.Add(-rule.To)}, Interval: time.Second, MaxDataPoints: 43200})
		if r.Error != nil {
			t.Fatalf("the rule's query must not fail: %v", r.Error)
		}
		if len(r.Frames) != 1 || r.Frames[0].Rows() != 0 {
			t.Fatalf("want one empty frame (NoData), got %s", mustJSON(r.Frames))
		}
		if !hasNotice(r.Frames, "fast_burn is unknown for availability, error_rate, latency") {
			t.Fatalf("notices: %s", mustJSON(r.Frames[0].Meta))
		}
		// The same query on a panel: burn flags and rates are null, never 0.
		p := queryAs(t, ds, nil, backend.DataQuery{RefID: "A", QueryType: "slo", JSON: json.RawMessage(`{"queryType":"slo"}`),
			TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, MaxDataPoints: 500})
		if p.Error != nil {
			t.Fatal(p.Error)
		}
		f := frameNamed(t, p.Frames, "slo")
		for row := 0; row < f.Rows(); row++ {
			for _, col := range []string{"fast_burn", "slow_burn", "burn_rate_1h"} {
				if v := cell(t, f, col, row); v != nil {
					t.Errorf("row %d %s = %v without history, want null", row, col, *v)
				}
			}
		}
	})

	t.Run("alert history falls back to active alerts", func(t *testing.T) {
		r := queryAs(t, ds, nil, modelQuery(`{"queryType":"alerts","alertsAction":"history"}`, time.Hour))
		if r.Error != nil {
			t.Fatalf("want a notice, not an error: %v", r.Error)
		}
		if !hasNotice(r.Frames, "The server does not offer alert history (/api/monitoring/alerts?action=history); showing active alerts.") {
			t.Fatalf("notices: %s", mustJSON(r.Frames[0].Meta))
		}
	})

	t.Run("metrics show current values", func(t *testing.T) {
		r := queryAs(t, ds, nil, modelQuery(`{"queryType":"metrics","format":"auto","category":"api"}`, time.Hour))
		if r.Error != nil {
			t.Fatal(r.Error)
		}
		if len(r.Frames) == 0 || len(r.Frames[0].Fields) < 2 || !hasNotice(r.Frames, "the server does not offer metric history") {
			t.Fatalf("frames: %s", mustJSON(r.Frames))
		}
		for _, f := range r.Frames {
			if c := f.Fields[1].Labels["category"]; c != "api" {
				t.Fatalf("category filter: series %s has category %q", f.Fields[1].Name, c)
			}
		}
	})
}

func hasNotice(frames data.Frames, text string) bool {
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		for _, n := range f.Meta.Notices {
			if strings.Contains(n.Text, text) {
				return true
			}
		}
	}
	return false
}
