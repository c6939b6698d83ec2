package slo

import (
	"testing"
	"time"
)

func TestCalendarMonthBounds(t *testing.T) {
	tests := []struct {
		name       string
		tz         string
		now        time.Time
		wantStart  string // RFC3339 in UTC
		wantLength time.Duration
	}{
		{"28 days (February 2025)", "", time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC), "2025-02-01T00:00:00Z", 28 * 24 * time.Hour},
		{"29 days (February 2024, leap year)", "", time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC), "2024-02-01T00:00:00Z", 29 * 24 * time.Hour},
		{"30 days (April 2025)", "", time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), "2025-04-01T00:00:00Z", 30 * 24 * time.Hour},
		{"31 days (January 2025)", "UTC", time.Date(2025, 1, 31, 23, 59, 59, 0, time.UTC), "2025-01-01T00:00:00Z", 31 * 24 * time.Hour},
		{"March in Berlin loses an hour (spring forward)", "Europe/Berlin", time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC), "2025-02-28T23:00:00Z", 31*24*time.Hour - time.Hour},
		{"October in Berlin gains an hour (fall back)", "Europe/Berlin", time.Date(2025, 10, 30, 12, 0, 0, 0, time.UTC), "2025-09-30T22:00:00Z", 31*24*time.Hour + time.Hour},
		{"month is taken in the zone, not in UTC", "Europe/Berlin", time.Date(2025, 3, 31, 22, 30, 0, 0, time.UTC), "2025-03-31T22:00:00Z", 30 * 24 * time.Hour},
		{"New York November (fall back)", "America/New_York", time.Date(2025, 11, 2, 12, 0, 0, 0, time.UTC), "2025-11-01T04:00:00Z", 30*24*time.Hour + time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow("calendar_month", tc.tz)
			if err != nil {
				t.Fatal(err)
			}
			start, end := w.Bounds(tc.now)
			if got := start.UTC().Format(time.RFC3339); got != tc.wantStart {
				t.Errorf("start = %s, want %s", got, tc.wantStart)
			}
			if got := end.Sub(start); got != tc.wantLength {
				t.Errorf("length = %v, want %v", got, tc.wantLength)
			}
		})
	}
}

func TestCalendarMonthBudget(t *testing.T) {
	// 99.9% of a month: 0.1% of its minutes.
	tests := []struct {
		now  time.Time
		days float64
	}{
		{time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC), 28},
		{time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC), 29},
		{time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC), 30},
		{time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC), 31},
	}
	for _, tc := range tests {
		o := objective(t, KindAvailability, 99.9, "calendar_month", "")
		r := Compute(o, SLI{}, tc.now)
		approx(t, tc.now.Month().String()+" budget minutes", r.BudgetTotalMinutes, tc.days*24*60*0.001)
	}
}

func TestRollingBounds(t *testing.T) {
	for name, d := range map[string]time.Duration{"7d": 7 * 24 * time.Hour, "28d": 28 * 24 * time.Hour, "30d": 30 * 24 * time.Hour} {
		w, err := ParseWindow(name, "")
		if err != nil {
			t.Fatal(err)
		}
		start, end := w.Bounds(testNow)
		if !end.Equal(testNow) || testNow.Sub(start) != d {
			t.Errorf("%s: bounds %v..%v", name, start, end)
		}
	}
}
