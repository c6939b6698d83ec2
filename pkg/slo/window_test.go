package slo

import (
	"strings"
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

func TestCalendarQuarterBounds(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		name       string
		tz         string
		now        time.Time
		wantStart  string // RFC3339 in UTC
		wantLength time.Duration
	}{
		{"Q1 2025 has 90 days", "", time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC), "2025-01-01T00:00:00Z", 90 * day},
		{"Q1 2024 has 91 days (leap year)", "", time.Date(2024, 3, 31, 23, 59, 59, 0, time.UTC), "2024-01-01T00:00:00Z", 91 * day},
		{"the first instant of April starts Q2 (91 days)", "UTC", time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), "2025-04-01T00:00:00Z", 91 * day},
		{"Q3 has 92 days", "", time.Date(2025, 9, 30, 23, 59, 59, 0, time.UTC), "2025-07-01T00:00:00Z", 92 * day},
		{"Q4 has 92 days and ends at New Year", "", time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC), "2025-10-01T00:00:00Z", 92 * day},
		{"Q1 in Berlin loses an hour (spring forward)", "Europe/Berlin", time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), "2024-12-31T23:00:00Z", 90*day - time.Hour},
		{"Q2 in Berlin has no DST change", "Europe/Berlin", time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC), "2025-03-31T22:00:00Z", 91 * day},
		{"Q4 in Berlin gains an hour (fall back)", "Europe/Berlin", time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC), "2025-09-30T22:00:00Z", 92*day + time.Hour},
		{"the quarter is taken in the zone, not in UTC", "Europe/Berlin", time.Date(2025, 3, 31, 22, 30, 0, 0, time.UTC), "2025-03-31T22:00:00Z", 91 * day},
		{"still Q4 in New York when UTC is in January", "America/New_York", time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC), "2025-10-01T04:00:00Z", 92*day + time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow("calendar_quarter", tc.tz)
			if err != nil {
				t.Fatal(err)
			}
			if w.Kind != WindowCalendarQuarter || !w.IsCalendar() {
				t.Fatalf("kind = %v", w.Kind)
			}
			start, end := w.Bounds(tc.now)
			if got := start.UTC().Format(time.RFC3339); got != tc.wantStart {
				t.Errorf("start = %s, want %s", got, tc.wantStart)
			}
			if got := end.Sub(start); got != tc.wantLength {
				t.Errorf("length = %v, want %v", got, tc.wantLength)
			}
			if tc.now.Before(start) || !tc.now.Before(end) {
				t.Errorf("now %s is outside [%s, %s)", tc.now, start, end)
			}
		})
	}
}

func TestCalendarQuarterBudget(t *testing.T) {
	// 99.9% of a quarter: 0.1% of its minutes, counted against the whole
	// quarter while only the elapsed part can have been spent.
	now := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC) // 31 days into Q1 2025
	o := objective(t, KindAvailability, 99.9, "calendar_quarter", "")
	r := Compute(o, SLI{}, now)
	approx(t, "Q1 2025 budget minutes", r.BudgetTotalMinutes, 90*24*60*0.001)
	if got := r.Start.Format(time.RFC3339); got != "2025-01-01T00:00:00Z" {
		t.Errorf("start = %s", got)
	}
	if got := r.elapsed(); got != 31*24*time.Hour {
		t.Errorf("elapsed = %v, want 31 days", got)
	}
}

func TestParseWindowNames(t *testing.T) {
	tests := []struct {
		name, tz, wantErr string
	}{
		{"calendar_month", "Europe/Berlin", ""},
		{"calendar_quarter", "America/New_York", ""},
		{"calendar_quarter", "", ""},
		{"calendar_year", "", `window: "calendar_year" is not supported: use "7d", "28d", "30d", "calendar_month" or "calendar_quarter"`},
		{"quarter", "", `window: "quarter" is not supported`},
		{"30d", "UTC", "time_zone: only calendar_month and calendar_quarter windows use a time zone"},
		{"calendar_quarter", "Moon/Base", `time_zone: "Moon/Base" is not an IANA time zone name`},
	}
	for _, tc := range tests {
		w, err := ParseWindow(tc.name, tc.tz)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s/%s: %v", tc.name, tc.tz, err)
		case tc.wantErr == "" && w.Name != tc.name:
			t.Errorf("%s: name = %q", tc.name, w.Name)
		case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
			t.Errorf("%s/%s: error %v, want it to start with %q", tc.name, tc.tz, err, tc.wantErr)
		}
	}
}
