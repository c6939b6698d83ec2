package oncall

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frame names of the frame contract (frames.md of issue 5).
const (
	FrameNow        = "oncall_now"
	FrameShifts     = "oncall_shifts"
	FrameEscalation = "oncall_escalation"
	FramePolicy     = "escalation_policy"
)

// NowFrame builds "oncall_now": one row per layer. A layer with nobody on
// call (e.g. "layer X has no members") is a row with an empty name and null
// times, plus a warning notice.
func NowFrame(s *Schedule, t time.Time) *data.Frame {
	cur := s.Now(t)
	n := len(cur)
	layer, name, contact := make([]string, n), make([]string, n), make([]string, n)
	start, end := make([]*time.Time, n), make([]*time.Time, n)
	toHandoff := make([]*float64, n)
	override := make([]bool, n)
	var notices []data.Notice
	for i, c := range cur {
		layer[i] = c.Layer
		if c.Shift == nil {
			notices = append(notices, data.Notice{Severity: data.NoticeSeverityWarning, Text: c.Notice})
			continue
		}
		sh := c.Shift
		name[i], contact[i] = sh.Member.Name, sh.Member.Contact
		start[i], end[i] = ptr(sh.Start.UTC()), ptr(sh.End.UTC())
		toHandoff[i] = ptr(sh.End.Sub(t).Seconds())
		override[i] = sh.Override
	}
	f := data.NewFrame(FrameNow,
		field("layer", layer, "Layer", ""),
		field("name", name, "On call", ""),
		field("contact", contact, "Contact", ""),
		field("shift_start", start, "Shift start", ""),
		field("shift_end", end, "Shift end", ""),
		field("seconds_to_handoff", toHandoff, "Time to handoff", "s"),
		field("override", override, "Override", ""),
	)
	f.Meta = &data.FrameMeta{Notices: notices}
	return f
}

// ShiftsFrame builds "oncall_shifts": the next n shifts per layer in time
// order.
func ShiftsFrame(s *Schedule, t time.Time, n int) *data.Frame {
	shifts := s.Shifts(t, n)
	k := len(shifts)
	layer, name, contact := make([]string, k), make([]string, k), make([]string, k)
	start, end := make([]time.Time, k), make([]time.Time, k)
	override := make([]bool, k)
	for i, sh := range shifts {
		layer[i], name[i], contact[i] = sh.Layer, sh.Member.Name, sh.Member.Contact
		start[i], end[i] = sh.Start.UTC(), sh.End.UTC()
		override[i] = sh.Override
	}
	f := data.NewFrame(FrameShifts,
		field("layer", layer, "Layer", ""),
		field("name", name, "On call", ""),
		field("contact", contact, "Contact", ""),
		field("shift_start", start, "Shift start", ""),
		field("shift_end", end, "Shift end", ""),
		field("override", override, "Override", ""),
	)
	var empty []string
	for _, l := range s.Layers {
		if len(l.Members) == 0 {
			empty = append(empty, nobodyNotice(&l, t))
		}
	}
	f.Meta = &data.FrameMeta{Notices: noticesOf(empty)}
	return f
}

// EscalationFrame builds "oncall_escalation": one row per active
// unacknowledged alert.
func EscalationFrame(s *Schedule, alerts []Alert, t time.Time) *data.Frame {
	es := s.Escalations(alerts, t)
	n := len(es)
	id, alertName, severity := make([]string, n), make([]string, n), make([]string, n)
	started := make([]time.Time, n)
	minutes := make([]float64, n)
	step := make([]float64, n)
	notifying := make([]string, n)
	next := make([]*time.Time, n)
	for i, e := range es {
		id[i], alertName[i], severity[i] = e.Alert.ID, e.Alert.Name, e.Alert.Severity
		started[i] = e.Alert.StartedAt.UTC()
		minutes[i] = e.MinutesUnacknowledged
		step[i] = float64(e.CurrentStep)
		notifying[i] = e.Notifying
		if e.NextStepAt != nil {
			next[i] = ptr(e.NextStepAt.UTC())
		}
	}
	f := data.NewFrame(FrameEscalation,
		field("alert_id", id, "Alert ID", ""),
		field("alert_name", alertName, "Alert", ""),
		field("severity", severity, "Severity", ""),
		field("started_at", started, "Started", ""),
		field("minutes_unacknowledged", minutes, "Unacknowledged for", "m"),
		field("current_step", step, "Escalation step", "none"),
		field("notifying", notifying, "Notifying", ""),
		field("next_step_at", next, "Next step at", ""),
	)
	f.Meta = &data.FrameMeta{}
	if len(s.Escalation) == 0 {
		f.Meta.Notices = noticesOf([]string{noPolicyWarning})
	}
	return f
}

// PolicyFrame builds "escalation_policy": one row per step.
func PolicyFrame(s *Schedule) *data.Frame {
	steps := s.StepViews()
	n := len(steps)
	step, after := make([]float64, n), make([]float64, n)
	target, action := make([]string, n), make([]string, n)
	for i, st := range steps {
		step[i], after[i] = float64(st.Step), float64(st.AfterMinutes)
		target[i], action[i] = st.Target, st.Action
	}
	return data.NewFrame(FramePolicy,
		field("step", step, "Step", "none"),
		field("after_minutes", after, "After", "m"),
		field("target", target, "Target", ""),
		field("action", action, "Action", ""),
	)
}

func field(name string, values any, display, unit string) *data.Field {
	return data.NewField(name, nil, values).SetConfig(&data.FieldConfig{DisplayNameFromDS: display, Unit: unit})
}

func noticesOf(texts []string) []data.Notice {
	var out []data.Notice
	for _, t := range texts {
		out = append(out, data.Notice{Severity: data.NoticeSeverityWarning, Text: t})
	}
	return out
}

func ptr[T any](v T) *T { return &v }
