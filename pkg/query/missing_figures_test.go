package query

import (
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func noticeTexts(frames data.Frames, sev data.NoticeSeverity) string {
	var out []string
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		for _, n := range f.Meta.Notices {
			if n.Severity == sev {
				out = append(out, n.Text)
			}
		}
	}
	return strings.Join(out, "\n")
}

// A dashboard without some contract figures: the panel that asks for one
// says what the server lacks instead of showing a silent null.
func TestDashboardMissingFigures(t *testing.T) {
	fake := fakeapi.New(t)
	fake.SetFault("/api/monitoring/dashboard", fakeapi.Fault{Status: 200,
		Body: `{"timestamp":"2025-06-01T12:00:00Z","status":"healthy","health_score":null,"summary":{"requests_per_minute":750,"error_rate":0.8,"active_users":null}}`})
	r := newRunner(t, fake.URL)

	frames := run(t, r, mustParse(t, "dashboard", `{"metricName":"summary.revenue_today"}`, time.Time{}, time.Time{}))
	want := "The server's dashboard (/api/monitoring/dashboard) has no value for summary.revenue_today, so that figure is empty."
	if got := noticeTexts(frames, data.NoticeSeverityWarning); got != want {
		t.Fatalf("warnings:\n%s\nwant\n%s", got, want)
	}

	frames = run(t, r, mustParse(t, "dashboard", `{"metricName":"health.score,summary.active_users,summary.error_rate"}`, time.Time{}, time.Time{}))
	want = "The server's dashboard (/api/monitoring/dashboard) has no value for health_score, summary.active_users, so those figures are empty."
	if got := noticeTexts(frames, data.NoticeSeverityWarning); got != want {
		t.Fatalf("warnings:\n%s", got)
	}

	frames = run(t, r, mustParse(t, "dashboard", `{}`, time.Time{}, time.Time{}))
	got := noticeTexts(frames, data.NoticeSeverityInfo)
	if !strings.Contains(got, "has no value for health_score, uptime_percentage, summary.response_time_p95, summary.active_alerts, summary.payments_success_rate, summary.revenue_today, summary.active_users,") {
		t.Fatalf("a query for everything gets one info notice listing what is missing:\n%s", got)
	}

	frames = run(t, r, mustParse(t, "dashboard", `{"metricName":"summary.error_rate"}`, time.Time{}, time.Time{}))
	if got := noticeTexts(frames, data.NoticeSeverityWarning) + noticeTexts(frames, data.NoticeSeverityInfo); got != "" {
		t.Fatalf("a figure the server has needs no notice: %s", got)
	}
}

// An application without an alert configuration answers 400 for the
// action: empty tables with a notice, not an error.
func TestAlertConfigurationMissing(t *testing.T) {
	fake := fakeapi.New(t)
	fake.SetFault("/api/monitoring/alerts", fakeapi.Fault{Status: 400, Body: `unknown action; supported: active`, ContentType: "text/plain"})
	frames := run(t, newRunner(t, fake.URL), mustParse(t, "alerts", `{"alertsAction":"configuration"}`, time.Time{}, time.Time{}))
	if len(frames) != 3 || frames[0].Rows() != 0 || frames[0].Name != "rules" {
		t.Fatalf("frames: %v", frames)
	}
	want := "The server does not offer its alert configuration (/api/monitoring/alerts?action=configuration); the rules, channels and thresholds tables are empty."
	if got := noticeTexts(frames, data.NoticeSeverityWarning); got != want {
		t.Fatalf("notices: %s", got)
	}
}

// What a tolerant reader skipped is an info notice on the panel.
func TestReaderNotesBecomeNotices(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsJSON = `{"metrics":[{"name":"cache.hit_rate","value":93.2,"unit":"%","category":"cache"},{"name":"cache.status","value":"warm","category":"cache"}]}`
	frames := run(t, newRunner(t, fake.URL), mustParse(t, "metrics", `{"format":"json"}`, time.Time{}, time.Time{}))
	got := noticeTexts(frames, data.NoticeSeverityInfo)
	if !strings.Contains(got, "Reading the server's metrics: 1 value skipped") || !strings.Contains(got, "cache.status") {
		t.Fatalf("notices:\n%s", got)
	}
}
