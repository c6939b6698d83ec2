package query

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/oncall"
)

func TestOncallQueryViews(t *testing.T) {
	fake := fakeapi.New(t)
	r := newRunner(t, fake.URL)
	r.Schedule = oncall.DefaultSchedule()
	q := func(model string) Query { return mustParse(t, "oncall", model, testNow.Add(-time.Hour), testNow) }

	now := run(t, r, q(`{}`))
	if len(now) != 1 || now[0].Name != frames.FrameOncallNow || now[0].Rows() != 2 {
		t.Fatalf("now view: %d frames", len(now))
	}
	if name, _ := now[0].FieldByName("name"); name.At(0) != "Engineer A" || name.At(1) != "Engineer B" {
		t.Fatalf("on call now: %v, %v", name.At(0), name.At(1))
	}
	if fake.Total() != 0 {
		t.Fatal("the now view needs only the settings")
	}

	shifts := run(t, r, q(`{"oncallView":"shifts","shiftCount":2}`))
	if shifts[0].Name != frames.FrameOncallShifts || shifts[0].Rows() != 4 {
		t.Fatalf("2 shifts for each of 2 layers: %d rows", shifts[0].Rows())
	}

	// The fake has a-1 firing since 11:40 (unacknowledged) and a-2
	// acknowledged: at 12:00:30, a-1 passed the 15-minute step (notify the
	// secondary) and waits for the 30-minute one.
	esc := run(t, r, q(`{"oncallView":"Escalation"}`))
	if len(esc) != 2 || esc[0].Name != frames.FrameOncallEscalation || esc[1].Name != frames.FrameEscalationPolicy {
		t.Fatalf("escalation view: %d frames", len(esc))
	}
	e := esc[0]
	id, _ := e.FieldByName("alert_id")
	step, _ := e.FieldByName("current_step")
	who, _ := e.FieldByName("notifying")
	next, _ := e.FieldByName("next_step_at")
	if e.Rows() != 1 || id.At(0) != "a-1" || step.At(0) != 1.0 || who.At(0) != "Engineer B (secondary)" ||
		!next.At(0).(*time.Time).Equal(time.Date(2025, 6, 1, 12, 10, 0, 0, time.UTC)) {
		t.Fatalf("escalation row: id %v step %v notifying %v next %v (rows %d)", id.At(0), step.At(0), who.At(0), next.At(0), e.Rows())
	}
	if esc[1].Rows() != 4 {
		t.Fatalf("policy steps = %d", esc[1].Rows())
	}
}

func TestOncallQueryErrors(t *testing.T) {
	tests := map[string]string{
		`{"queryType":"oncall","oncallView":"later"}`:   `unknown oncallView "later": use now, shifts or escalation`,
		`{"queryType":"oncall","shiftCount":-1}`:        `shiftCount -1 must be between 1 and 200`,
		`{"queryType":"oncall","shiftCount":201}`:       `shiftCount 201 must be between 1 and 200`,
		`{"queryType":"oncall","live":true}`:            `live mode streams metrics, health, uptime and dashboard queries; turn it off for oncall queries`,
		`{"queryType":"slo","objective":"[bad"}`:        `objective filter: "[bad" is not a valid pattern`,
		`{"queryType":"metrics","endpoint":"/api/[x"}`:  `endpoint filter: "/api/[x" is not a valid pattern`,
		`{"queryType":"metrics","shiftCount":-5}`:       ``, // other types ignore on-call options
		`{"queryType":"metrics","sloField":"nonsense"}`: ``,
	}
	for in, want := range tests {
		_, err := Parse(backend.DataQuery{JSON: json.RawMessage(in)})
		switch {
		case want == "" && err != nil:
			t.Errorf("Parse(%s) = %v, want no error", in, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("Parse(%s) = %v, want %q", in, err, want)
		}
	}

	fake := fakeapi.New(t)
	r := newRunner(t, fake.URL)
	if _, err := r.Run(t.Context(), mustParse(t, "oncall", `{}`, testNow, testNow)); err == nil || !strings.Contains(err.Error(), "no on-call schedule") {
		t.Fatalf("runner without a schedule: %v", err)
	}
}
