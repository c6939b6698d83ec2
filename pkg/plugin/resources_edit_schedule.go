package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/oncall"
)

// ScheduleForm is the on-call schedule as the editor shows and saves it:
// the jsonData "oncall" shape with every default filled in. Override
// times are wall-clock times in their layer's zone ("2025-03-30T09:00").
type ScheduleForm struct {
	Layers     []LayerForm    `json:"layers"`
	Overrides  []OverrideForm `json:"overrides"`
	Escalation []StepForm     `json:"escalation"`
}

// LayerForm is one rotation.
type LayerForm struct {
	Name           string          `json:"name"`
	Members        []oncall.Member `json:"members"`
	RotationLength int             `json:"rotation_length"`
	RotationUnit   string          `json:"rotation_unit"`
	HandoffWeekday string          `json:"handoff_weekday,omitempty"`
	HandoffTime    string          `json:"handoff_time"`
	TimeZone       string          `json:"time_zone"`
	Start          string          `json:"start"`
}

// OverrideForm puts someone on call in a layer for a while.
type OverrideForm struct {
	Layer   string `json:"layer"`
	Name    string `json:"name"`
	Contact string `json:"contact"`
	Start   string `json:"start"`
	End     string `json:"end"`
}

// StepForm is one escalation step.
type StepForm struct {
	AfterMinutes int            `json:"after_minutes"`
	Action       string         `json:"action"`
	Layer        string         `json:"layer,omitempty"`
	Person       *oncall.Member `json:"person,omitempty"`
}

// ScheduleValidation answers POST /validate/schedule.
type ScheduleValidation struct {
	Errors []FieldError `json:"errors"`
	// Schedule is the form as the data source reads it; null with errors.
	Schedule *ScheduleForm `json:"schedule"`
	// Preview is the next four weeks of shifts and the escalation policy,
	// as GET /oncall/schedule would answer after saving.
	Preview *oncall.View `json:"preview"`
}

// previewWeeks is how far ahead the schedule preview looks.
const previewWeeks = 4

// validateSchedule serves POST /validate/schedule.
func (d *Datasource) validateSchedule(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Schedule json.RawMessage `json:"schedule"`
	}
	if !readEditBody(w, r, &req, `{"schedule": {"layers": [...], "overrides": [...], "escalation": [...]}}`) {
		return
	}
	out := ScheduleValidation{Errors: []FieldError{}}
	s, err := oncall.ParseSchedule(jsonDataWith(oncall.JSONDataKey, req.Schedule))
	var ce *oncall.ConfigError
	switch {
	case errors.As(err, &ce):
		out.Errors = formErrors(ce.Fields(), oncall.JSONDataKey, "", "schedule")
	case err != nil:
		out.Errors = append(out.Errors, FieldError{Field: "schedule", Message: err.Error()})
	default:
		out.Schedule = scheduleForm(s)
		v := s.ViewWeeks(d.now(), previewWeeks)
		out.Preview = &v
	}
	writeJSON(w, http.StatusOK, out)
}

// now is the instance's clock (tests pin it through the runner).
func (d *Datasource) now() time.Time {
	if d.runner != nil {
		return d.runner.CurrentTime()
	}
	return time.Now()
}

// scheduleForm writes a validated schedule back in the jsonData shape; it
// reads back as the same schedule.
func scheduleForm(s *oncall.Schedule) *ScheduleForm {
	f := &ScheduleForm{Layers: []LayerForm{}, Overrides: []OverrideForm{}, Escalation: []StepForm{}}
	zones := map[string]*time.Location{}
	for _, l := range s.Layers {
		zones[l.Name] = l.Location
		lf := LayerForm{
			Name: l.Name, Members: append([]oncall.Member{}, l.Members...), RotationLength: l.RotationLength,
			RotationUnit: string(l.RotationUnit), HandoffTime: fmt.Sprintf("%02d:%02d", l.HandoffHour, l.HandoffMinute),
			TimeZone: l.Location.String(), Start: l.Anchor.In(l.Location).Format(time.DateOnly),
		}
		if l.RotationUnit == oncall.UnitWeeks {
			lf.HandoffWeekday = strings.ToLower(l.HandoffWeekday.String())
		}
		f.Layers = append(f.Layers, lf)
	}
	for _, o := range s.Overrides {
		loc := zones[o.Layer]
		if loc == nil {
			loc = time.UTC
		}
		f.Overrides = append(f.Overrides, OverrideForm{Layer: o.Layer, Name: o.Member.Name, Contact: o.Member.Contact,
			Start: wallTime(o.Start, loc), End: wallTime(o.End, loc)})
	}
	for _, st := range s.Escalation {
		sf := StepForm{AfterMinutes: st.AfterMinutes, Action: string(st.Action), Layer: st.Layer}
		if st.Person != nil {
			p := *st.Person
			sf.Person = &p
		}
		f.Escalation = append(f.Escalation, sf)
	}
	return f
}

// wallTime is t on the wall clock of loc, in the form the editor's
// date-time fields use. A time a DST change makes ambiguous keeps its
// offset so it reads back as the same instant.
func wallTime(t time.Time, loc *time.Location) string {
	local := t.In(loc)
	layout := "2006-01-02T15:04"
	if local.Second() != 0 {
		layout = "2006-01-02T15:04:05"
	}
	s := local.Format(layout)
	if back, err := time.ParseInLocation(layout, s, loc); err != nil || !back.Equal(t.Truncate(time.Second)) {
		return t.Format(time.RFC3339)
	}
	return s
}
