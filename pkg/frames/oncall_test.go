package frames

import (
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/oncall"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func schedule(t *testing.T, js string) *oncall.Schedule {
	t.Helper()
	s, err := oncall.ParseSchedule([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOncallNowFrame(t *testing.T) {
	s := schedule(t, `{"oncall":{"layers":[{"name":"primary","members":[{"name":"A","contact":"a@example.com"}]},{"name":"backup","members":[]}],
		"overrides":[{"layer":"primary","name":"X","start":"2025-03-14T00:00:00Z","end":"2025-03-15T00:00:00Z"}]}}`)
	f := OncallNowFrame(s, utc("2025-03-14T12:00:00Z"))
	if f.Name != "oncall_now" || f.Rows() != 2 {
		t.Fatalf("%s: %d rows", f.Name, f.Rows())
	}
	if f.Fields[1].At(0) != "X" || f.Fields[6].At(0) != true || *f.Fields[5].At(0).(*float64) != 12*3600 {
		t.Errorf("row 0: %v %v %v", f.Fields[1].At(0), f.Fields[6].At(0), f.Fields[5].At(0))
	}
	if f.Fields[0].At(1) != "backup" || f.Fields[1].At(1) != "" || f.Fields[3].At(1).(*time.Time) != nil || f.Fields[5].At(1).(*float64) != nil {
		t.Errorf("empty layer row: %v %q", f.Fields[0].At(1), f.Fields[1].At(1))
	}
	if f.Meta == nil || len(f.Meta.Notices) != 1 || f.Meta.Notices[0].Text != "layer backup has no members" || f.Meta.Notices[0].Severity != data.NoticeSeverityWarning {
		t.Errorf("notices = %+v", f.Meta)
	}
}

func TestOncallShiftsFrame(t *testing.T) {
	f := OncallShiftsFrame(oncall.DefaultSchedule(), utc("2025-03-12T00:00:00Z"), 3)
	if f.Name != "oncall_shifts" || f.Rows() != 6 {
		t.Fatalf("%s: %d rows, want 3 per layer", f.Name, f.Rows())
	}
	for i := 1; i < f.Rows(); i++ {
		if f.Fields[3].At(i).(*time.Time).Before(*f.Fields[3].At(i - 1).(*time.Time)) {
			t.Errorf("row %d is out of time order", i)
		}
	}
	empty := schedule(t, `{"oncall":{"layers":[{"name":"x","members":[]}]}}`)
	ef := OncallShiftsFrame(empty, utc("2025-03-12T00:00:00Z"), 3)
	if ef.Rows() != 0 || len(ef.Meta.Notices) != 1 || ef.Meta.Notices[0].Text != "layer x has no members" {
		t.Errorf("empty layer shifts: %d rows, meta %+v", ef.Rows(), ef.Meta)
	}
}

func TestOncallEscalationFrames(t *testing.T) {
	s := oncall.DefaultSchedule()
	started := utc("2025-03-12T10:00:00Z")
	alerts := []oncall.Alert{
		{ID: "a-1", Name: "High Error Rate", Severity: "high", Status: "firing", StartedAt: started},
		{ID: "a-2", Name: "Payment Failures", Severity: "critical", Status: "firing", StartedAt: started.Add(-2 * time.Hour)},
	}
	f := OncallEscalationFrame(s, alerts, started.Add(20*time.Minute))
	if f.Name != "oncall_escalation" || f.Rows() != 2 {
		t.Fatalf("%s rows %d", f.Name, f.Rows())
	}
	if f.Fields[0].At(0) != "a-2" || f.Fields[5].At(0) != 3.0 || f.Fields[6].At(0) != "incident" || f.Fields[7].At(0).(*time.Time) != nil {
		t.Errorf("row 0: %v step %v %v %v", f.Fields[0].At(0), f.Fields[5].At(0), f.Fields[6].At(0), f.Fields[7].At(0))
	}
	if f.Fields[4].At(1) != 20.0 || f.Fields[5].At(1) != 1.0 || f.Fields[6].At(1) != "Engineer C (secondary)" || !f.Fields[7].At(1).(*time.Time).Equal(started.Add(30*time.Minute)) {
		t.Errorf("row 1: %v %v %v %v", f.Fields[4].At(1), f.Fields[5].At(1), f.Fields[6].At(1), f.Fields[7].At(1))
	}

	p := EscalationPolicyFrame(s)
	if p.Name != "escalation_policy" || p.Rows() != 4 {
		t.Fatalf("%s rows %d", p.Name, p.Rows())
	}
	wantTargets := []string{"primary", "secondary", "Engineering Manager", "incident"}
	wantActions := []string{"notify", "notify", "notify", "start_incident"}
	for i := range wantTargets {
		if p.Fields[2].At(i) != wantTargets[i] || p.Fields[3].At(i) != wantActions[i] || p.Fields[0].At(i) != float64(i) {
			t.Errorf("policy row %d: %v %v %v", i, p.Fields[0].At(i), p.Fields[2].At(i), p.Fields[3].At(i))
		}
	}

	noPolicy := schedule(t, `{"oncall":{"layers":[]}}`)
	nf := OncallEscalationFrame(noPolicy, alerts, started)
	if len(nf.Meta.Notices) != 1 || nf.Rows() != 2 || nf.Fields[5].At(0) != -1.0 {
		t.Errorf("no policy: rows %d meta %+v", nf.Rows(), nf.Meta)
	}
}
