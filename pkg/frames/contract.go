package frames

import (
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/slo"
)

// Frame names.
const (
	FrameAlerts           = "alerts"
	FrameSLO              = "slo"
	FrameSLOTrend         = "slo_trend"
	FrameOncallNow        = "oncall_now"
	FrameOncallShifts     = "oncall_shifts"
	FrameOncallEscalation = "oncall_escalation"
	FrameEscalationPolicy = "escalation_policy"
)

// Field names of the alerts frame. The alert timeline panel and Grafana's
// annotation mapping read them: "time", "timeEnd", "title" and "text" are
// the names Grafana maps to annotations without configuration.
const (
	FieldTime            = "time"
	FieldTimeEnd         = "timeEnd"
	FieldID              = "id"
	FieldRule            = "rule"
	FieldTitle           = "title"
	FieldSeverity        = "severity"
	FieldStatus          = "status"
	FieldText            = "text"
	FieldMetric          = "metric"
	FieldValue           = "value"
	FieldThreshold       = "threshold"
	FieldAcknowledgedAt  = "acknowledged_at"
	FieldEscalationLevel = "escalation_level"
	FieldService         = "service"
	FieldLabels          = "labels"
	FieldRunbookURL      = "runbook_url"
)

// Field names of the SLO frames.
const (
	FieldObjective              = "objective"
	FieldWindow                 = "window"
	FieldTarget                 = "target"
	FieldActual                 = "actual"
	FieldCompliant              = "compliant"
	FieldBudgetTotalMinutes     = "budget_total_minutes"
	FieldBudgetRemainingRatio   = "budget_remaining_ratio"
	FieldBudgetRemainingMinutes = "budget_remaining_minutes"
	FieldBurnRatePrefix         = "burn_rate_" // + a burn window's name (slo.BurnWindows)
	FieldFastBurn               = "fast_burn"
	FieldSlowBurn               = "slow_burn"
	FieldTimeToExhaustion       = "time_to_exhaustion_seconds"
	FieldMTBF                   = "mtbf_seconds"
	FieldMTTR                   = "mttr_seconds"
	FieldHistoryCoverage        = "history_coverage"
)

// Field names of the on-call frames.
const (
	FieldLayer                 = "layer"
	FieldName                  = "name"
	FieldContact               = "contact"
	FieldShiftStart            = "shift_start"
	FieldShiftEnd              = "shift_end"
	FieldSecondsToHandoff      = "seconds_to_handoff"
	FieldOverride              = "override"
	FieldAlertID               = "alert_id"
	FieldAlertName             = "alert_name"
	FieldStartedAt             = "started_at"
	FieldMinutesUnacknowledged = "minutes_unacknowledged"
	FieldCurrentStep           = "current_step"
	FieldNotifying             = "notifying"
	FieldNextStepAt            = "next_step_at"
	FieldStep                  = "step"
	FieldAfterMinutes          = "after_minutes"
	FieldAction                = "action"
)

// FieldSpec is one field of the contract: its name, type, and the display
// name and unit the builders set.
type FieldSpec struct {
	Name    string
	Type    data.FieldType
	Display string
	Unit    string
}

// FrameSpec is one frame of the contract: its fields in order.
type FrameSpec struct {
	Name   string
	Fields []FieldSpec
}

var (
	str      = data.FieldTypeString
	num      = data.FieldTypeFloat64
	nullNum  = data.FieldTypeNullableFloat64
	nullTime = data.FieldTypeNullableTime
	tm       = data.FieldTypeTime
	boolean  = data.FieldTypeBool
)

// Fields shared by several frames are declared once, so they cannot
// differ in type between frames.
var (
	layerField      = FieldSpec{FieldLayer, str, "Layer", ""}
	nameField       = FieldSpec{FieldName, str, "On call", ""}
	contactField    = FieldSpec{FieldContact, str, "Contact", ""}
	shiftStartField = FieldSpec{FieldShiftStart, nullTime, "Shift start", ""}
	shiftEndField   = FieldSpec{FieldShiftEnd, nullTime, "Shift end", ""}
	overrideField   = FieldSpec{FieldOverride, boolean, "Override", ""}
)

// Alerts is the alerts frame: one row per alert, oldest first.
var Alerts = FrameSpec{FrameAlerts, []FieldSpec{
	{FieldTime, tm, "Started", ""},
	{FieldTimeEnd, nullTime, "Resolved", ""},
	{FieldID, str, "", ""},
	{FieldRule, str, "", ""},
	{FieldTitle, str, "", ""},
	{FieldSeverity, str, "", ""},
	{FieldStatus, str, "", ""},
	{FieldText, str, "Description", ""},
	{FieldMetric, str, "", ""},
	{FieldValue, nullNum, "", ""},
	{FieldThreshold, nullNum, "", ""},
	{FieldAcknowledgedAt, nullTime, "Acknowledged", ""},
	{FieldEscalationLevel, data.FieldTypeInt64, "Escalation level", ""},
	{FieldService, str, "", ""},
	{FieldLabels, str, "", ""},
	{FieldRunbookURL, str, "Runbook", ""},
}}

