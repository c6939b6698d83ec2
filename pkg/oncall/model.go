package oncall

import "time"

// Member is a person who can be on call.
type Member struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
}

// RotationUnit is the unit of a layer's rotation length.
type RotationUnit string

const (
	UnitWeeks RotationUnit = "weeks"
	UnitDays  RotationUnit = "days"
	UnitHours RotationUnit = "hours"
)

// Layer is one rotation (primary, secondary, ...). Members take turns in
// order; the first shift starts at Anchor.
type Layer struct {
	Name           string
	Members        []Member
	RotationLength int
	RotationUnit   RotationUnit
	// HandoffWeekday is used by weekly rotations only.
	HandoffWeekday time.Weekday
	HandoffHour    int
	HandoffMinute  int
	Location       *time.Location
	// Anchor is the first handoff: the first handoff weekday and time on
	// or after the configured start date (any day for days/hours units).
	Anchor time.Time
}

// Override puts a person on call in a layer for [Start, End), replacing the
// regular rotation there. Later overrides win over earlier ones.
type Override struct {
	Layer      string
	Member     Member
	Start, End time.Time
}

// Action is what an escalation step does.
type Action string

const (
	ActionNotify        Action = "notify"
	ActionStartIncident Action = "start_incident"
)

// Step is one escalation step: after AfterMinutes without acknowledgement,
// notify a layer's on-call person or a named person, or start an incident.
type Step struct {
	AfterMinutes int
	Action       Action
	Layer        string  // notify a layer's current on-call person
	Person       *Member // or a named person
}

// Target names who or what the step addresses: the layer name, the
// person's name, or "incident".
func (s Step) Target() string {
	switch {
	case s.Action == ActionStartIncident:
		return "incident"
	case s.Person != nil:
		return s.Person.Name
	default:
		return s.Layer
	}
}

// Schedule is a validated on-call configuration.
type Schedule struct {
	Layers     []Layer
	Overrides  []Override
	Escalation []Step
	// Warnings are problems that do not stop the schedule from working
	// (e.g. a layer without members); they become frame notices.
	Warnings []string
}

// Layer returns the layer with the given name.
func (s *Schedule) Layer(name string) (*Layer, bool) {
	for i := range s.Layers {
		if s.Layers[i].Name == name {
			return &s.Layers[i], true
		}
	}
	return nil, false
}

// Shift is a stretch of time one person is on call in a layer.
type Shift struct {
	Layer    string
	Member   Member
	Start    time.Time
	End      time.Time
	Override bool // someone covers the regular member
}

// Contains reports whether t is inside [Start, End).
func (s Shift) Contains(t time.Time) bool { return !t.Before(s.Start) && t.Before(s.End) }
