package query

import (
	"strings"

	"github.com/appmon/monitoring/pkg/slo"
)

// parseSLOWindow validates the slo query's sloWindow option: a window the
// objectives are evaluated over instead of their own, so a dashboard that
// says "this month" can show calendar-month figures while alert rules keep
// the configured windows.
func parseSLOWindow(q *Query) error {
	q.SloWindow = strings.TrimSpace(q.SloWindow)
	if q.SloWindow == "" {
		return nil
	}
	if _, err := slo.ParseWindow(q.SloWindow, ""); err != nil {
		return badQueryf("sloWindow: %q is not a window: use %s, or leave it empty for each objective's own window", q.SloWindow, slo.WindowNames)
	}
	return nil
}

// withSLOWindow returns the objectives evaluated over the query's window. A
// calendar window keeps the objective's own time zone when it has one (its
// month starts at its midnight), otherwise UTC.
func withSLOWindow(objs []slo.Objective, name string) []slo.Objective {
	if name == "" {
		return objs
	}
	out := make([]slo.Objective, len(objs))
	for i, o := range objs {
		zone := ""
		if o.Window.IsCalendar() && o.Window.Location != nil {
			zone = o.Window.Location.String()
		}
		w, err := slo.ParseWindow(name, zone)
		if err != nil {
			// Rolling windows take no zone; parseSLOWindow has checked the name.
			w, _ = slo.ParseWindow(name, "")
		}
		o.Window = w
		out[i] = o
	}
	return out
}