// SLO is the "slo" frame: one row per objective, numeric-long.
var SLO = FrameSpec{FrameSLO, func() []FieldSpec {
	fs := []FieldSpec{
		{FieldObjective, str, "Objective", ""},
		{FieldTitle, str, "Title", ""},
		{FieldWindow, str, "Window", ""},
		{FieldTarget, num, "Target", "percent"},
		{FieldActual, nullNum, "Actual", "percent"},
		{FieldCompliant, data.FieldTypeNullableBool, "Compliant", ""},
		{FieldBudgetTotalMinutes, num, "Error budget", "m"},
		{FieldBudgetRemainingRatio, nullNum, "Budget remaining", "percentunit"},
		{FieldBudgetRemainingMinutes, nullNum, "Budget remaining (time)", "m"},
	}
	for _, bw := range slo.BurnWindows {
		fs = append(fs, FieldSpec{FieldBurnRatePrefix + bw.Name, nullNum, "Burn rate " + bw.Name, "none"})
	}
	return append(fs,
		FieldSpec{FieldFastBurn, nullNum, "Fast burn (page)", "none"},
		FieldSpec{FieldSlowBurn, nullNum, "Slow burn (ticket)", "none"},
		FieldSpec{FieldTimeToExhaustion, nullNum, "Time to exhaustion", "s"},
		FieldSpec{FieldMTBF, nullNum, "MTBF", "s"},
		FieldSpec{FieldMTTR, nullNum, "MTTR", "s"},
		FieldSpec{FieldHistoryCoverage, num, "History coverage", "percentunit"},
	)
}()}

// SLOTrend is one "slo_trend" frame per objective (timeseries-multi; the
// value field is labelled {objective: id} and displayed by its title).
var SLOTrend = FrameSpec{FrameSLOTrend, []FieldSpec{
	{FieldTime, tm, "", ""},
	{FieldValue, nullNum, "", "percent"},
}}

// OncallNow is "oncall_now": one row per layer; a layer with nobody on
// call has an empty name and null times.
var OncallNow = FrameSpec{FrameOncallNow, []FieldSpec{
	layerField, nameField, contactField, shiftStartField, shiftEndField,
	{FieldSecondsToHandoff, nullNum, "Time to handoff", "s"},
	overrideField,
}}

// OncallShifts is "oncall_shifts": the next shifts per layer in time order.
var OncallShifts = FrameSpec{FrameOncallShifts, []FieldSpec{
	layerField, nameField, contactField, shiftStartField, shiftEndField, overrideField,
}}

// OncallEscalation is "oncall_escalation": one row per active
// unacknowledged alert.
var OncallEscalation = FrameSpec{FrameOncallEscalation, []FieldSpec{
	{FieldAlertID, str, "Alert ID", ""},
	{FieldAlertName, str, "Alert", ""},
	{FieldSeverity, str, "Severity", ""},
	{FieldStartedAt, tm, "Started", ""},
	{FieldMinutesUnacknowledged, num, "Unacknowledged for", "m"},
	{FieldCurrentStep, num, "Escalation step", "none"},
	{FieldNotifying, str, "Notifying", ""},
	{FieldNextStepAt, nullTime, "Next step at", ""},
}}

// EscalationPolicy is "escalation_policy": one row per step.
var EscalationPolicy = FrameSpec{FrameEscalationPolicy, []FieldSpec{
	{FieldStep, num, "Step", "none"},
	{FieldAfterMinutes, num, "After", "m"},
	{FieldTarget, str, "Target", ""},
	{FieldAction, str, "Action", ""},
}}

// Contract lists every frame of the contract (the generated TypeScript
// and the golden checks read it).
var Contract = []FrameSpec{Alerts, SLO, SLOTrend, OncallNow, OncallShifts, OncallEscalation, EscalationPolicy, FleetHealth, FleetComponents, FleetUptime}

// build makes a frame of spec from its columns, in the spec's order. A
// column of another type than the spec says is a programming error, so it
// panics (every builder runs in the tests).
func build(spec FrameSpec, columns ...any) *data.Frame {
	if len(columns) != len(spec.Fields) {
		panic(fmt.Sprintf("frame %s: %d columns for %d fields", spec.Name, len(columns), len(spec.Fields)))
	}
	f := data.NewFrame(spec.Name)
	for i, fs := range spec.Fields {
		field := data.NewField(fs.Name, nil, columns[i])
		if field.Type() != fs.Type {
			panic(fmt.Sprintf("frame %s field %s: built as %s, the contract says %s", spec.Name, fs.Name, field.Type(), fs.Type))
		}
		if fs.Display != "" || fs.Unit != "" {
			// The display name is "from the data source", so users can still rename fields in a panel.
			field.SetConfig(&data.FieldConfig{DisplayNameFromDS: fs.Display, Unit: fs.Unit})
		}
		f.Fields = append(f.Fields, field)
	}
	return f
}
