package parse

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type alertView struct {
	ID, Name, Severity, Status string
	Start                      time.Time
	Acked, Resolved            bool
}

func viewAlerts(as []Alert) []alertView {
	out := make([]alertView, 0, len(as))
	for _, a := range as {
		out = append(out, alertView{a.ID, a.Name, a.Severity, a.Status, a.StartedAt, a.AcknowledgedAt != nil, a.ResolvedAt != nil})
	}
	return out
}

func TestParseAlertsDialects(t *testing.T) {
	t0 := time.Date(2025, 3, 3, 12, 0, 10, 0, time.UTC)
	tests := []struct {
		name    string
		body    string
		want    []alertView
		skipped int
	}{
		{
			name: "Express: bare array, type, message, epoch ms, log-level severities, acknowledged flag",
			body: `[{"id":7,"type":"high_error_rate","message":"Error rate 7%","severity":"error","timestamp":1741003210000,"acknowledged":true},
{"id":8,"type":"disk","severity":"warning","timestamp":1741003211000,"acknowledged":false}]`,
			want: []alertView{
				{"7", "high_error_rate", "high", "acknowledged", t0, false, false},
				{"8", "disk", "medium", "firing", t0.Add(time.Second), false, false},
			},
		},
		{
			name: "NestJS: camelCase under items, triggeredAt with offset, acknowledgedAt, P1",
			body: `{"items":[{"alertId":"a-1","title":"Payments failing","priority":"P1","triggeredAt":"2025-03-03T13:00:10+01:00","acknowledgedAt":"2025-03-03T12:05:00Z","state":"ACKED"}],"total":1}`,
			want: []alertView{{"a-1", "Payments failing", "critical", "acknowledged", t0, true, false}},
		},
		{
			name: "Django/FastAPI: snake_case under results, naive ISO time, SEV-2, resolved_at",
			body: `{"count":1,"next":null,"results":[{"alert_id":"x","rule":"slow_api","severity":"SEV-2","triggered_at":"2025-03-03T12:00:10.000000","resolved_at":"2025-03-03T12:10:00Z"}]}`,
			want: []alertView{{"x", "slow_api", "high", "resolved", t0, false, true}},
		},
		{
			name: "Go: {data:{alerts:[…]}} with epoch seconds and fatal",
			body: `{"data":{"alerts":[{"_id":"g1","name":"db down","severity":"fatal","started_at":1741003210}]}}`,
			want: []alertView{{"g1", "db down", "critical", "firing", t0, false, false}},
		},
		{
			name: "Laravel: data list with meta, createdAt, resolved true, unknown severity kept",
			body: `{"data":[{"id":"l1","title":"Queue stuck","severity":"Urgent","createdAt":"2025-03-03 12:00:10","resolved":true}],"meta":{"total":1}}`,
			want: []alertView{{"l1", "Queue stuck", "urgent", "resolved", t0, false, false}},
		},
		{
			name: "Rails (JSON:API): attributes, ackedAt",
			body: `{"data":[{"id":"r1","type":"alert","attributes":{"rule":"payment_failures","title":"Payment Failures","severity":"critical","created_at":"2025-03-03T12:00:10.000Z","ackedAt":"2025-03-03T12:01:00Z"}}]}`,
			want: []alertView{{"r1", "Payment Failures", "critical", "acknowledged", t0, true, false}},
		},
		{
			name:    "an alert without a time takes the document's; one with a bad time is skipped",
			body:    `{"timestamp":"2025-03-03T12:00:10Z","active":[{"id":"n1","name":"no time","severity":"low"},{"id":"n2","name":"bad","started_at":"soon"}]}`,
			want:    []alertView{{"n1", "no time", "low", "firing", t0, false, false}},
			skipped: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAlerts([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, viewAlerts(got.Alerts)); d != "" {
				t.Errorf("alerts (-want +got):\n%s", d)
			}
			if got.Skipped != tt.skipped {
				t.Errorf("skipped %d (%q), want %d", got.Skipped, got.Notes, tt.skipped)
			}
		})
	}
}

