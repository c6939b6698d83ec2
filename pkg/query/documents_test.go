package query

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	framenames "github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/parse"
)

func TestHealthQuery(t *testing.T) {
	tests := []struct {
		name, model string
		unhealthy   bool
		want        []string
		notices     []string
	}{
		{
			name: "default", model: `{}`,
			want: []string{
				`health.status{metric=health.status} unit= display="Overall status" values=1`,
				`health.score{metric=health.score} unit=percent display="Health score" values=100`,
				`health.status{metric=health.status,service=brevo} unit= display="brevo status" values=0.5`,
				`health.response_time{metric=health.response_time,service=brevo} unit=ms display="brevo response time" values=910`,
				`health.status{metric=health.status,service=cache} unit= display="cache status" values=1`,
				`health.response_time{metric=health.response_time,service=cache} unit=ms display="cache response time" values=2`,
				`health.status{metric=health.status,service=database} unit= display="database status" values=1`,
				`health.response_time{metric=health.response_time,service=database} unit=ms display="database response time" values=45`,
				`health.status{metric=health.status,service=stripe} unit= display="stripe status" values=1`,
				`health.response_time{metric=health.response_time,service=stripe} unit=ms display="stripe response time" values=230`,
			},
			notices: []string{"brevo is degraded: slow responses from provider"},
		},
		{
			name: "503 with an unhealthy document is data", model: `{"metricName":"health.status"}`, unhealthy: true,
			want: []string{
				`health.status{metric=health.status} unit= display="Overall status" values=0`,
				`health.status{metric=health.status,service=cache} unit= display="cache status" values=1`,
				`health.status{metric=health.status,service=database} unit= display="database status" values=0`,
			},
			notices: []string{"database is unhealthy: connection refused"},
		},
		{
			name: "one service", model: `{"service":"database"}`,
			want: []string{
				`health.status{metric=health.status,service=database} unit= display="database status" values=1`,
				`health.response_time{metric=health.response_time,service=database} unit=ms display="database response time" values=45`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeapi.New(t)
			fake.Unhealthy = tt.unhealthy
			frames := run(t, newRunner(t, fake.URL), mustParse(t, "health", tt.model, time.Time{}, time.Time{}))
			if d := cmp.Diff(tt.want, describe(frames)); d != "" {
				t.Fatalf("(-want +got):\n%s", d)
			}
			assertAlertable(t, frames)
			var notices []string
			for _, n := range frames[0].Meta.Notices {
				notices = append(notices, n.Text)
			}
			if d := cmp.Diff(tt.notices, notices); d != "" {
				t.Fatalf("notices:\n%s", d)
			}
			if got := frames[0].Fields[0].At(0).(time.Time); !got.Equal(time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)) {
				t.Fatalf("time = %v", got)
			}
			if m := frames[0].Fields[1].Config.Mappings; len(m) == 0 && strings.HasPrefix(tt.want[0], "health.status") {
				t.Fatal("status series need value mappings")
			}
		})
	}
}

func TestUptimeQuery(t *testing.T) {
	fake := fakeapi.New(t)
	frames := run(t, newRunner(t, fake.URL), mustParse(t, "uptime", `{}`, time.Time{}, time.Time{}))
	want := []string{
		`uptime.percentage{metric=uptime.percentage} unit=percent display="Uptime" values=99.95`,
		`uptime.seconds{metric=uptime.seconds} unit=dtdurations display="Uptime duration" values=484425`,
		`uptime.status{metric=uptime.status} unit= display="Status" values=1`,
		`sla.target{metric=sla.target} unit=percent display="SLA target" values=99.9`,
		`sla.compliance{metric=sla.compliance,objective=overall} unit= display="SLA compliance (overall)" values=1`,
		`sla.compliance{metric=sla.compliance,objective=uptime} unit= display="SLA compliance (uptime)" values=1`,
		`sla.compliance{metric=sla.compliance,objective=error_rate} unit= display="SLA compliance (error_rate)" values=0`,
	}
	if d := cmp.Diff(want, describe(frames)); d != "" {
		t.Fatalf("(-want +got):\n%s", d)
	}
	assertAlertable(t, frames)
}

