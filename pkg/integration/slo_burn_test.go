package integration

import (
	"context"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// spikeLength is how long the injected error spike lasts before the rule
// is evaluated. The error-rate objective (99.5 %) pages when the last
// hour and the last 5 minutes both burn above 14.4, i.e. an error rate
// above 7.2 %; the reference server's spike adds 12 % errors, so a spike
// covering the whole hour is well past the threshold.
const spikeLength = 65 * time.Minute

// Issue 5: an injected error spike makes the provisioned fast-burn rule's
// query return fast_burn = 1 for the error-rate objective, and only for
// it. The server starts its simulated clock spikeLength in the past, the
// spike is switched on, and the clock jumps (simulating every tick) to the
// wall clock the data source evaluates at.
func TestErrorSpikeMakesFastBurn(t *testing.T) {
	requireAdmin(t)
	srv, err := testserver.Start(testserver.Options{HistoryDays: 1, ClockStart: time.Now().Add(-spikeLength), ClockControl: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	ctx := context.Background()
	if err := srv.SetScenario(ctx, "error_spike"); err != nil {
		t.Fatal(err)
	}
	if err := srv.SyncClock(ctx); err != nil {
		t.Fatal(err)
	}
	ds := newDS(t, srv.URL, `{"cacheTTLSeconds":0}`, srv.APIKey)

	rule := ruleQueryByUID(t, "appmon-slo-fast-burn")[0]
	now := time.Now()
	r := queryAs(t, ds, alertHeaders, backend.DataQuery{RefID: rule.RefID, QueryType: "slo", JSON: rule.Model,
		TimeRange: backend.TimeRange{From: now.Add(-rule.From), To: now.Add(-rule.To)}, Interval: time.Second, MaxDataPoints: 43200})
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	f := r.Frames[0]
	want := map[string]float64{"error_rate": 1, "availability": 0, "latency": 0}
	for objective, fast := range want {
		row := rowWhere(t, f, "objective", objective)
		if row < 0 {
			t.Fatalf("objective %s missing: %s", objective, mustJSON(f))
		}
		if v := cell(t, f, "fast_burn", row); v == nil || *v != fast {
			t.Errorf("%s: fast_burn = %v, want %v", objective, v, fast)
		}
	}

	// The burn rates behind it, as a panel sees them.
	panel := queryAs(t, ds, nil, modelQuery(`{"queryType":"slo","objective":"error_rate"}`, time.Hour))
	if panel.Error != nil {
		t.Fatal(panel.Error)
	}
	pf := panel.Frames[0]
	for _, col := range []string{"burn_rate_5m", "burn_rate_1h"} {
		v := cell(t, pf, col, 0)
		if v == nil || *v <= 14.4 {
			t.Errorf("%s = %v, want above 14.4 (error rate above 7.2 %%)", col, v)
			continue
		}
		t.Logf("%s = %.1f (error rate %.1f %%)", col, *v, *v*0.5)
	}
	// With one day of history standing for the 30-day window the budget
	// may already be spent (0); otherwise it lasts hours at this burn.
	if tte := cell(t, pf, "time_to_exhaustion_seconds", 0); tte == nil || *tte < 0 || *tte > 3*24*3600 {
		t.Errorf("time_to_exhaustion_seconds = %s, want the budget gone within days at this burn", mustJSON(tte))
	}
}
