package oncall

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// JSONDataKey is the key of the schedule in the data source's jsonData.
const JSONDataKey = "oncall"

// Bounds on the configuration: generous for real teams, small enough that
// a typo cannot make a query compute millions of shifts.
const (
	MaxLayers       = 20
	MaxMembers      = 100
	MaxOverrides    = 500
	MaxSteps        = 20
	MaxAfterMinutes = 7 * 24 * 60
	MaxOverrideSpan = 366 * 24 * time.Hour
	maxNameLength   = 100
)

var maxRotation = map[RotationUnit]int{UnitWeeks: 52, UnitDays: 366, UnitHours: 24 * 366}

// ConfigError lists every problem in the "oncall" configuration, each with
// its path (e.g. `oncall.layers[0].handoff_time`).
type ConfigError struct{ Problems []string }

func (e *ConfigError) Error() string {
	return "on-call configuration (jsonData." + JSONDataKey + "): " + strings.Join(e.Problems, "; ")
}

// IsConfigError tells configuration problems from other failures.
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

type scheduleJSON struct {
	Layers     []layerJSON    `json:"layers"`
	Overrides  []overrideJSON `json:"overrides"`
	Escalation []stepJSON     `json:"escalation"`
}

type layerJSON struct {
	Name           string   `json:"name"`
	Members        []Member `json:"members"`
	RotationLength *int     `json:"rotation_length"`
	RotationUnit   string   `json:"rotation_unit"`
	HandoffWeekday string   `json:"handoff_weekday"`
	HandoffTime    string   `json:"handoff_time"`
	TimeZone       string   `json:"time_zone"`
	Start          string   `json:"start"`
}

type overrideJSON struct {
	Layer   string `json:"layer"`
	Name    string `json:"name"`
	Contact string `json:"contact"`
	Start   string `json:"start"`
	End     string `json:"end"`
}

type stepJSON struct {
	AfterMinutes *int    `json:"after_minutes"`
	Action       string  `json:"action"`
	Layer        string  `json:"layer"`
	Person       *Member `json:"person"`
}