func TestDashboardQuery(t *testing.T) {
	fake := fakeapi.New(t)
	frames := run(t, newRunner(t, fake.URL), mustParse(t, "dashboard", `{"metricName":"summary.*,health.score"}`, time.Time{}, time.Time{}))
	want := []string{
		`health.score{metric=health.score} unit=percent display="Health score" values=85`,
		`summary.requests_per_minute{metric=summary.requests_per_minute} unit=suffix: req/min display="Requests per minute" values=750`,
		`summary.error_rate{metric=summary.error_rate} unit=percent display="Error rate" values=0.8`,
		`summary.response_time_p95{metric=summary.response_time_p95} unit=ms display="Response time (p95)" values=123.4`,
		`summary.active_alerts{metric=summary.active_alerts} unit=none display="Active alerts" values=2`,
		`summary.payments_success_rate{metric=summary.payments_success_rate} unit=percent display="Payments success rate" values=99.4`,
		`summary.revenue_today{metric=summary.revenue_today} unit=currencyUSD display="Revenue today" values=1520.75`,
		`summary.active_users{metric=summary.active_users} unit=none display="Active users" values=321`,
	}
	if d := cmp.Diff(want, describe(frames)); d != "" {
		t.Fatalf("(-want +got):\n%s", d)
	}
	all := run(t, newRunner(t, fake.URL), mustParse(t, "dashboard", `{}`, time.Time{}, time.Time{}))
	assertAlertable(t, all)
	if len(all) != 14 {
		t.Fatalf("default dashboard query: %d series, want 14 (status, score, uptime, 7 summary, 2 services x 2)", len(all))
	}
}

func alertRows(f *data.Frame) []string {
	var out []string
	for i := 0; i < f.Rows(); i++ {
		id, _ := f.FieldByName(framenames.FieldID)
		sev, _ := f.FieldByName(framenames.FieldSeverity)
		st, _ := f.FieldByName(framenames.FieldStatus)
		end, _ := f.FieldByName(framenames.FieldTimeEnd)
		e := "open"
		if v, ok := end.ConcreteAt(i); ok {
			e = v.(time.Time).Format("15:04")
		}
		out = append(out, id.At(i).(string)+" "+sev.At(i).(string)+" "+st.At(i).(string)+" "+e)
	}
	return out
}

func TestAlertsQuery(t *testing.T) {
	from, to := testNow.Add(-6*time.Hour), testNow
	tests := []struct {
		name, model string
		want        []string
		request     string
	}{
		{"active, oldest first", `{}`, []string{"a-1 high firing open", "a-2 medium acknowledged open"}, "/api/monitoring/alerts?action=active"},
		{"active filtered", `{"severity":"medium"}`, []string{"a-2 medium acknowledged open"}, "/api/monitoring/alerts?action=active"},
		{"history", `{"alertsAction":"history"}`, []string{"a-0 critical resolved 10:30", "a-1 high firing open"}, "/api/monitoring/alerts?action=history&from=1748757600000&to=1748779260000"},
		{"history one severity goes upstream", `{"alertsAction":"history","severity":"critical"}`, []string{"a-0 critical resolved 10:30"}, "/api/monitoring/alerts?action=history&from=1748757600000&severity=critical&to=1748779260000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakeapi.New(t)
			frames := run(t, newRunner(t, fake.URL), mustParse(t, "alerts", tt.model, from, to))
			if len(frames) != 1 {
				t.Fatalf("%d frames", len(frames))
			}
			if d := cmp.Diff(tt.want, alertRows(frames[0])); d != "" {
				t.Fatalf("(-want +got):\n%s", d)
			}
			seen := fake.Seen()
			if seen[len(seen)-1] != tt.request {
				t.Fatalf("last request %q, want %q", seen[len(seen)-1], tt.request)
			}
			for _, name := range []string{framenames.FieldTime, framenames.FieldTimeEnd, framenames.FieldTitle, framenames.FieldText, framenames.FieldRunbookURL, framenames.FieldEscalationLevel, framenames.FieldService} {
				if _, i := frames[0].FieldByName(name); i < 0 {
					t.Fatalf("field %q missing", name)
				}
			}
		})
	}
}

// Without the alerts.history extension the history action shows the
// active alerts with a notice saying so, never an error.
func TestAlertHistoryNeedsExtension(t *testing.T) {
	for name, setup := range map[string]func(*fakeapi.Server){
		"no capabilities": func(f *fakeapi.Server) { f.NoCapabilities = true },
		"not offered":     func(f *fakeapi.Server) { f.Extensions = []string{"metrics.history"} },
		"capabilities unreadable": func(f *fakeapi.Server) {
			f.SetFault("/api/monitoring/capabilities", fakeapi.Fault{Status: 200, Body: "<html></html>"})
		},
		"advertised but missing": func(f *fakeapi.Server) {
			f.SetFault("/api/monitoring/alerts", fakeapi.Fault{Status: 404, Body: `{"error":"not found"}`, Times: 1})
		},
	} {
		t.Run(name, func(t *testing.T) {
			fake := fakeapi.New(t)
			setup(fake)
			r := newRunner(t, fake.URL)
			frames := run(t, r, mustParse(t, "alerts", `{"alertsAction":"history"}`, testNow.Add(-time.Hour), testNow))
			active := run(t, r, mustParse(t, "alerts", `{"alertsAction":"active"}`, testNow.Add(-time.Hour), testNow))
			if len(frames) != 1 || frames[0].Rows() == 0 || frames[0].Rows() != active[0].Rows() {
				t.Fatalf("want the active alerts, got %d frames", len(frames))
			}
			found := false
			for _, n := range frames[0].Meta.Notices {
				found = found || (n.Severity == data.NoticeSeverityWarning && n.Text == "The server does not offer alert history (/api/monitoring/alerts?action=history); showing active alerts.")
			}
			if !found {
				t.Fatalf("notices = %+v", frames[0].Meta.Notices)
			}
		})
	}
	// Callers that cannot fall back (annotations) still learn why.
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	_, err := newRunner(t, fake.URL).AlertHistory(context.Background(), testNow.Add(-time.Hour), testNow, Matcher{}, nil)
	want := "the server at " + strings.TrimPrefix(fake.URL, "http://") + ` does not offer alert history (the optional alerts.history extension of the monitoring contract); use the "active" alerts action, or add the extension to the server`
	if err == nil || err.Error() != want || !client.IsKind(err, client.KindUnsupported) {
		t.Fatalf("err = %v", err)
	}
}

