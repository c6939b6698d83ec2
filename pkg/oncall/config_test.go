package oncall

import (
	"strings"
	"testing"
	"time"
)

func TestParseScheduleDefaults(t *testing.T) {
	for _, js := range []string{``, `{}`, `{"slos":[]}`, `{"oncall":null}`} {
		s, err := ParseSchedule([]byte(js))
		if err != nil {
			t.Fatalf("%q: %v", js, err)
		}
		if len(s.Layers) != 2 || s.Layers[0].Name != "primary" || s.Layers[1].Name != "secondary" {
			t.Fatalf("%q: layers %+v", js, s.Layers)
		}
		l := s.Layers[0]
		if l.RotationUnit != UnitWeeks || l.RotationLength != 1 || l.HandoffWeekday != time.Monday || l.HandoffHour != 9 || l.Location != time.UTC {
			t.Errorf("default layer = %+v", l)
		}
		var after []int
		for _, st := range s.Escalation {
			after = append(after, st.AfterMinutes)
		}
		if len(after) != 4 || after[1] != 15 || after[2] != 30 || after[3] != 60 || s.Escalation[3].Action != ActionStartIncident {
			t.Errorf("default escalation = %+v", s.Escalation)
		}
		if len(s.Warnings) != 0 {
			t.Errorf("warnings = %v", s.Warnings)
		}
	}
}

func TestParseScheduleValid(t *testing.T) {
	s := mustParse(t, `{"url":"ignored","oncall":{
		"layers":[
			{"name":"primary","members":[{"name":" Ana ","contact":"+49 30 1234"}],"rotation_length":2,"rotation_unit":"Weeks",
			 "handoff_weekday":"Wed","handoff_time":"17:30","time_zone":"Europe/Berlin","start":"2025-03-01"},
			{"name":"ops","members":[{"name":"Bo"}],"rotation_unit":"days","rotation_length":3,"handoff_time":"08:00"}],
		"overrides":[{"layer":"primary","name":"Cy","start":"2025-03-30T09:00","end":"2025-03-31T09:00:00+02:00"}],
		"escalation":[
			{"after_minutes":0,"action":"notify","layer":"primary"},
			{"after_minutes":10,"action":"notify","person":{"name":"Lead","contact":"lead@example.com"}},
			{"after_minutes":45,"action":"start_incident"}]}}`)
	p := s.Layers[0]
	if p.Members[0].Name != "Ana" || p.RotationLength != 2 || p.HandoffWeekday != time.Wednesday || p.HandoffHour != 17 || p.HandoffMinute != 30 {
		t.Errorf("primary = %+v", p)
	}
	// 2025-03-01 is a Saturday: the first Wednesday 17:30 Berlin on or after it.
	if !p.Anchor.Equal(utc("2025-03-05T16:30:00Z")) {
		t.Errorf("anchor = %v", p.Anchor.UTC())
	}
	ops := s.Layers[1]
	if ops.Anchor.UTC() != utc("2025-01-06T08:00:00Z") || ops.RotationUnit != UnitDays {
		t.Errorf("ops = %+v (default start date, handoff time)", ops)
	}
	o := s.Overrides[0]
	// A local time is read in the layer's zone; "2025-03-30T09:00" Berlin is CEST.
	if !o.Start.Equal(utc("2025-03-30T07:00:00Z")) || !o.End.Equal(utc("2025-03-31T07:00:00Z")) {
		t.Errorf("override [%v, %v)", o.Start.UTC(), o.End.UTC())
	}
	if got := []string{s.Escalation[0].Target(), s.Escalation[1].Target(), s.Escalation[2].Target()}; strings.Join(got, ",") != "primary,Lead,incident" {
		t.Errorf("targets = %v", got)
	}
}

