package oncall

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseWeeks(t *testing.T) {
	tests := []struct {
		raw  string
		want int
		err  bool
	}{
		{"", DefaultWeeks, false}, {" 2 ", 2, false}, {"52", 52, false},
		{"0", 0, true}, {"53", 0, true}, {"-1", 0, true}, {"two", 0, true}, {"1.5", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseWeeks(tc.raw)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseWeeks(%q) = %d, %v", tc.raw, got, err)
		}
		if err != nil && !strings.Contains(err.Error(), "weeks must be a whole number from 1 to 52") {
			t.Errorf("unclear error %q", err)
		}
	}
}

func TestViewWeeks(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[
		{"name":"primary","members":[{"name":"A","contact":"a@example.com"},{"name":"B"}],"time_zone":"Europe/Berlin"},
		{"name":"empty","members":[]}],
		"escalation":[{"after_minutes":0,"action":"notify","layer":"primary"}]}}`)
	v := s.ViewWeeks(utc("2025-03-26T12:00:00Z"), 2)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		From   string `json:"from"`
		To     string `json:"to"`
		Layers []struct {
			Name     string `json:"name"`
			TimeZone string `json:"time_zone"`
			Shifts   []struct {
				Name, Contact, Start, End string
				Override                  bool
			} `json:"shifts"`
		} `json:"layers"`
		Escalation []map[string]any `json:"escalation"`
		Warnings   []string         `json:"warnings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.From != "2025-03-26T12:00:00Z" || doc.To != "2025-04-09T12:00:00Z" {
		t.Errorf("range %s .. %s", doc.From, doc.To)
	}
	if len(doc.Layers) != 2 || doc.Layers[0].TimeZone != "Europe/Berlin" {
		t.Fatalf("layers = %+v", doc.Layers)
	}
	sh := doc.Layers[0].Shifts
	// Shifts overlapping the two weeks: the current one and two more, the
	// DST week 167 hours long (08:00Z -> 07:00Z).
	if len(sh) != 3 || sh[0].Start != "2025-03-24T08:00:00Z" || sh[0].End != "2025-03-31T07:00:00Z" || sh[2].End != "2025-04-14T07:00:00Z" {
		t.Errorf("shifts = %+v", sh)
	}
	if doc.Layers[1].Shifts == nil || len(doc.Layers[1].Shifts) != 0 {
		t.Errorf("an empty layer has an empty shifts array, got %v", doc.Layers[1].Shifts)
	}
	if len(doc.Escalation) != 1 || doc.Escalation[0]["target"] != "primary" || doc.Escalation[0]["after_minutes"] != 0.0 {
		t.Errorf("escalation = %v", doc.Escalation)
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0] != "layer empty has no members" {
		t.Errorf("warnings = %v", doc.Warnings)
	}
	if !strings.Contains(string(b), `"override":false`) {
		t.Errorf("override flag missing: %s", b)
	}
}