func TestAlertConfiguration(t *testing.T) {
	fake := fakeapi.New(t)
	frames := run(t, newRunner(t, fake.URL), mustParse(t, "alerts", `{"alertsAction":"configuration"}`, time.Time{}, time.Time{}))
	if len(frames) != 3 || frames[0].Name != "rules" || frames[0].Rows() != 2 || frames[1].Rows() != 2 || frames[2].Rows() != 2 {
		t.Fatalf("frames: %v", frames)
	}
	th, _ := frames[0].FieldByName("threshold")
	if v, _ := th.ConcreteAt(0); v != 1.0 {
		t.Fatalf("threshold = %v", v)
	}
}

func TestPlanWindow(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	caps := parse.Capabilities{Retention: parse.Retention{MetricsDays: 30}, HistoryResolutionSeconds: []int{60, 300, 3600}}
	tests := []struct {
		name       string
		from, to   time.Time
		interval   time.Duration
		mdp        int64
		caps       parse.Capabilities
		wantStep   int
		wantFrom   time.Time
		wantNotice bool
		wantErr    string
	}{
		{"6h at 1000 points uses 60 s", now.Add(-6 * time.Hour), now, 0, 1000, caps, 60, now.Add(-6 * time.Hour), false, ""},
		{"7d at 1000 points rounds up to the finest resolution", now.Add(-7 * 24 * time.Hour), now, 0, 1000, caps, 660, alignDown(now.Add(-7*24*time.Hour), 660), false, ""},
		{"interval wins when larger", now.Add(-time.Hour), now, 10 * time.Minute, 1000, caps, 600, now.Add(-time.Hour), false, ""},
		{"long range", now.Add(-29 * 24 * time.Hour), now, 0, 100, caps, 25080, alignDown(now.Add(-29*24*time.Hour), 25080), false, ""},
		{"beyond retention is clamped", now.Add(-60 * 24 * time.Hour), now.Add(-30 * time.Minute), 0, 1000, caps, 2640, alignDown(now.Add(-30*24*time.Hour), 2640).Add(2640 * time.Second), true, ""},
		{"entirely beyond retention", now.Add(-90 * 24 * time.Hour), now.Add(-60 * 24 * time.Hour), 0, 1000, caps, 0, time.Time{}, true, "is outside the server's metric history (the last 30 days)"},
		{"no resolutions advertised", now.Add(-time.Hour), now, 0, 100, parse.Capabilities{}, 36, now.Add(-time.Hour), false, ""},
		{"never more than 11000 points", now.Add(-30 * 24 * time.Hour), now, 0, 1_000_000, parse.Capabilities{}, 236, alignDown(now.Add(-30*24*time.Hour), 236), false, ""},
		{"the server's own point limit", now.Add(-24 * time.Hour), now, 0, 1_000_000, parse.Capabilities{MaxPointsPerSeries: 100, HistoryResolutionSeconds: []int{60}}, 900, now.Add(-24 * time.Hour), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantStep > 0 && tt.wantFrom.Unix()%int64(tt.wantStep) != 0 {
				t.Fatalf("test case: %v is not epoch-aligned to %d s", tt.wantFrom, tt.wantStep)
			}
			q := Query{From: tt.from, To: tt.to, Interval: tt.interval, MaxDataPoints: tt.mdp}
			w, notice, err := planWindow(q, tt.caps, now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.Step != tt.wantStep || !w.From.Equal(tt.wantFrom) || (notice != "") != tt.wantNotice {
				t.Fatalf("window = %+v notice=%q; want step %d from %v", w, notice, tt.wantStep, tt.wantFrom)
			}
			if pts := int(w.To.Sub(w.From).Seconds()) / w.Step; pts > maxPointsPerSeries {
				t.Fatalf("%d points", pts)
			}
			if days := tt.caps.Retention.MetricsDays; days > 0 && (w.From.Before(now.Add(-time.Duration(days)*24*time.Hour)) || w.To.Sub(w.From) > time.Duration(days)*24*time.Hour) {
				t.Fatalf("window %v..%v exceeds the %d day retention", w.From, w.To, days)
			}
		})
	}
}
