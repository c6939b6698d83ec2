package oncall

import (
	"testing"
	"time"
)

func TestEscalationSteps(t *testing.T) {
	s := DefaultSchedule()
	started := utc("2025-03-12T10:00:00Z") // primary B, secondary C that week
	a := Alert{ID: "a-1", Name: "High Error Rate", Severity: "high", Status: "firing", StartedAt: started}
	tests := []struct {
		after     time.Duration
		step      int
		notifying string
		next      string // "" for none
	}{
		{0, 0, "Engineer B (primary)", "2025-03-12T10:15:00Z"},
		{15*time.Minute - time.Nanosecond, 0, "Engineer B (primary)", "2025-03-12T10:15:00Z"},
		{15 * time.Minute, 1, "Engineer C (secondary)", "2025-03-12T10:30:00Z"},
		{30 * time.Minute, 2, "Engineering Manager", "2025-03-12T11:00:00Z"},
		{59 * time.Minute, 2, "Engineering Manager", "2025-03-12T11:00:00Z"},
		{time.Hour, 3, "incident", ""},
		{5 * time.Hour, 3, "incident", ""},
	}
	for _, tc := range tests {
		at := started.Add(tc.after)
		es := s.Escalations([]Alert{a}, at)
		if len(es) != 1 {
			t.Fatalf("%v: %d escalations", tc.after, len(es))
		}
		e := es[0]
		if e.CurrentStep != tc.step || e.Notifying != tc.notifying || e.MinutesUnacknowledged != tc.after.Minutes() {
			t.Errorf("after %v: step %d notifying %q minutes %v, want %d %q", tc.after, e.CurrentStep, e.Notifying, e.MinutesUnacknowledged, tc.step, tc.notifying)
		}
		switch {
		case tc.next == "" && e.NextStepAt != nil:
			t.Errorf("after %v: next step at %v, want none", tc.after, e.NextStepAt)
		case tc.next != "" && (e.NextStepAt == nil || !e.NextStepAt.Equal(utc(tc.next))):
			t.Errorf("after %v: next step at %v, want %s", tc.after, e.NextStepAt, tc.next)
		}
	}
}

func TestEscalationSkipsHandledAlerts(t *testing.T) {
	s := DefaultSchedule()
	now := utc("2025-03-12T12:00:00Z")
	ack := utc("2025-03-12T11:00:00Z")
	alerts := []Alert{
		{ID: "late", Status: "firing", StartedAt: utc("2025-03-12T11:50:00Z")},
		{ID: "acked", Status: "firing", StartedAt: utc("2025-03-12T10:00:00Z"), AcknowledgedAt: &ack},
		{ID: "acked-status", Status: "Acknowledged", StartedAt: utc("2025-03-12T10:00:00Z")},
		{ID: "resolved", Status: "resolved", StartedAt: utc("2025-03-12T10:00:00Z"), ResolvedAt: &ack},
		{ID: "early", Status: "firing", StartedAt: utc("2025-03-12T09:00:00Z")},
		{ID: "future", Status: "firing", StartedAt: utc("2025-03-12T12:05:00Z")},
	}
	es := s.Escalations(alerts, now)
	if len(es) != 3 || es[0].Alert.ID != "early" || es[1].Alert.ID != "late" || es[2].Alert.ID != "future" {
		t.Fatalf("escalations = %+v", es)
	}
	if f := es[2]; f.MinutesUnacknowledged != 0 || f.CurrentStep != 0 {
		t.Errorf("an alert stamped in the future has waited 0 minutes: %+v", f)
	}
}

func TestEscalationBeforeFirstStepAndWithoutPolicy(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[{"name":"primary","members":[]}],
		"escalation":[{"after_minutes":5,"action":"notify","layer":"primary"}]}}`)
	started := utc("2025-03-12T10:00:00Z")
	a := Alert{ID: "a", Status: "firing", StartedAt: started}
	e := s.Escalations([]Alert{a}, started.Add(time.Minute))[0]
	if e.CurrentStep != -1 || e.Notifying != "" || e.NextStepAt == nil || !e.NextStepAt.Equal(started.Add(5*time.Minute)) {
		t.Errorf("before the first step: %+v", e)
	}
	e = s.Escalations([]Alert{a}, started.Add(6*time.Minute))[0]
	if e.CurrentStep != 0 || e.Notifying != "nobody (layer primary has no members)" {
		t.Errorf("empty layer notified: %+v", e)
	}

	none := mustParse(t, `{"oncall":{"layers":[{"name":"primary","members":[{"name":"A"}]}]}}`)
	e = none.Escalations([]Alert{a}, started.Add(time.Hour))[0]
	if e.CurrentStep != -1 || e.NextStepAt != nil || e.Notifying != "" {
		t.Errorf("without a policy: %+v", e)
	}
}
