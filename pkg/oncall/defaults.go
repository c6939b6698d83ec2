package oncall

import "time"

// DefaultStartDate is the anchor date when a layer gives none: a Monday,
// so weekly Monday rotations start on it.
const DefaultStartDate = "2025-01-06"

// DefaultSchedule is a common on-call practice: a weekly rotation
// with a primary and a secondary layer (engineers A-D, the secondary one
// week ahead of the primary), handoff Monday 09:00 UTC, and escalation
// after 15 / 30 / 60 minutes unacknowledged: notify secondary, then the
// manager, then start an incident. Names and contacts are placeholders to
// replace in the data source settings.
func DefaultSchedule() *Schedule {
	a := Member{Name: "Engineer A", Contact: "engineer-a@example.com"}
	b := Member{Name: "Engineer B", Contact: "engineer-b@example.com"}
	c := Member{Name: "Engineer C", Contact: "engineer-c@example.com"}
	d := Member{Name: "Engineer D", Contact: "engineer-d@example.com"}
	layer := func(name string, members ...Member) Layer {
		l := Layer{Name: name, Members: members, RotationLength: 1, RotationUnit: UnitWeeks,
			HandoffWeekday: time.Monday, HandoffHour: 9, Location: time.UTC}
		start, _ := time.ParseInLocation("2006-01-02", DefaultStartDate, time.UTC)
		l.Anchor = l.firstHandoff(start)
		return l
	}
	return &Schedule{
		Layers: []Layer{
			layer("primary", a, b, c, d),
			layer("secondary", b, c, d, a),
		},
		Escalation: []Step{
			{AfterMinutes: 0, Action: ActionNotify, Layer: "primary"},
			{AfterMinutes: 15, Action: ActionNotify, Layer: "secondary"},
			{AfterMinutes: 30, Action: ActionNotify, Person: &Member{Name: "Engineering Manager", Contact: "engineering-manager@example.com"}},
			{AfterMinutes: 60, Action: ActionStartIncident},
		},
	}
}