// ParseSchedule reads the schedule from the whole jsonData object. Without
// an "oncall" key (or with null) it returns DefaultSchedule. Inside
// "oncall", a missing section is empty: no layers, overrides or escalation.
func ParseSchedule(jsonData []byte) (*Schedule, error) {
	raw, err := jsondata.Section(jsonData, JSONDataKey)
	if err != nil {
		return nil, &ConfigError{Problems: []string{err.Error()}}
	}
	if raw == nil {
		return DefaultSchedule(), nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a misspelt key must not silently become a default
	var js scheduleJSON
	if err := dec.Decode(&js); err != nil {
		return nil, &ConfigError{Problems: []string{fmt.Sprintf(
			`must be an object like {"layers":[...],"overrides":[...],"escalation":[...]}: %v`, err)}}
	}
	v := validator{}
	s := &Schedule{}
	v.layers(s, js.Layers)
	v.overrides(s, js.Overrides)
	v.escalation(s, js.Escalation)
	if len(v.problems) > 0 {
		return nil, &ConfigError{Problems: v.problems}
	}
	s.Warnings = warnings(s)
	return s, nil
}

const noPolicyWarning = "the on-call schedule has no escalation policy: unacknowledged alerts are not escalated"

// warnings lists what works but deserves attention.
func warnings(s *Schedule) []string {
	var out []string
	for _, l := range s.Layers {
		if len(l.Members) == 0 {
			out = append(out, fmt.Sprintf("layer %s has no members", l.Name))
		}
	}
	if len(s.Layers) == 0 {
		out = append(out, "the on-call schedule has no layers")
	}
	if len(s.Escalation) == 0 {
		out = append(out, noPolicyWarning)
	}
	return out
}

type validator struct {
	problems []string
	// declared holds every layer name in the file, valid or not, so a
	// broken layer is reported once and not again by each reference to it.
	declared map[string]bool
}

// layerRef resolves a reference to a layer. A name that is not declared
// at all is a problem; a declared but invalid layer was already reported.
func (v *validator) layerRef(s *Schedule, path, name string) (*Layer, bool) {
	if l, ok := s.Layer(name); ok {
		return l, true
	}
	if !v.declared[name] {
		v.addf(path, "no layer is named %q", name)
	}
	return nil, false
}

func (v *validator) addf(path, format string, args ...any) {
	v.problems = append(v.problems, JSONDataKey+"."+path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) layers(s *Schedule, items []layerJSON) {
	if len(items) > MaxLayers {
		v.addf("layers", "has %d layers; at most %d are supported", len(items), MaxLayers)
		return
	}
	seen := map[string]int{}
	v.declared = map[string]bool{}
	for _, j := range items {
		v.declared[strings.TrimSpace(j.Name)] = true
	}
	for i, j := range items {
		p := fmt.Sprintf("layers[%d]", i)
		l, ok := v.layer(p, j)
		if !ok {
			continue
		}
		if prev, dup := seen[l.Name]; dup {
			v.addf(p+".name", "%q is already used by layers[%d]; layer names must be unique", l.Name, prev)
			continue
		}
		seen[l.Name] = i
		s.Layers = append(s.Layers, l)
	}
}

func (v *validator) layer(p string, j layerJSON) (Layer, bool) {
	before := len(v.problems)
	l := Layer{Name: strings.TrimSpace(j.Name), RotationLength: 1, RotationUnit: UnitWeeks, HandoffWeekday: time.Monday, HandoffHour: 9, Location: time.UTC}
	v.name(p+".name", l.Name)
	if len(j.Members) > MaxMembers {
		v.addf(p+".members", "has %d members; at most %d are supported", len(j.Members), MaxMembers)
	}
	for k, m := range j.Members {
		m.Name, m.Contact = strings.TrimSpace(m.Name), strings.TrimSpace(m.Contact)
		v.name(fmt.Sprintf("%s.members[%d].name", p, k), m.Name)
		l.Members = append(l.Members, m)
	}

	if u := strings.ToLower(strings.TrimSpace(j.RotationUnit)); u != "" {
		l.RotationUnit = RotationUnit(u)
	}
	limit, ok := maxRotation[l.RotationUnit]
	if !ok {
		v.addf(p+".rotation_unit", `%q is not supported: use "weeks", "days" or "hours"`, j.RotationUnit)
	}
	if j.RotationLength != nil {
		l.RotationLength = *j.RotationLength
		if ok && (l.RotationLength < 1 || l.RotationLength > limit) {
			v.addf(p+".rotation_length", "%d must be between 1 and %d %s", l.RotationLength, limit, l.RotationUnit)
		}
	}

	if wd := strings.TrimSpace(j.HandoffWeekday); wd != "" {
		if l.RotationUnit != UnitWeeks {
			v.addf(p+".handoff_weekday", "only weekly rotations have a handoff weekday; remove it for a rotation in %s", l.RotationUnit)
		} else if d, ok := parseWeekday(wd); ok {
			l.HandoffWeekday = d
		} else {
			v.addf(p+".handoff_weekday", "%q is not a weekday: use monday ... sunday", wd)
		}
	}
	if ht := strings.TrimSpace(j.HandoffTime); ht != "" {
		tm, err := time.Parse("15:04", ht)
		if err != nil {
			v.addf(p+".handoff_time", "%q is not a 24-hour time like \"09:00\"", ht)
		} else {
			l.HandoffHour, l.HandoffMinute = tm.Hour(), tm.Minute()
		}
	}
	if tz := strings.TrimSpace(j.TimeZone); tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			v.addf(p+".time_zone", "%q is not an IANA time zone name (e.g. \"UTC\", \"Europe/Berlin\", \"America/New_York\")", tz)
		} else {
			l.Location = loc
		}
	}
	start := DefaultStartDate
	if sd := strings.TrimSpace(j.Start); sd != "" {
		start = sd
	}
	date, err := time.ParseInLocation("2006-01-02", start, l.Location)
	if err != nil {
		v.addf(p+".start", "%q is not a date like \"2025-01-06\" (the first shift starts at the first handoff on or after it)", start)
	}
	if len(v.problems) > before {
		return Layer{}, false
	}
	l.Anchor = l.firstHandoff(date)
	return l, true
}

// firstHandoff is the first handoff on or after the start date.
func (l *Layer) firstHandoff(date time.Time) time.Time {
	day := date.Day()
	if l.RotationUnit == UnitWeeks {
		day += (int(l.HandoffWeekday) - int(date.Weekday()) + 7) % 7
	}
	return wallClock(date.Year(), date.Month(), day, l.HandoffHour, l.HandoffMinute, l.Location)
}

func (v *validator) name(path, name string) {
	switch {
	case name == "":
		v.addf(path, "is required")
	case len(name) > maxNameLength:
		v.addf(path, "is longer than %d characters", maxNameLength)
	}
}

