package ruleoracle

import "time"

// State is an alert instance's state.
type State string

// Instance states, as Grafana shows them.
const (
	Normal   State = "Normal"
	Pending  State = "Pending"
	Alerting State = "Alerting"
	NoData   State = "NoData"
	Error    State = "Error"
)

// severity orders states for a rule's overall state (the worst instance).
var severity = map[State]int{Normal: 0, Error: 1, NoData: 2, Pending: 3, Alerting: 4}

// Tracker keeps a rule's alert instances across evaluations.
type Tracker struct {
	rule      Rule
	instances map[string]*tracked
}

type tracked struct {
	state    State
	target   State // the state a Pending instance is heading for
	activeAt time.Time
}

// NewTracker starts a rule with no instances (Normal).
func NewTracker(rule Rule) *Tracker {
	return &Tracker{rule: rule, instances: map[string]*tracked{}}
}

// Step applies one evaluation at time at and returns the rule's state.
//
// A firing instance becomes Pending, and Alerting once it has fired for
// the rule's pending period ("for"; at once when 0). No data and errors
// become the state noDataState / execErrState name (NoData, Alerting, OK
// = Normal, KeepLast = the previous state), through the same pending
// period. An instance missing from the evaluation is resolved.
func (t *Tracker) Step(at time.Time, ev Evaluation) State {
	seen := map[string]bool{}
	for key, inst := range ev.Instances {
		seen[key] = true
		cur := t.instances[key]
		if cur == nil {
			cur = &tracked{state: Normal}
			t.instances[key] = cur
		}
		t.advance(cur, t.target(inst.Outcome, cur.state), at)
	}
	for key := range t.instances {
		if !seen[key] {
			delete(t.instances, key)
		}
	}
	return t.State()
}

// target maps an outcome to the state it leads to.
func (t *Tracker) target(o Outcome, current State) State {
	mapped := func(setting string, own State) State {
		switch setting {
		case "Alerting":
			return Alerting
		case "OK":
			return Normal
		case "KeepLast":
			if current == Pending {
				return Normal
			}
			return current
		}
		return own
	}
	switch o {
	case OutcomeFiring:
		return Alerting
	case OutcomeNoData:
		return mapped(t.rule.NoDataState, NoData)
	case OutcomeError:
		return mapped(t.rule.ExecErrState, Error)
	}
	return Normal
}

func (t *Tracker) advance(cur *tracked, target State, at time.Time) {
	switch {
	case target == Normal:
		cur.state = Normal
	case cur.state == target:
	case t.rule.For <= 0:
		cur.state = target
	case cur.state == Pending && cur.target == target:
		if at.Sub(cur.activeAt) >= t.rule.For {
			cur.state = target
		}
	default:
		cur.state, cur.target, cur.activeAt = Pending, target, at
	}
}

// State is the rule's state: its worst instance's, Normal without any.
func (t *Tracker) State() State {
	worst := Normal
	for _, inst := range t.instances {
		if severity[inst.state] > severity[worst] {
			worst = inst.state
		}
	}
	return worst
}

// States lists each instance's state by its labels.
func (t *Tracker) States() map[string]State {
	out := map[string]State{}
	for k, inst := range t.instances {
		out[k] = inst.state
	}
	return out
}
