package oncall

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Current is who is on call in one layer at a time.
type Current struct {
	Layer  string
	Shift  *Shift // nil when nobody is on call
	Notice string // why nobody is on call; "" otherwise
}

// Now returns who is on call in every layer at t, in layer order. A layer
// without anyone on call gets a Current with a nil Shift and a notice.
func (s *Schedule) Now(t time.Time) []Current {
	out := make([]Current, 0, len(s.Layers))
	for i := range s.Layers {
		l := &s.Layers[i]
		c := Current{Layer: l.Name}
		if sh, ok := s.At(l, t); ok {
			c.Shift = &sh
		} else {
			c.Notice = nobodyNotice(l, t)
		}
		out = append(out, c)
	}
	return out
}

func nobodyNotice(l *Layer, t time.Time) string {
	switch {
	case len(l.Members) == 0:
		return fmt.Sprintf("layer %s has no members", l.Name)
	case t.Before(l.Anchor):
		return fmt.Sprintf("layer %s starts at %s", l.Name, l.Anchor.In(l.Location).Format(time.RFC3339))
	default:
		return fmt.Sprintf("nobody is on call in layer %s", l.Name)
	}
}

// DefaultShiftCount is the number of shifts per layer when a query gives none.
const DefaultShiftCount = 8

// MaxShiftCount bounds shiftCount in queries.
const MaxShiftCount = 200

// Shifts returns up to n shifts per layer that have not ended at t (the
// current one first), all layers together in time order (layer order for
// equal starts).
func (s *Schedule) Shifts(t time.Time, n int) []Shift {
	n = min(n, MaxShiftCount)
	var out []Shift
	order := map[string]int{}
	for i := range s.Layers {
		order[s.Layers[i].Name] = i
		out = append(out, s.Next(&s.Layers[i], t, n)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return order[out[i].Layer] < order[out[j].Layer]
	})
	return out
}

// Week bounds of the schedule resource call.
const (
	DefaultWeeks = 4
	MaxWeeks     = 52
)

// ParseWeeks reads the "weeks" parameter of /oncall/schedule ("" means
// DefaultWeeks).
func ParseWeeks(raw string) (int, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DefaultWeeks, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > MaxWeeks {
		return 0, fmt.Errorf("weeks must be a whole number from 1 to %d, got %q", MaxWeeks, raw)
	}
	return n, nil
}

// View is the JSON body of the /oncall/schedule resource call: every
// layer's shifts in [from, to) plus the escalation policy. Times are UTC;
// each layer names the zone its handoffs follow.
type View struct {
	From       time.Time   `json:"from"`
	To         time.Time   `json:"to"`
	Layers     []LayerView `json:"layers"`
	Escalation []StepView  `json:"escalation"`
	Warnings   []string    `json:"warnings"`
}

// LayerView is one layer of a View.
type LayerView struct {
	Name           string      `json:"name"`
	TimeZone       string      `json:"time_zone"`
	RotationLength int         `json:"rotation_length"`
	RotationUnit   string      `json:"rotation_unit"`
	Shifts         []ShiftView `json:"shifts"`
}

// ShiftView is one shift of a LayerView.
type ShiftView struct {
	Name     string    `json:"name"`
	Contact  string    `json:"contact"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Override bool      `json:"override"`
}

// StepView is one escalation step, numbered from 0.
type StepView struct {
	Step         int    `json:"step"`
	AfterMinutes int    `json:"after_minutes"`
	Target       string `json:"target"`
	Action       string `json:"action"`
}

// ViewWeeks builds the schedule for the weeks starting at t. Slices are
// never nil so the JSON always has arrays.
func (s *Schedule) ViewWeeks(t time.Time, weeks int) View {
	weeks = max(1, min(weeks, MaxWeeks))
	to := t.Add(time.Duration(weeks) * 7 * 24 * time.Hour)
	v := View{From: t.UTC(), To: to.UTC(), Layers: []LayerView{}, Escalation: s.StepViews(), Warnings: append([]string{}, s.Warnings...)}
	for i := range s.Layers {
		l := &s.Layers[i]
		lv := LayerView{Name: l.Name, TimeZone: l.Location.String(), RotationLength: l.RotationLength, RotationUnit: string(l.RotationUnit), Shifts: []ShiftView{}}
		for _, sh := range s.Timeline(l, t, to) {
			lv.Shifts = append(lv.Shifts, ShiftView{Name: sh.Member.Name, Contact: sh.Member.Contact,
				Start: sh.Start.UTC(), End: sh.End.UTC(), Override: sh.Override})
		}
		v.Layers = append(v.Layers, lv)
	}
	return v
}

// StepViews lists the escalation policy.
func (s *Schedule) StepViews() []StepView {
	out := make([]StepView, 0, len(s.Escalation))
	for i, st := range s.Escalation {
		out = append(out, StepView{Step: i, AfterMinutes: st.AfterMinutes, Target: st.Target(), Action: string(st.Action)})
	}
	return out
}
