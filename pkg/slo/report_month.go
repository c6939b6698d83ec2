package slo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Month is one calendar month, as reports pick it ("2026-11").
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "YYYY-MM". Errors name the parameter and show the form.
func ParseMonth(s string) (Month, error) {
	y, m, ok := strings.Cut(strings.TrimSpace(s), "-")
	year, errY := strconv.Atoi(y)
	month, errM := strconv.Atoi(m)
	if !ok || len(y) != 4 || len(m) != 2 || errY != nil || errM != nil || month < 1 || month > 12 || year < 1970 {
		return Month{}, fmt.Errorf("month: %q is not a calendar month; use YYYY-MM, e.g. 2026-11", s)
	}
	return Month{Year: year, Month: time.Month(month)}, nil
}

// MonthOf is the month that contains t in loc.
func MonthOf(t time.Time, loc *time.Location) Month {
	l := t.In(zoneOr(loc))
	return Month{Year: l.Year(), Month: l.Month()}
}

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Name is the month in words: "November 2026".
func (m Month) Name() string { return fmt.Sprintf("%s %d", m.Month, m.Year) }

// Previous is the month before.
func (m Month) Previous() Month {
	if m.Month == time.January {
		return Month{Year: m.Year - 1, Month: time.December}
	}
	return Month{Year: m.Year, Month: m.Month - 1}
}

// Bounds is the month in loc, from its first midnight to the next month's
// first midnight, so its length is the real elapsed time (DST included).
func (m Month) Bounds(loc *time.Location) (start, end time.Time) {
	loc = zoneOr(loc)
	return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, loc), time.Date(m.Year, m.Month+1, 1, 0, 0, 0, 0, loc)
}

// ReportZone is the zone an objective's months are counted in: the zone
// of its calendar window, UTC for rolling windows.
func ReportZone(o Objective) *time.Location {
	return zoneOr(o.Window.Location)
}

func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}
