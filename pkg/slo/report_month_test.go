package slo

import (
	"testing"
	"time"
)

func TestParseMonth(t *testing.T) {
	m, err := ParseMonth("2026-11")
	if err != nil || m != (Month{2026, time.November}) || m.String() != "2026-11" || m.Name() != "November 2026" {
		t.Fatalf("ParseMonth(2026-11) = %v, %v", m, err)
	}
	if p := (Month{2026, time.January}).Previous(); p != (Month{2025, time.December}) {
		t.Fatalf("previous of January 2026 = %v", p)
	}
	for _, bad := range []string{"", "2026-13", "2026-00", "26-11", "2026/11", "2026-1", "november"} {
		if _, err := ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) accepted", bad)
		} else if want := "month: "; err.Error()[:len(want)] != want {
			t.Errorf("ParseMonth(%q): %v does not name the parameter", bad, err)
		}
	}
}

func TestMonthBoundsFollowTheZone(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	start, end := Month{2026, time.October}.Bounds(berlin)
	if got := end.Sub(start); got != 31*24*time.Hour+time.Hour {
		t.Fatalf("October in Berlin lasts %v, want 745h (the clocks go back)", got)
	}
	if start.UTC().Format(time.RFC3339) != "2026-09-30T22:00:00Z" {
		t.Fatalf("October in Berlin starts at %v", start.UTC())
	}
	start, end = Month{2028, time.February}.Bounds(nil)
	if end.Sub(start) != 29*24*time.Hour || start.Location() != time.UTC {
		t.Fatalf("February 2028 in UTC: %v to %v", start, end)
	}
}
