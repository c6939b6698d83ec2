package integration

import (
	"math"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/query"
)

// Revenue totals against the real server: the 7-day total matches the mean
// of the per-minute rate over the same range times its minutes, the week
// before is known (the server keeps 30 days), and 20 days against the 20
// before are not (unknown, never a smaller total).
func TestRevenueTotalsAgainstReferenceServer(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{"cacheTTLSeconds":0}`, target.apiKey)
	week := modelQuery(`{"queryType":"metrics","metricName":"payments.revenue.rate","total":true}`, 7*24*time.Hour)
	r := queryAs(t, ds, nil, week)
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	f := frameNamed(t, r.Frames, "payments.revenue.rate")
	this, before, change := cell(t, f, query.TotalThisPeriod, 0), cell(t, f, query.TotalPreviousPeriod, 0), cell(t, f, query.TotalChange, 0)
	if this == nil || before == nil || change == nil || *this <= 0 || *before <= 0 {
		t.Fatalf("7 days: this %v, previous %v, change %v: all known and positive", this, before, change)
	}
	if got := (*this - *before) / *before * 100; math.Abs(got-*change) > 1e-9 {
		t.Errorf("change = %v, want %v", *change, got)
	}

	// The same range as a time series: mean USD/min x minutes.
	series := modelQuery(`{"queryType":"metrics","metricName":"payments.revenue.rate"}`, 7*24*time.Hour)
	series.TimeRange = week.TimeRange
	s := queryAs(t, ds, nil, series)
	if s.Error != nil || len(s.Frames) != 1 {
		t.Fatalf("series: %v, %d frames", s.Error, len(s.Frames))
	}
	var sum float64
	var n int
	for _, fld := range s.Frames[0].Fields {
		if fld.Type().Numeric() {
			for i := 0; i < fld.Len(); i++ {
				if v, ok := fld.ConcreteAt(i); ok {
					sum += v.(float64)
					n++
				}
			}
		}
	}
	minutes := week.TimeRange.To.Sub(week.TimeRange.From).Minutes()
	if want := sum / float64(n) * minutes; n == 0 || math.Abs(*this-want) > 0.01*want {
		t.Errorf("7-day total %.0f USD, want about mean rate x minutes = %.0f USD", *this, want)
	}
	t.Logf("revenue, last 7 days: %.0f USD; the 7 days before: %.0f USD (%+.1f %%)", *this, *before, *change)

	long := queryAs(t, ds, nil, modelQuery(`{"queryType":"metrics","metricName":"payments.revenue.rate","total":true}`, 20*24*time.Hour))
	lf := frameNamed(t, long.Frames, "payments.revenue.rate")
	if cell(t, lf, query.TotalThisPeriod, 0) == nil || cell(t, lf, query.TotalPreviousPeriod, 0) != nil || cell(t, lf, query.TotalChange, 0) != nil {
		t.Errorf("20 days: this known, previous and change unknown")
	}
}