func TestParseAlertsRefusals(t *testing.T) {
	for body, want := range map[string]string{
		`[{"id":"a","name":"x"}]`:            "none of its 1 alerts could be read: 1 alert skipped (no start time): alerts[0]",
		`{"status":"ok"}`:                    "no list of alerts (top-level keys: status)",
		`{"alerts":[{"started_at":"soon"}]}`: "started_at is not a time",
	} {
		_, err := ParseAlerts([]byte(body))
		if !IsKind(err, KindShape) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want a shape error containing %q", body, err, want)
		}
	}
}

func TestNormalizeSeverity(t *testing.T) {
	for in, want := range map[string]string{
		"CRITICAL": "critical", "fatal": "critical", "P1": "critical", "sev1": "critical", "SEV-1": "critical",
		"error": "high", "p2": "high", "warning": "medium", "warn": "medium", "P3": "medium",
		"p4": "low", "minor": "low", "P5": "info", "informational": "info", " Odd ": "odd",
	} {
		if got := NormalizeSeverity(in); got != want {
			t.Errorf("NormalizeSeverity(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseAlertConfigDialects(t *testing.T) {
	tests := []struct {
		name                  string
		body                  string
		rules, channels, thrs int
		check                 func(t *testing.T, c AlertConfig)
	}{
		{
			name: "NestJS: alertRules in camelCase, duration text, thresholds as a list",
			body: `{"alertRules":[{"name":"slow_api","severity":"warning","metric":"api.response_time.p95","operator":">","threshold":2000,"for":"3m"}],
"thresholds":[{"name":"API_RESPONSE_THRESHOLD","value":2000}],"channels":["webhook"]}`,
			rules: 1, channels: 1, thrs: 1,
			check: func(t *testing.T, c AlertConfig) {
				r := c.Rules[0]
				if r.Severity != "medium" || *r.ForSeconds != 180 || *r.Threshold != 2000 || !c.Channels[0].Enabled {
					t.Errorf("%+v %+v", r, c.Channels)
				}
			},
		},
		{
			name:  "bare list of rules",
			body:  `[{"id":"payment_failures","title":"Payment Failures","severity":"P1","threshold":"1"}]`,
			rules: 1,
			check: func(t *testing.T, c AlertConfig) {
				if c.Rules[0].Name != "payment_failures" || c.Rules[0].Severity != "critical" || *c.Rules[0].Threshold != 1 {
					t.Errorf("%+v", c.Rules[0])
				}
			},
		},
		{
			name:     "Express: channels as an object and thresholds only, no rules",
			body:     `{"thresholds":{"A":1,"B":"x"},"channels":{"webhook":false,"slack":{"enabled":true}}}`,
			channels: 2, thrs: 1,
			check: func(t *testing.T, c AlertConfig) {
				if c.Skipped != 1 || c.Channels[0].Name != "slack" || !c.Channels[0].Enabled || c.Channels[1].Enabled {
					t.Errorf("%+v", c)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAlertConfig([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Rules) != tt.rules || len(got.Channels) != tt.channels || len(got.Thresholds) != tt.thrs {
				t.Fatalf("got %d rules, %d channels, %d thresholds: %+v", len(got.Rules), len(got.Channels), len(got.Thresholds), got)
			}
			tt.check(t, got)
		})
	}
	// A server that ignores action=configuration answers its alerts.
	_, err := ParseAlertConfig([]byte(`{"data":[{"id":"a-2","title":"x","created_at":"2025-03-03T12:00:10Z","acknowledged":false}]}`))
	if !IsKind(err, KindShape) || !strings.Contains(err.Error(), "lists alerts, not alert rules") {
		t.Errorf("alerts as configuration: %v", err)
	}
}
