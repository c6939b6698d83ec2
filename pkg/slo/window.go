package slo

import (
	"fmt"
	"time"
	// Embed the IANA zone database so calendar windows work on hosts
	// without /usr/share/zoneinfo (Grafana runs plugins on minimal images).
	_ "time/tzdata"
)

// WindowKind tells rolling windows from calendar ones.
type WindowKind int

const (
	WindowRolling WindowKind = iota
	WindowCalendarMonth
	WindowCalendarQuarter
)

// Window names as written in the configuration (see README.md).
const (
	WindowNameCalendarMonth   = "calendar_month"
	WindowNameCalendarQuarter = "calendar_quarter"
)

// Window is the compliance period of an objective.
type Window struct {
	Name     string // "7d", "28d", "30d", "calendar_month" or "calendar_quarter"
	Kind     WindowKind
	Length   time.Duration  // rolling windows only
	Location *time.Location // calendar windows only; UTC by default
}

var rollingWindows = map[string]time.Duration{
	"7d":  7 * 24 * time.Hour,
	"28d": 28 * 24 * time.Hour,
	"30d": 30 * 24 * time.Hour,
}

var calendarWindows = map[string]WindowKind{
	WindowNameCalendarMonth:   WindowCalendarMonth,
	WindowNameCalendarQuarter: WindowCalendarQuarter,
}

// WindowNames lists the accepted window names, for error messages.
const WindowNames = `"7d", "28d", "30d", "calendar_month" or "calendar_quarter"`

// ParseWindow reads a window name and, for calendar windows, an IANA time
// zone ("" means UTC). Errors start with the offending field's name.
func ParseWindow(name, timeZone string) (Window, error) {
	if d, ok := rollingWindows[name]; ok {
		if timeZone != "" {
			return Window{}, fmt.Errorf("time_zone: only calendar_month and calendar_quarter windows use a time zone (a rolling %s window is the same everywhere); remove time_zone or use window \"calendar_month\"", name)
		}
		return Window{Name: name, Kind: WindowRolling, Length: d}, nil
	}
	kind, ok := calendarWindows[name]
	if !ok {
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
	return Window{Name: name, Kind: kind, Location: loc}, nil
}

// IsCalendar tells calendar windows (a fixed month or quarter that fills up
// as time passes) from rolling ones (always full, ending now).
func (w Window) IsCalendar() bool { return w.Kind != WindowRolling }

// Bounds returns the window that contains now. For a rolling window that is
// (now-Length, now]; for a calendar month or quarter it is the period of now
// in the window's time zone, from its first midnight to the next period's
// first midnight, so its length (28 to 92 days, ±1 hour when a DST change
// falls inside) is the real elapsed time.
func (w Window) Bounds(now time.Time) (start, end time.Time) {
	if w.Kind == WindowRolling {
		return now.Add(-w.Length), now
	}
	loc := w.Location
	if loc == nil {
		loc = time.UTC
	}
	local := now.In(loc)
	first, months := local.Month(), time.Month(1)
	if w.Kind == WindowCalendarQuarter {
		// Quarters start in January, April, July and October.
		first, months = (local.Month()-1)/3*3+1, 3
	}
	start = time.Date(local.Year(), first, 1, 0, 0, 0, 0, loc)
	end = time.Date(local.Year(), first+months, 1, 0, 0, 0, 0, loc)
	return start, end
}