func TestParseScheduleErrors(t *testing.T) {
	layer := `{"name":"primary","members":[{"name":"A"}]}`
	tests := []struct {
		name string
		js   string
		want []string
	}{
		{"jsonData not an object", `"x"`, []string{"jsonData is not a JSON object"}},
		{"oncall not an object", `{"oncall":[1]}`, []string{"must be an object like"}},
		{"misspelt key", `{"oncall":{"layer":[]}}`, []string{`unknown field "layer"`}},
		{"missing layer name", `{"oncall":{"layers":[{"members":[]}]}}`, []string{"oncall.layers[0].name: is required"}},
		{"duplicate layer", `{"oncall":{"layers":[` + layer + `,` + layer + `]}}`, []string{`oncall.layers[1].name: "primary" is already used by layers[0]`}},
		{"member without name", `{"oncall":{"layers":[{"name":"p","members":[{"contact":"x"}]}]}}`, []string{"oncall.layers[0].members[0].name: is required"}},
		{"bad unit", `{"oncall":{"layers":[{"name":"p","rotation_unit":"months"}]}}`, []string{`oncall.layers[0].rotation_unit: "months" is not supported`}},
		{"zero length", `{"oncall":{"layers":[{"name":"p","rotation_length":0}]}}`, []string{"oncall.layers[0].rotation_length: 0 must be between 1 and 52 weeks"}},
		{"weekday on a daily rotation", `{"oncall":{"layers":[{"name":"p","rotation_unit":"days","handoff_weekday":"monday"}]}}`, []string{"handoff_weekday: only weekly rotations"}},
		{"bad weekday", `{"oncall":{"layers":[{"name":"p","handoff_weekday":"funday"}]}}`, []string{`"funday" is not a weekday`}},
		{"bad time", `{"oncall":{"layers":[{"name":"p","handoff_time":"9am"}]}}`, []string{`oncall.layers[0].handoff_time: "9am" is not a 24-hour time`}},
		{"bad zone", `{"oncall":{"layers":[{"name":"p","time_zone":"Moon/Base"}]}}`, []string{`oncall.layers[0].time_zone: "Moon/Base" is not an IANA time zone`}},
		{"bad start", `{"oncall":{"layers":[{"name":"p","start":"06/01/2025"}]}}`, []string{`oncall.layers[0].start: "06/01/2025" is not a date`}},
		{"override of unknown layer", `{"oncall":{"layers":[` + layer + `],"overrides":[{"layer":"nope","name":"X","start":"2025-01-01T00:00:00Z","end":"2025-01-02T00:00:00Z"}]}}`, []string{`oncall.overrides[0].layer: no layer is named "nope"`}},
		{"override ends before it starts", `{"oncall":{"layers":[` + layer + `],"overrides":[{"layer":"primary","name":"X","start":"2025-01-02T00:00:00Z","end":"2025-01-01T00:00:00Z"}]}}`, []string{"oncall.overrides[0].end: must be after start"}},
		{"override bad time", `{"oncall":{"layers":[` + layer + `],"overrides":[{"layer":"primary","name":"X","start":"tomorrow","end":"2025-01-01T00:00:00Z"}]}}`, []string{`oncall.overrides[0].start: "tomorrow" is not a time`}},
		{"override too long", `{"oncall":{"layers":[` + layer + `],"overrides":[{"layer":"primary","name":"X","start":"2025-01-01T00:00:00Z","end":"2027-01-01T00:00:00Z"}]}}`, []string{"at most 366 days"}},
		{"step without after_minutes", `{"oncall":{"layers":[` + layer + `],"escalation":[{"action":"notify","layer":"primary"}]}}`, []string{"oncall.escalation[0].after_minutes: is required"}},
		{"steps out of order", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":30,"action":"start_incident"},{"after_minutes":15,"action":"notify","layer":"primary"}]}}`, []string{"oncall.escalation[1].after_minutes: 15 must be greater than the previous step's 30"}},
		{"unknown action", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":0,"action":"call"}]}}`, []string{`oncall.escalation[0].action: "call" is not supported`}},
		{"notify nobody", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":0,"action":"notify"}]}}`, []string{`oncall.escalation[0]: a notify step needs "layer"`}},
		{"notify both", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":0,"action":"notify","layer":"primary","person":{"name":"P"}}]}}`, []string{"notify either a layer or a person, not both"}},
		{"notify unknown layer", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":0,"action":"notify","layer":"tertiary"}]}}`, []string{`oncall.escalation[0].layer: no layer is named "tertiary"`}},
		{"incident with a target", `{"oncall":{"layers":[` + layer + `],"escalation":[{"after_minutes":0,"action":"start_incident","layer":"primary"}]}}`, []string{"a start_incident step has no layer or person"}},
		{"a broken layer is reported once, not again by references",
			`{"oncall":{"layers":[{"name":"primary","time_zone":"Bad/Zone"}],"escalation":[{"after_minutes":0,"action":"notify","layer":"primary"}]}}`,
			[]string{"oncall.layers[0].time_zone"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSchedule([]byte(tc.js))
			if err == nil {
				t.Fatal("no error")
			}
			if !IsConfigError(err) {
				t.Errorf("%T is not a ConfigError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if strings.Contains(tc.name, "reported once") && strings.Contains(err.Error(), "no layer is named") {
				t.Errorf("cascading error: %v", err)
			}
		})
	}
}

func TestParseScheduleWarnings(t *testing.T) {
	s := mustParse(t, `{"oncall":{}}`)
	if strings.Join(s.Warnings, "|") != "the on-call schedule has no layers|"+noPolicyWarning {
		t.Errorf("warnings = %v", s.Warnings)
	}
}
