package frames

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/oncall"
)

// OncallNowFrame builds "oncall_now": one row per layer. A layer with
// nobody on call (e.g. "layer X has no members") is a row with an empty
// name and null times, plus a warning notice.
func OncallNowFrame(s *oncall.Schedule, t time.Time) *data.Frame {
	cur := s.Now(t)
	n := len(cur)
	layer, name, contact := make([]string, n), make([]string, n), make([]string, n)
	start, end := make([]*time.Time, n), make([]*time.Time, n)
	toHandoff := make([]*float64, n)
	override := make([]bool, n)
	var notices []string
	for i, c := range cur {
		layer[i] = c.Layer
		if c.Shift == nil {
			notices = append(notices, c.Notice)
			continue
		}
		sh := c.Shift
		name[i], contact[i] = sh.Member.Name, sh.Member.Contact
		start[i], end[i] = ptr(sh.Start.UTC()), ptr(sh.End.UTC())
		toHandoff[i] = ptr(sh.End.Sub(t).Seconds())
		override[i] = sh.Override
	}
	f := build(OncallNow, layer, name, contact, start, end, toHandoff, override)
	f.Meta = &data.FrameMeta{Notices: warnings(notices)}
	return f
}

// OncallShiftsFrame builds "oncall_shifts": the next n shifts per layer in
// time order.
func OncallShiftsFrame(s *oncall.Schedule, t time.Time, n int) *data.Frame {
	shifts := s.Shifts(t, n)
	k := len(shifts)
	layer, name, contact := make([]string, k), make([]string, k), make([]string, k)
	start, end := make([]*time.Time, k), make([]*time.Time, k)
	override := make([]bool, k)
	for i, sh := range shifts {
		layer[i], name[i], contact[i] = sh.Layer, sh.Member.Name, sh.Member.Contact
		start[i], end[i] = ptr(sh.Start.UTC()), ptr(sh.End.UTC())
		override[i] = sh.Override
	}
	f := build(OncallShifts, layer, name, contact, start, end, override)
	f.Meta = &data.FrameMeta{Notices: warnings(s.EmptyLayerNotices(t))}
	return f
}

// OncallEscalationFrame builds "oncall_escalation": one row per active
// unacknowledged alert.
func OncallEscalationFrame(s *oncall.Schedule, alerts []oncall.Alert, t time.Time) *data.Frame {
	es := s.Escalations(alerts, t)
	n := len(es)
	id, alertName, severity := make([]string, n), make([]string, n), make([]string, n)
	started := make([]time.Time, n)
	minutes, step := make([]float64, n), make([]float64, n)
	notifying := make([]string, n)
	next := make([]*time.Time, n)
	for i, e := range es {
		id[i], alertName[i], severity[i] = e.Alert.ID, e.Alert.Name, e.Alert.Severity
		started[i] = e.Alert.StartedAt.UTC()
		minutes[i], step[i] = e.MinutesUnacknowledged, float64(e.CurrentStep)
		notifying[i] = e.Notifying
		if e.NextStepAt != nil {
			next[i] = ptr(e.NextStepAt.UTC())
		}
	}
	f := build(OncallEscalation, id, alertName, severity, started, minutes, step, notifying, next)
	f.Meta = &data.FrameMeta{Notices: warnings(s.PolicyNotices())}
	return f
}

// EscalationPolicyFrame builds "escalation_policy": one row per step.
func EscalationPolicyFrame(s *oncall.Schedule) *data.Frame {
	steps := s.StepViews()
	n := len(steps)
	step, after := make([]float64, n), make([]float64, n)
	target, action := make([]string, n), make([]string, n)
	for i, st := range steps {
		step[i], after[i] = float64(st.Step), float64(st.AfterMinutes)
		target[i], action[i] = st.Target, st.Action
	}
	return build(EscalationPolicy, step, after, target, action)
}

func ptr[T any](v T) *T { return &v }
