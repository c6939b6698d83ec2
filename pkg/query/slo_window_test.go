package query

import (
	"encoding/json"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/slo"
)

// With sloWindow the 30-day default objectives are evaluated over the
// calendar month: June's budget, and no history older than the burn-rate
// windows need (June began 12 hours before testNow).
func TestSLOQueryOverCalendarMonth(t *testing.T) {
	fake := sloFake(t)
	r := sloRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "slo", `{"sloWindow":"calendar_month"}`, testNow.Add(-time.Hour), testNow))
	f := frames[0]
	windows, _ := f.FieldByName("window")
	ids, _ := f.FieldByName("objective")
	for i := 0; i < f.Rows(); i++ {
		if windows.At(i) != "calendar_month" {
			t.Errorf("%v window = %v, want calendar_month", ids.At(i), windows.At(i))
		}
	}
	want := map[string]float64{"availability": 30 * 24 * 60 * 0.001, "error_rate": 30 * 24 * 60 * 0.005}
	for i := 0; i < f.Rows(); i++ {
		id := ids.At(i).(string)
		if w, ok := want[id]; ok {
			if got := floatAt(t, f, "budget_total_minutes", i); got == nil || math.Abs(*got-w) > 1e-6 {
				t.Errorf("%s budget = %v minutes, want June's %v", id, got, w)
			}
		}
	}
	oldest := testNow.Add(-3*24*time.Hour - 5*time.Minute)
	for _, u := range fake.Seen() {
		if !strings.HasPrefix(u, "/api/monitoring/metrics/history") {
			continue
		}
		parsed, _ := url.Parse(u)
		if from := ms(parsed.Query().Get("from")); from < oldest.Format(time.RFC3339) {
			t.Errorf("history from %s: the month and the 3-day burn window start later", from)
		}
	}
}

func TestSLOWindowOptionRefusesUnknownWindows(t *testing.T) {
	_, err := Parse(backend.DataQuery{RefID: "A", QueryType: "slo", JSON: json.RawMessage(`{"sloWindow":"month"}`),
		TimeRange: backend.TimeRange{From: testNow.Add(-time.Hour), To: testNow}})
	var bq *BadQueryError
	if !asBadQuery(err, &bq) || !strings.HasPrefix(err.Error(), `sloWindow: "month" is not a window: use "7d", "28d", "30d", "calendar_month" or "calendar_quarter"`) {
		t.Fatalf("err = %v", err)
	}
}

// A calendar override keeps an objective's own zone; a rolling one drops it.
func TestWithSLOWindowKeepsTheZone(t *testing.T) {
	berlin, err := slo.ParseWindow("calendar_month", "Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	objs := append(slo.DefaultObjectives()[:1], slo.Objective{ID: "checkout", Kind: slo.KindAvailability, Target: 99.9, Window: berlin})
	now := time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC)
	q := withSLOWindow(objs, "calendar_quarter")
	starts := []string{}
	for _, o := range q {
		s, _ := o.Bounds(now)
		starts = append(starts, s.UTC().Format(time.RFC3339))
	}
	if strings.Join(starts, " ") != "2025-04-01T00:00:00Z 2025-03-31T22:00:00Z" {
		t.Errorf("quarter starts = %v: UTC for the rolling objective, Berlin's midnight for the Berlin one", starts)
	}
	if r := withSLOWindow(objs, "7d"); r[1].Window.Name != "7d" || r[1].Window.IsCalendar() {
		t.Errorf("rolling override = %+v", r[1].Window)
	}
	if objs[1].Window.Name != "calendar_month" {
		t.Error("the configured objectives must not change")
	}
}
