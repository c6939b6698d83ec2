package slo

import (
	"testing"
	"time"
)

// February 2025: every minute 0.05 % bad, except three days with a
// 10 % bad afternoon (4 hours): those days miss a 99.9 % target, the month
// as a whole does not.
func TestComputeMonthFinishedMonth(t *testing.T) {
	obj := objective(t, KindErrorRate, 99.9, "calendar_month", "")
	from := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	badDays := map[int]bool{3: true, 10: true, 21: true}
	sli := minuteSLI(from.Add(-24*time.Hour), to.Add(24*time.Hour), func(end time.Time) float64 {
		if badDays[end.Add(-time.Minute).Day()] && end.Month() == time.February && end.Hour() >= 12 && end.Hour() < 16 {
			return 0.10
		}
		return 0.0005
	})
	r := ComputeMonth(obj, sli, Month{2025, time.February}, testNow)
	if r.DaysInMonth != 28 || r.DaysElapsed != 28 || r.DaysWithData != 28 || len(r.Days) != 28 {
		t.Fatalf("days: in month %d, elapsed %d, with data %d, listed %d", r.DaysInMonth, r.DaysElapsed, r.DaysWithData, len(r.Days))
	}
	minutes := 28 * 1440.0
	badMinutes := 3*240*0.10 + (minutes-3*240)*0.0005
	approxPtr(t, "actual", r.Actual, (1-badMinutes/minutes)*100)
	approx(t, "budget minutes", r.BudgetMinutes, minutes*0.001)
	approxPtr(t, "budget used minutes", r.BudgetUsedMinutes, badMinutes)
	approxPtr(t, "budget used ratio", r.BudgetUsedRatio, badMinutes/(minutes*0.001))
	approx(t, "coverage", r.HistoryCoverage, 1)
	if r.Met == nil || *r.Met != (badMinutes <= minutes*0.001) {
		t.Errorf("met = %v with %.1f of %.1f budget minutes", r.Met, badMinutes, minutes*0.001)
	}
	if r.DaysMissed == nil || *r.DaysMissed != 3 {
		t.Fatalf("days missed = %v, want 3", r.DaysMissed)
	}
	for _, d := range r.Days {
		want := d.Date == "2025-02-03" || d.Date == "2025-02-10" || d.Date == "2025-02-21"
		if d.Met == nil || *d.Met == want {
			t.Errorf("%s: met = %v, actual %v", d.Date, d.Met, d.Actual)
		}
	}
}

// The current month with history from the 5th: the figures cover 9.5 of
// 13.5 elapsed days, the days before the 5th have no data (unknown, not
// good), and days after now are not listed.
func TestComputeMonthCurrentMonthPartlyCovered(t *testing.T) {
	obj := objective(t, KindAvailability, 99.9, "30d", "")
	histStart := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	r := ComputeMonth(obj, minuteSLI(histStart, testNow.Add(time.Hour), constant(0)), Month{2025, time.March}, testNow)
	if !r.Until.Equal(testNow) || r.DaysInMonth != 31 || r.DaysElapsed != 14 || r.DaysWithData != 10 {
		t.Fatalf("until %v, days in month %d, elapsed %d, with data %d", r.Until, r.DaysInMonth, r.DaysElapsed, r.DaysWithData)
	}
	approx(t, "coverage", r.HistoryCoverage, 9.5/13.5)
	approxPtr(t, "actual", r.Actual, 100)
	approx(t, "budget minutes", r.BudgetMinutes, 31*1440*0.001)
	if r.Days[0].Actual != nil || r.Days[0].Met != nil {
		t.Errorf("1 March without data: %+v", r.Days[0])
	}
	if r.DaysMissed == nil || *r.DaysMissed != 0 || r.Met == nil || !*r.Met {
		t.Errorf("missed %v, met %v", r.DaysMissed, r.Met)
	}
}

// A month without any data is unknown throughout, never 0 % or 100 %; a
// month that has not started has no days.
func TestComputeMonthWithoutData(t *testing.T) {
	obj := objective(t, KindLatency, 99, "calendar_month", "Europe/Berlin")
	r := ComputeMonth(obj, SLI{}, Month{2025, time.January}, testNow)
	if r.Actual != nil || r.Met != nil || r.BudgetUsedRatio != nil || r.DaysMissed != nil || r.HistoryCoverage != 0 {
		t.Fatalf("no data: %+v", r)
	}
	if r.DaysElapsed != 31 || r.Days[0].Date != "2025-01-01" || r.Start.UTC().Hour() != 23 {
		t.Fatalf("January in Berlin: %d days, first %s, starts %v", r.DaysElapsed, r.Days[0].Date, r.Start.UTC())
	}
	if future := ComputeMonth(obj, SLI{}, Month{2025, time.April}, testNow); len(future.Days) != 0 || future.Actual != nil {
		t.Fatalf("a future month: %+v", future)
	}
}

func TestMonthReliability(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2025, 2, d, h, 0, 0, 0, time.UTC) }
	res := func(t time.Time) *time.Time { return &t }
	from, until := at(1, 0), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	incidents := []Incident{
		{StartedAt: at(3, 12), ResolvedAt: res(at(3, 14))},                   // 2 h
		{StartedAt: at(10, 0), ResolvedAt: res(at(10, 4))},                   // 4 h
		{StartedAt: at(1, 0).Add(-2 * time.Hour), ResolvedAt: res(at(1, 1))}, // from January, 3 h
		{StartedAt: time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), ResolvedAt: res(time.Date(2025, 1, 5, 1, 0, 0, 0, time.UTC))},
		{StartedAt: at(27, 0)}, // still open
	}
	n, mttr := MonthReliability(incidents, from, until)
	if n != 4 {
		t.Errorf("%d incidents in February, want 4", n)
	}
	approxPtr(t, "mttr", mttr, 3*3600)
	if n, mttr := MonthReliability(nil, from, until); n != 0 || mttr != nil {
		t.Errorf("no incidents: %d, %v", n, mttr)
	}
}
