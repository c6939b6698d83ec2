package slo

import (
	"fmt"
	"time"
	// Embed the IANA zone database so calendar-month windows work on hosts
	// without /usr/share/zoneinfo (Grafana runs plugins on minimal images).
	_ "time/tzdata"
)

// WindowKind tells rolling windows from calendar ones.
type WindowKind int

const (
	WindowRolling WindowKind = iota
	WindowCalendarMonth
)

// Window is the compliance period of an objective.
type Window struct {
	Name     string // "7d", "28d", "30d" or "calendar_month"
	Kind     WindowKind
	Length   time.Duration  // rolling windows only
	Location *time.Location // calendar months only; UTC by default
}

var rollingWindows = map[string]time.Duration{
	"7d":  7 * 24 * time.Hour,
	"28d": 28 * 24 * time.Hour,
	"30d": 30 * 24 * time.Hour,
}

// WindowNames lists the accepted window names, for error messages.
const WindowNames = `"7d", "28d", "30d" or "calendar_month"`

// ParseWindow reads a window name and, for calendar months, an IANA time
// zone ("" means UTC). Errors start with the offending field's name.
func ParseWindow(name, timeZone string) (Window, error) {
	if d, ok := rollingWindows[name]; ok {
		if timeZone != "" {
			return Window{}, fmt.Errorf("time_zone: only calendar_month windows use a time zone (a rolling %s window is the same everywhere); remove time_zone or use window \"calendar_month\"", name)
		}
		return Window{Name: name, Kind: WindowRolling, Length: d}, nil
	}
	if name != "calendar_month" {
		return Window{}, fmt.Errorf("window: %q is not supported: use %s", name, WindowNames)
	}
	loc := time.UTC
	if timeZone != "" {
		l, err := time.LoadLocation(timeZone)
		if err != nil {
			return Window{}, fmt.Errorf("time_zone: %q is not an IANA time zone name (e.g. \"UTC\", \"Europe/Berlin\", \"America/New_York\")", timeZone)
		}
		loc = l
	}
	return Window{Name: name, Kind: WindowCalendarMonth, Location: loc}, nil
}

// Bounds returns the window that contains now. For a rolling window that is
// (now-Length, now]; for a calendar month it is the month of now in the
// window's time zone, from its first midnight to the next month's first
// midnight, so its length (28 to 31 days, ±1 hour in DST months) is the real
// elapsed time.
func (w Window) Bounds(now time.Time) (start, end time.Time) {
	if w.Kind == WindowRolling {
		return now.Add(-w.Length), now
	}
	loc := w.Location
	if loc == nil {
		loc = time.UTC
	}
	local := now.In(loc)
	start = time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
	end = time.Date(local.Year(), local.Month()+1, 1, 0, 0, 0, 0, loc)
	return start, end
}