func (v *validator) overrides(s *Schedule, items []overrideJSON) {
	if len(items) > MaxOverrides {
		v.addf("overrides", "has %d overrides; at most %d are supported (remove past ones)", len(items), MaxOverrides)
		return
	}
	for i, j := range items {
		p := fmt.Sprintf("overrides[%d]", i)
		before := len(v.problems)
		o := Override{Layer: strings.TrimSpace(j.Layer), Member: Member{Name: strings.TrimSpace(j.Name), Contact: strings.TrimSpace(j.Contact)}}
		loc := time.UTC
		if layer, ok := v.layerRef(s, p+".layer", o.Layer); ok {
			loc = layer.Location
		}
		v.name(p+".name", o.Member.Name)
		o.Start = v.timestamp(p+".start", j.Start, loc)
		o.End = v.timestamp(p+".end", j.End, loc)
		if len(v.problems) > before {
			continue
		}
		if !o.End.After(o.Start) {
			v.addf(p+".end", "must be after start (%s)", j.Start)
			continue
		}
		if o.End.Sub(o.Start) > MaxOverrideSpan {
			v.addf(p+".end", "an override may last at most 366 days; change the layer's members instead")
			continue
		}
		s.Overrides = append(s.Overrides, o)
	}
}

// timestamp reads RFC 3339, or a local "2006-01-02T15:04" in the layer's zone.
func (v *validator) timestamp(path, raw string, loc *time.Location) time.Time {
	raw = strings.TrimSpace(raw)
	if t, err := time.Parse(time.RFC3339, raw); err == nil {
		return t
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, raw, loc); err == nil {
			return wallClock(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), loc).Add(time.Duration(t.Second()) * time.Second)
		}
	}
	v.addf(path, "%q is not a time like \"2025-03-30T09:00:00Z\" or, in the layer's time zone, \"2025-03-30T09:00\"", raw)
	return time.Time{}
}

func (v *validator) escalation(s *Schedule, items []stepJSON) {
	if len(items) > MaxSteps {
		v.addf("escalation", "has %d steps; at most %d are supported", len(items), MaxSteps)
		return
	}
	last := -1
	for i, j := range items {
		p := fmt.Sprintf("escalation[%d]", i)
		before := len(v.problems)
		st := Step{Action: Action(strings.ToLower(strings.TrimSpace(j.Action))), Layer: strings.TrimSpace(j.Layer)}
		switch {
		case j.AfterMinutes == nil:
			v.addf(p+".after_minutes", "is required (minutes unacknowledged before this step; 0 for the first notification)")
		case *j.AfterMinutes < 0 || *j.AfterMinutes > MaxAfterMinutes:
			v.addf(p+".after_minutes", "%d must be between 0 and %d", *j.AfterMinutes, MaxAfterMinutes)
		case *j.AfterMinutes <= last:
			v.addf(p+".after_minutes", "%d must be greater than the previous step's %d; list steps in the order they fire", *j.AfterMinutes, last)
		default:
			st.AfterMinutes = *j.AfterMinutes
		}
		if j.Person != nil {
			st.Person = &Member{Name: strings.TrimSpace(j.Person.Name), Contact: strings.TrimSpace(j.Person.Contact)}
		}
		switch st.Action {
		case ActionNotify:
			v.notifyTarget(s, p, st)
		case ActionStartIncident:
			if st.Layer != "" || st.Person != nil {
				v.addf(p, "a start_incident step has no layer or person; add a notify step for them")
			}
		default:
			v.addf(p+".action", `%q is not supported: use "notify" or "start_incident"`, j.Action)
		}
		if len(v.problems) > before {
			continue
		}
		last = st.AfterMinutes
		s.Escalation = append(s.Escalation, st)
	}
}

func (v *validator) notifyTarget(s *Schedule, p string, st Step) {
	switch {
	case st.Layer != "" && st.Person != nil:
		v.addf(p, "notify either a layer or a person, not both")
	case st.Layer != "":
		v.layerRef(s, p+".layer", st.Layer)
	case st.Person != nil:
		v.name(p+".person.name", st.Person.Name)
	default:
		v.addf(p, `a notify step needs "layer" (e.g. "secondary") or "person" ({"name": ..., "contact": ...})`)
	}
}

func parseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || s == name[:3] {
			return d, true
		}
	}
	return 0, false
}
