package oncall

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Alert is the part of a contract alert that escalation needs.
type Alert struct {
	ID             string
	Name           string
	Severity       string
	Status         string // firing | acknowledged | resolved
	StartedAt      time.Time
	AcknowledgedAt *time.Time
	ResolvedAt     *time.Time
}

// Unacknowledged reports whether the alert is open and nobody has taken it.
func (a Alert) Unacknowledged() bool {
	st := strings.ToLower(a.Status)
	return a.AcknowledgedAt == nil && a.ResolvedAt == nil && st != "acknowledged" && st != "resolved"
}

// Escalation is where one unacknowledged alert stands in the policy at a
// time.
type Escalation struct {
	Alert                 Alert
	MinutesUnacknowledged float64
	// CurrentStep is the last step that has fired (0-based); -1 while the
	// first step's wait has not passed or when there is no policy.
	CurrentStep int
	// Notifying is who the current step addresses: "Engineer A (primary)",
	// a named person, or "incident".
	Notifying string
	// NextStepAt is when the next step fires; nil after the last step.
	NextStepAt *time.Time
}

// Escalations returns the state of every unacknowledged alert at t, oldest
// first (the furthest escalated on top).
func (s *Schedule) Escalations(alerts []Alert, t time.Time) []Escalation {
	var out []Escalation
	for _, a := range alerts {
		if !a.Unacknowledged() {
			continue
		}
		out = append(out, s.escalate(a, t))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Alert.StartedAt.Before(out[j].Alert.StartedAt) })
	return out
}

func (s *Schedule) escalate(a Alert, t time.Time) Escalation {
	// An alert stamped in the future (clock skew between the application
	// and Grafana) is treated as starting now: it exists, so it escalates.
	base := a.StartedAt
	if base.After(t) {
		base = t
	}
	e := Escalation{Alert: a, MinutesUnacknowledged: t.Sub(base).Minutes(), CurrentStep: -1}
	for i, st := range s.Escalation {
		fires := base.Add(time.Duration(st.AfterMinutes) * time.Minute)
		if fires.After(t) {
			e.NextStepAt = &fires
			break
		}
		e.CurrentStep = i
	}
	if e.CurrentStep >= 0 {
		e.Notifying = s.notifying(s.Escalation[e.CurrentStep], t)
	}
	return e
}

// notifying names who a step reaches at t.
func (s *Schedule) notifying(st Step, t time.Time) string {
	switch {
	case st.Action == ActionStartIncident:
		return "incident"
	case st.Person != nil:
		return st.Person.Name
	}
	l, ok := s.Layer(st.Layer)
	if !ok {
		return st.Layer
	}
	if sh, ok := s.At(l, t); ok {
		return fmt.Sprintf("%s (%s)", sh.Member.Name, l.Name)
	}
	return fmt.Sprintf("nobody (%s)", nobodyNotice(l, t))
}
