package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/query"
)

var defaultObjectives = []string{"availability", "error_rate", "latency"}

// The slo query type through QueryData against the real server: one row
// per default objective computed from the server's history, a trend per
// objective, and the history requests shown in the query inspector. The
// simulated workload is calm, so nothing burns fast.
func TestSLOQueryAgainstReferenceServer(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{"cacheTTLSeconds":0}`, target.apiKey)
	r := queryAs(t, ds, nil, modelQuery(`{"queryType":"slo"}`, time.Hour))
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	if len(r.Frames) != 1+len(defaultObjectives) {
		t.Fatalf("%d frames, want the slo frame and %d trends", len(r.Frames), len(defaultObjectives))
	}
	f := r.Frames[0]
	if f.Name != "slo" || f.Meta == nil || f.Meta.Type != data.FrameTypeNumericLong || f.Rows() != len(defaultObjectives) {
		t.Fatalf("slo frame: name %q meta %+v rows %d", f.Name, f.Meta, f.Rows())
	}
	if q := f.Meta.ExecutedQueryString; !strings.Contains(q, "GET /api/monitoring/metrics/history?") || !strings.Contains(q, "name=api.error_rate") {
		t.Fatalf("executed queries:\n%s", q)
	}
	for _, id := range defaultObjectives {
		row := rowWhere(t, f, "objective", id)
		if row < 0 {
			t.Fatalf("objective %s missing", id)
		}
		actual := cell(t, f, "actual", row)
		if actual == nil || *actual <= 50 || *actual > 100 {
			t.Errorf("%s: actual = %v, want a calm workload's SLI", id, actual)
		}
		for _, col := range []string{"budget_remaining_ratio", "burn_rate_5m", "burn_rate_1h", "burn_rate_1d"} {
			if cell(t, f, col, row) == nil {
				t.Errorf("%s: %s is null although the server has history", id, col)
			}
		}
		if c := cell(t, f, "history_coverage", row); c == nil || *c <= 0 || *c > 1 {
			t.Errorf("%s: history_coverage = %v", id, c)
		}
		if fb := cell(t, f, "fast_burn", row); fb == nil || *fb != 0 {
			t.Errorf("%s: fast_burn = %v on a calm workload", id, fb)
		}
	}
	for _, trend := range r.Frames[1:] {
		if trend.Name != "slo_trend" || trend.Meta.Type != data.FrameTypeTimeSeriesMulti || trend.Rows() == 0 {
			t.Fatalf("trend frame %q type %v rows %d", trend.Name, trend.Meta.Type, trend.Rows())
		}
		if cell(t, trend, "value", trend.Rows()-1) == nil && cell(t, trend, "value", 0) == nil {
			t.Errorf("trend %v has no values at its ends", trend.Fields[1].Labels)
		}
	}
}

// An alert rule asking for one column gets a numeric-long frame with the
// objective as a label and the on-call labels; a panel asking the same
// gets no on-call labels.
func TestSLOFieldForAlertRules(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	model := `{"queryType":"slo","sloField":"burn_rate_1h","objective":"error_rate"}`

	r := queryAs(t, ds, alertHeaders, modelQuery(model, 5*time.Minute))
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	if len(r.Frames) != 1 {
		t.Fatalf("%d frames, want the slo frame alone", len(r.Frames))
	}
	f := r.Frames[0]
	var names []string
	for _, fld := range f.Fields {
		names = append(names, fld.Name)
	}
	want := "objective,title,window,burn_rate_1h," + query.LabelOncallPrimary + "," + query.LabelOncallSecondary
	if strings.Join(names, ",") != want || f.Meta.Type != data.FrameTypeNumericLong || f.Rows() != 1 {
		t.Fatalf("fields %v (want %s), type %v, rows %d", names, want, f.Meta.Type, f.Rows())
	}
	if text(t, f, "objective", 0) != "error_rate" || cell(t, f, "burn_rate_1h", 0) == nil || text(t, f, query.LabelOncallPrimary, 0) == "" {
		t.Fatalf("row: %s", mustJSON(f))
	}

	panel := queryAs(t, ds, nil, modelQuery(model, 5*time.Minute))
	if panel.Error != nil || len(panel.Frames[0].Fields) != 4 {
		t.Fatalf("panel: err %v, %d fields (want no on-call columns)", panel.Error, len(panel.Frames[0].Fields))
	}
}

// The oncall query type in its three views, and the schedule resource.
// The escalation view reads the server's active alerts: the test fires one
// through the contract's trigger action.
func TestOncallQueryAgainstReferenceServer(t *testing.T) {
	srv := requireAdmin(t)
	ctx := context.Background()
	id, err := srv.TriggerAlert(ctx, "medium", "Integration test alert", "Fired by TestOncallQueryAgainstReferenceServer")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.ResolveAlert(ctx, id) })
	ds := newDS(t, target.url, `{"cacheTTLSeconds":0}`, target.apiKey)

	now := queryAs(t, ds, nil, modelQuery(`{"queryType":"oncall"}`, time.Hour))
	if now.Error != nil {
		t.Fatal(now.Error)
	}
	nf := frameNamed(t, now.Frames, "oncall_now")
	if nf.Rows() != 2 || text(t, nf, "layer", 0) != "primary" || text(t, nf, "name", 0) == "" || text(t, nf, "name", 1) == "" {
		t.Fatalf("oncall_now: %s", mustJSON(nf))
	}
	if s := cell(t, nf, "seconds_to_handoff", 0); s == nil || *s <= 0 || *s > 7*24*3600 {
		t.Fatalf("seconds_to_handoff = %v, want within a weekly shift", s)
	}

	shifts := queryAs(t, ds, nil, modelQuery(`{"queryType":"oncall","oncallView":"shifts","shiftCount":3}`, time.Hour))
	if shifts.Error != nil {
		t.Fatal(shifts.Error)
	}
	if sf := frameNamed(t, shifts.Frames, "oncall_shifts"); sf.Rows() != 6 {
		t.Fatalf("3 shifts for each of 2 layers, got %d rows", sf.Rows())
	}

	esc := queryAs(t, ds, nil, modelQuery(`{"queryType":"oncall","oncallView":"escalation"}`, time.Hour))
	if esc.Error != nil {
		t.Fatal(esc.Error)
	}
	ef := frameNamed(t, esc.Frames, "oncall_escalation")
	row := rowWhere(t, ef, "alert_id", id)
	if row < 0 {
		t.Fatalf("the triggered alert %s is not in the escalation frame: %s", id, mustJSON(ef))
	}
	primary := text(t, nf, "name", 0)
	if step := cell(t, ef, "current_step", row); step == nil || *step != 0 || text(t, ef, "notifying", row) != primary+" (primary)" {
		t.Fatalf("a fresh alert is at step 0 notifying %q: step %v notifying %q", primary+" (primary)", step, text(t, ef, "notifying", row))
	}
	if pf := frameNamed(t, esc.Frames, "escalation_policy"); pf.Rows() != 4 {
		t.Fatalf("default policy has 4 steps, got %d", pf.Rows())
	}

	// The on-call labels of an alert query name the same person.
	rule := queryAs(t, ds, alertHeaders, modelQuery(`{"queryType":"metrics","metricName":"api.error_rate","endpoint":"overall"}`, 10*time.Minute))
	if rule.Error != nil || len(rule.Frames) != 1 {
		t.Fatalf("rule query: err %v, %d frames", rule.Error, len(rule.Frames))
	}
	if got := rule.Frames[0].Fields[1].Labels[query.LabelOncallPrimary]; got != primary {
		t.Fatalf("oncall_primary label = %q, the now view says %q", got, primary)
	}

	var view struct {
		Layers []struct {
			Name   string `json:"name"`
			Shifts []struct {
				Name string `json:"name"`
			} `json:"shifts"`
		} `json:"layers"`
		Escalation []struct {
			Target string `json:"target"`
		} `json:"escalation"`
	}
	if status := call(t, ds, "oncall/schedule?weeks=2", &view); status != 200 || len(view.Layers) != 2 || len(view.Layers[0].Shifts) < 2 || len(view.Escalation) != 4 {
		t.Fatalf("schedule: %d %s", status, mustJSON(view))
	}
	var bad map[string]string
	if status := call(t, ds, "oncall/schedule?weeks=0", &bad); status != 400 || !strings.Contains(bad["error"], "weeks must be a whole number from 1 to 52") {
		t.Fatalf("weeks=0: %d %v", status, bad)
	}
}
