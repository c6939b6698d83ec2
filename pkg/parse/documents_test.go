package parse

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseHealth(t *testing.T) {
	body := `{"status":"degraded","health_score":80,"timestamp":"2025-06-01T12:00:00Z","services":{
"stripe":{"status":"healthy","responseTime":230},"database":{"status":"unhealthy","responseTime":null,"error":"connection refused"}}}`
	got, err := ParseHealth([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := Health{Status: "degraded", Score: f(80), Timestamp: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), Services: []ServiceHealth{
		{Name: "database", Status: "unhealthy", Error: "connection refused"},
		{Name: "stripe", Status: "healthy", ResponseTimeMs: f(230)},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
	for body, kind := range map[string]ErrorKind{
		`{"services":{}}`:           KindShape,
		`{"status":1}`:              KindShape,
		`<html><body>502</body>`:    KindHTML,
		``:                          KindEmpty,
		`{"status":"ok","services"`: KindMalformed,
	} {
		if _, err := ParseHealth([]byte(body)); !IsKind(err, kind) {
			t.Errorf("ParseHealth(%q) err = %v, want kind %d", body, err, kind)
		}
	}
}

func TestLooksLikeHealth(t *testing.T) {
	tests := map[string]bool{
		`{"status":"unhealthy","services":{}}`:                                true,
		`{"error":{"status":503,"code":"unavailable","message":"try later"}}`: false,
		`{"error":"x","status":"unhealthy"}`:                                  false,
		`<html>`:                                                              false,
		`{"nested":{"status":"x"}}`:                                           false,
	}
	for body, want := range tests {
		if got := LooksLikeHealth([]byte(body)); got != want {
			t.Errorf("LooksLikeHealth(%s) = %v", body, got)
		}
	}
}

func TestStatusValue(t *testing.T) {
	for in, want := range map[string]*float64{"healthy": f(1), "Degraded": f(0.5), "unhealthy": f(0), " down ": f(0), "": nil, "weird": nil} {
		if d := cmp.Diff(want, StatusValue(in)); d != "" {
			t.Errorf("StatusValue(%q): %s", in, d)
		}
	}
}

func TestParseUptime(t *testing.T) {
	body := `{"status":"healthy","timestamp":"2025-06-01T12:00:00Z","uptime":{"formatted":"5d 14h 23m 45s","percentage":99.95,"seconds":484425},"sla":{"target":99.9,"compliance":{"overall":true,"uptime":true,"errorRate":false}}}`
	got, err := ParseUptime([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	tr, fa := true, false
	want := Uptime{Status: "healthy", Timestamp: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), Formatted: "5d 14h 23m 45s",
		Percentage: f(99.95), Seconds: f(484425), SLATarget: f(99.9),
		Compliance: []Compliance{{"overall", &tr}, {"uptime", &tr}, {"error_rate", &fa}}}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
	// The endpoint description's minimal example (no timestamp, no target, no seconds) parses.
	if _, err := ParseUptime([]byte(`{"status":"healthy","uptime":{"formatted":"1d","percentage":99.95},"sla":{"compliance":{"overall":true}}}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseUptime([]byte(`{"status":"healthy"}`)); !IsKind(err, KindShape) {
		t.Fatalf("missing uptime: %v", err)
	}
}

func TestParseAlerts(t *testing.T) {
	body := `{"count":2,"alerts":[
{"id":"a-2","rule":"r2","name":"","severity":"HIGH","status":"Firing","started_at":"2025-06-01T11:00:00Z","escalation_level":1e300},
{"id":"a-1","rule":"r1","name":"Rule one","severity":"critical","status":"resolved","value":"7.5","threshold":5,"started_at":"2025-06-01T10:00:00Z","acknowledged_at":"2025-06-01T10:01:00Z","resolved_at":"2025-06-01T10:30:00Z","escalation_level":2,"labels":{"service":"api"},"runbook_url":"https://r"}]}`
	got, err := ParseAlerts([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	ack, res := time.Date(2025, 6, 1, 10, 1, 0, 0, time.UTC), time.Date(2025, 6, 1, 10, 30, 0, 0, time.UTC)
	want := []Alert{
		{ID: "a-1", Rule: "r1", Name: "Rule one", Severity: "critical", Status: "resolved", Value: f(7.5), Threshold: f(5),
			StartedAt: time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC), AcknowledgedAt: &ack, ResolvedAt: &res, EscalationLevel: 2,
			Labels: map[string]string{"service": "api"}, RunbookURL: "https://r"},
		{ID: "a-2", Rule: "r2", Name: "r2", Severity: "high", Status: "firing", StartedAt: time.Date(2025, 6, 1, 11, 0, 0, 0, time.UTC), EscalationLevel: 1000},
	}
	if d := cmp.Diff(want, got.Alerts); d != "" {
		t.Fatal(d)
	}
	if _, err := ParseAlerts([]byte(`{"alerts":[{"id":"x"}]}`)); !IsKind(err, KindShape) {
		t.Fatalf("alert without started_at: %v", err)
	}
	if _, err := ParseAlerts([]byte(`{"count":0}`)); !IsKind(err, KindShape) {
		t.Fatalf("missing alerts: %v", err)
	}
}

func TestParseAlertConfig(t *testing.T) {
	body := `{"rules":[{"name":"payment_failures","title":"Payment Failures","severity":"Critical","metric":"payments.failure_rate","operator":">","threshold":1,"unit":"%","for_seconds":0,"description":"d","escalation":"immediate"}],
"channels":[{"name":"webhook","enabled":true}],"thresholds":{"B":2,"A":0.01}}`
	got, err := ParseAlertConfig([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := AlertConfig{
		Rules:      []AlertRule{{Name: "payment_failures", Title: "Payment Failures", Severity: "critical", Metric: "payments.failure_rate", Operator: ">", Threshold: f(1), Unit: "%", ForSeconds: f(0), Description: "d", Escalation: "immediate"}},
		Channels:   []Channel{{Name: "webhook", Enabled: true}},
		Thresholds: []Threshold{{"A", f(0.01)}, {"B", f(2)}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
}

func TestParseDashboard(t *testing.T) {
	body := `{"status":"healthy","health_score":90,"uptime_percentage":99.9,"summary":{"active_users":3,"error_rate":null,"requests_per_minute":600,"extra_figure":5,"text":"x"},"services":{"db":{"status":"healthy","responseTime":4}}}`
	got, err := ParseDashboard([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []SummaryValue{{"requests_per_minute", f(600)}, {"error_rate", nil}, {"active_users", f(3)}, {"extra_figure", f(5)}}
	if d := cmp.Diff(want, got.Summary); d != "" {
		t.Fatal(d)
	}
	if len(got.Services) != 1 || got.Services[0].Name != "db" {
		t.Fatalf("services = %+v", got.Services)
	}
	// A contract figure that is not a number is unknown, and said so.
	odd, err := ParseDashboard([]byte(`{"summary":{"error_rate":"high"}}`))
	if err != nil || len(odd.Summary) != 1 || odd.Summary[0].Value != nil || len(odd.Notes) != 1 {
		t.Fatalf("non-numeric summary: %+v, %v", odd, err)
	}
	if _, err := ParseDashboard([]byte(`{"version":"1.2"}`)); !IsKind(err, KindShape) {
		t.Fatalf("no figures: %v", err)
	}
}

func TestParseHistory(t *testing.T) {
	body := `{"from":"2025-06-01T00:00:00Z","to":"1748736300000","step":60,"series":[{"name":"api.error_rate","unit":"%","category":"api","labels":{"endpoint":"/x"},
"points":[[1748736120000,3],[1748736060000,2],[1748736060000,2.5],[1748736180000,null]]}]}`
	got, err := ParseHistory([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	s := got.Series[0]
	wantTimes := []time.Time{time.UnixMilli(1748736060000).UTC(), time.UnixMilli(1748736120000).UTC(), time.UnixMilli(1748736180000).UTC()}
	if d := cmp.Diff(wantTimes, s.Times); d != "" {
		t.Fatalf("times sorted and de-duplicated: %s", d)
	}
	if d := cmp.Diff([]*float64{f(2.5), f(3), nil}, s.Values); d != "" {
		t.Fatalf("values: %s", d)
	}
	if got.Step != 60 || !got.To.Equal(time.UnixMilli(1748736300000)) {
		t.Fatalf("step/to = %d %v", got.Step, got.To)
	}
	for _, bad := range []string{`{"series":[{"name":"a","points":[[1]]}]}`, `{"series":[{"name":"a","points":[[null,1]]}]}`, `{"series":[{"points":[]}]}`, `{}`} {
		if _, err := ParseHistory([]byte(bad)); !IsKind(err, KindShape) {
			t.Errorf("ParseHistory(%s) err = %v, want shape", bad, err)
		}
	}
}

func TestParseIncidents(t *testing.T) {
	got, err := ParseIncidents([]byte(`{"incidents":[{"id":"inc-2","title":"b","severity":"HIGH","started_at":"2025-06-02T00:00:00Z","resolved_at":null,"alert_ids":["a"]},{"id":"inc-1","title":"a","severity":"critical","started_at":"2025-06-01T00:00:00Z","resolved_at":"2025-06-01T01:00:00Z"}],"mtbf_seconds":100,"mttr_seconds":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Incidents[0].ID != "inc-1" || got.Incidents[1].Severity != "high" || got.Incidents[1].ResolvedAt != nil || *got.MTBFSeconds != 100 || got.MTTRSeconds != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestParseCapabilities(t *testing.T) {
	got, err := ParseCapabilities([]byte(`{"contract_version":"1.0","extensions":["metrics.history","incidents"],"retention":{"metrics_days":30},"history_resolution_seconds":[3600,60,0,-5,300]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Has(ExtMetricsHistory) || got.Has(ExtAlertsHistory) || got.Retention.MetricsDays != 30 {
		t.Fatalf("got %+v", got)
	}
	if d := cmp.Diff([]int{60, 300, 3600}, got.HistoryResolutionSeconds); d != "" {
		t.Fatal(d)
	}
	if _, err := ParseCapabilities([]byte(`{"contract_version":"1.0"}`)); !IsKind(err, KindShape) {
		t.Fatalf("missing extensions: %v", err)
	}
}

func TestParseErrorBody(t *testing.T) {
	tests := []struct {
		body string
		want ErrorBody
		ok   bool
	}{
		{`{"error":{"status":401,"code":"unauthorized","message":" Missing API key "}}`, ErrorBody{401, "unauthorized", "Missing API key"}, true},
		{`{"error":"plain text"}`, ErrorBody{Message: "plain text"}, true},
		{`{"error":{"status":9999,"message":"m"}}`, ErrorBody{Message: "m"}, true},
		{`{"error":{}}`, ErrorBody{}, false},
		{`{"message":"x"}`, ErrorBody{}, false},
		{`<html>`, ErrorBody{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseErrorBody([]byte(tt.body))
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseErrorBody(%s) = %+v, %v", tt.body, got, ok)
		}
	}
}

func TestLookupAndGuessCategory(t *testing.T) {
	if e, ok := LookupMetric("payments_revenue_total"); !ok || e.Name != "payments.revenue.total" {
		t.Fatalf("prom name lookup: %+v %v", e, ok)
	}
	for name, want := range map[string]string{"orders.rate": "business", "database.x": "database", "system_load": "system", "mystery": ""} {
		if got := GuessCategory(name); got != want {
			t.Errorf("GuessCategory(%q) = %q, want %q", name, got, want)
		}
	}
}
