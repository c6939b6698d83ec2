package query

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// revenueFake takes 10 USD a minute in the last 3 days and 5 before, with
// no data during gap (when set).
func revenueFake(t *testing.T, gapFrom, gapTo time.Time) *fakeapi.Server {
	fake := fakeapi.New(t)
	fake.HistoryValue = func(name string, at time.Time) (float64, bool) {
		if !at.Before(gapFrom) && at.Before(gapTo) {
			return 0, false
		}
		if at.Before(testNow.Add(-3 * 24 * time.Hour)) {
			return 5, true
		}
		return 10, true
	}
	return fake
}

func totals(t *testing.T, f *data.Frame) (this, before, change *float64) {
	t.Helper()
	if f.Rows() != 1 || len(f.Fields) != 3 {
		t.Fatalf("frame %s: %d rows, %d fields", f.Name, f.Rows(), len(f.Fields))
	}
	return floatAt(t, f, TotalThisPeriod, 0), floatAt(t, f, TotalPreviousPeriod, 0), floatAt(t, f, TotalChange, 0)
}

func totalNotices(frames data.Frames) string {
	var out []string
	for _, f := range frames {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				out = append(out, n.Text)
			}
		}
	}
	return strings.Join(out, "\n")
}

func TestRevenueTotalsAgainstThePreviousPeriod(t *testing.T) {
	r := newRunner(t, revenueFake(t, time.Time{}, time.Time{}).URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"payments.revenue.rate","total":true}`, testNow.Add(-3*24*time.Hour), testNow))
	if len(frames) != 1 {
		t.Fatalf("%d frames: %s", len(frames), totalNotices(frames))
	}
	this, before, change := totals(t, frames[0])
	// 3 days of minutes at 10 USD against 3 days at 5 USD (the bucket
	// astride the boundary of the fake's step counts at 5).
	if this == nil || math.Abs(*this-3*1440*10) > 0.005*3*1440*10 || before == nil || math.Abs(*before-3*1440*5) > 1e-6 {
		t.Fatalf("this = %v, previous = %v; want 43200 and 21600", deref(this), deref(before))
	}
	if change == nil || math.Abs(*change - (*this-*before) / *before * 100) > 1e-9 || math.Abs(*change-100) > 1 {
		t.Errorf("change = %v, want +100 %%", change)
	}
	f := frames[0].Fields
	if f[0].Config.Unit != "currencyUSD" || f[0].Config.DisplayNameFromDS != "This period" ||
		f[1].Config.DisplayNameFromDS != "Previous period" || f[2].Config.Unit != "percent" {
		t.Errorf("field configs: %+v / %+v / %+v", f[0].Config, f[1].Config, f[2].Config)
	}
}

// The server keeps 30 days: 20 days against the 20 before cannot be told,
// and a smaller partial total would read as a drop.
func TestRevenueTotalsBeyondHistoryAreUnknown(t *testing.T) {
	r := newRunner(t, revenueFake(t, time.Time{}, time.Time{}).URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"payments.revenue.rate","total":true}`, testNow.Add(-20*24*time.Hour), testNow))
	this, before, change := totals(t, frames[0])
	if this == nil || math.Abs(*this-(17*1440*5+3*1440*10)) > 0.005*(17*1440*5+3*1440*10) {
		t.Errorf("this = %v, want 17 days at 5 and 3 at 10", deref(this))
	}
	if before != nil || change != nil {
		t.Errorf("previous = %v, change = %v: want unknown", before, change)
	}
	if n := totalNotices(frames); !strings.Contains(n, "is unknown: the server keeps 30 days of metric history") {
		t.Errorf("notices: %s", n)
	}
}

func TestRevenueTotalWithAGapIsUnknown(t *testing.T) {
	r := newRunner(t, revenueFake(t, testNow.Add(-30*time.Hour), testNow.Add(-24*time.Hour)).URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"payments.revenue.rate","total":true}`, testNow.Add(-3*24*time.Hour), testNow))
	this, before, _ := totals(t, frames[0])
	if this != nil || before == nil {
		t.Errorf("this = %v (6 hours missing: unknown), previous = %v (complete)", this, before)
	}
	if n := totalNotices(frames); !strings.Contains(n, "The total of payments.revenue.rate for this period is unknown: history covers 92% of it.") {
		t.Errorf("notices: %s", n)
	}
}

func TestTotalsOnlyForRates(t *testing.T) {
	r := newRunner(t, revenueFake(t, time.Time{}, time.Time{}).URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"payments.success_rate","total":true}`, testNow.Add(-time.Hour), testNow))
	for _, f := range frames {
		if len(f.Fields) > 0 {
			t.Fatalf("a percentage has no total, got frame %s", f.Name)
		}
	}
	if n := totalNotices(frames); !strings.Contains(n, `payments.success_rate is not a rate per minute or per second (unit "percent")`) {
		t.Errorf("notices: %s", n)
	}
}

func TestRateUnit(t *testing.T) {
	for unit, want := range map[string]string{
		"suffix: USD/min": "1m0s currencyUSD", "cpm": "1m0s none", "reqps": "1s none", "Bps": "1s bytes",
		"suffix: EUR/s": "1s suffix: EUR", "percent": "no", "currencyUSD": "no", "suffix: req": "no",
	} {
		per, amount, ok := rateUnit(unit)
		got := "no"
		if ok {
			got = per.String() + " " + amount
		}
		if got != want {
			t.Errorf("rateUnit(%q) = %s, want %s", unit, got, want)
		}
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
