package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type serviceView struct {
	Name   string
	Value  *float64 // StatusValue
	RespMs *float64
	Error  string
}

func viewServices(ss []ServiceHealth) []serviceView {
	out := make([]serviceView, 0, len(ss))
	for _, s := range ss {
		out = append(out, serviceView{s.Name, StatusValue(s.Status), s.ResponseTimeMs, s.Error})
	}
	return out
}

func TestParseHealthDialects(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		status   *float64
		score    *float64
		services []serviceView
		extra    map[string]map[string]string // service → extra fields that must be there
	}{
		{
			name: "Spring Boot actuator: UP/DOWN, components with details",
			body: `{"status":"DOWN","components":{"db":{"status":"UP","details":{"database":"PostgreSQL","validationQuery":"isValid()"}},
"diskSpace":{"status":"UP","details":{"total":499963174912,"free":91300790272}},"mail":{"status":"DOWN","details":{"error":"connect timed out"}},
"redis":{"status":"OUT_OF_SERVICE"}}}`,
			status: f(0),
			services: []serviceView{
				{"db", f(1), nil, ""}, {"diskSpace", f(1), nil, ""}, {"mail", f(0), nil, "connect timed out"}, {"redis", f(0), nil, ""},
			},
			extra: map[string]map[string]string{"db": {"database": "PostgreSQL", "validationQuery": "isValid()"}, "diskSpace": {"free": "91300790272"}},
		},
		{
			name:     "Express: services as a list, ok/fail, latencyMs",
			body:     `{"healthy":false,"services":[{"name":"db","status":"ok","latencyMs":12},{"name":"stripe","status":"fail","latency":"1.5s","error":"timeout"}]}`,
			status:   f(0),
			services: []serviceView{{"db", f(1), f(12), ""}, {"stripe", f(0), f(1500), "timeout"}},
		},
		{
			name: "health-check draft (FastAPI): pass/warn, checks keyed component:measurement",
			body: `{"status":"warn","checks":{"db:responseTime":[{"componentId":"db","observedValue":6,"observedUnit":"ms","status":"pass"}],
"stripe:responseTime":[{"componentId":"stripe","observedValue":0.59,"observedUnit":"s","status":"warn","output":"failing charges"}]}}`,
			status:   f(0.5),
			services: []serviceView{{"db", f(1), f(6), ""}, {"stripe", f(0.5), f(590), "failing charges"}},
		},
		{
			name:     "Go: wrapped in data, dependencies as a map of status words, duration_ms",
			body:     `{"data":{"state":"GREEN","health_score":97,"dependencies":{"postgres":{"state":"up","duration_ms":3},"search":"degraded"}}}`,
			status:   f(1),
			score:    f(97),
			services: []serviceView{{"postgres", f(1), f(3), ""}, {"search", f(0.5), nil, ""}},
		},
		{
			name:     "Rails: checks map plus a response_times map",
			body:     `{"status":"degraded","score":88,"checks":{"database":"ok","stripe":"degraded"},"response_times":{"database":6,"stripe":588}}`,
			status:   f(0.5),
			score:    f(88),
			services: []serviceView{{"database", f(1), f(6), ""}, {"stripe", f(0.5), f(588), ""}},
		},
		{
			name: "Laravel health: checkResults with meta.response_time and notificationMessage",
			body: `{"finishedAt":1741003322,"status":"warning","checkResults":[{"name":"Database","status":"ok","meta":{"response_time":6}},
{"name":"Stripe","status":"warning","notificationMessage":"The payment processor is failing charges.","meta":{"response_time":588}}]}`,
			status:   f(0.5),
			services: []serviceView{{"Database", f(1), f(6), ""}, {"Stripe", f(0.5), f(588), "The payment processor is failing charges."}},
		},
		{
			name:     ".NET: Healthy/Degraded with entries and hh:mm:ss durations",
			body:     `{"status":"Healthy","totalDuration":"00:00:00.0120000","entries":{"sql":{"status":"Healthy","duration":"00:00:00.0040000","data":{}}}}`,
			status:   f(1),
			services: []serviceView{{"sql", f(1), f(4), ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseHealth([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.status, StatusValue(got.Status)); d != "" {
				t.Errorf("status %q: %s", got.Status, d)
			}
			if d := cmp.Diff(tt.score, got.Score); d != "" {
				t.Errorf("score: %s", d)
			}
			if d := cmp.Diff(tt.services, viewServices(got.Services)); d != "" {
				t.Errorf("services (-want +got):\n%s", d)
			}
			for _, s := range got.Services {
				for k, v := range tt.extra[s.Name] {
					if s.Extra[k] != v {
						t.Errorf("%s.Extra[%s] = %q, want %q (%v)", s.Name, k, s.Extra[k], v, s.Extra)
					}
				}
			}
		})
	}
}

func TestStatusWords(t *testing.T) {
	for _, w := range []string{"ok", "UP", "pass", "passing", "Healthy", "green"} {
		if v := StatusValue(w); v == nil || *v != 1 {
			t.Errorf("%s: %v", w, v)
		}
	}
	for _, w := range []string{"degraded", "WARN", "warning", "partial"} {
		if v := StatusValue(w); v == nil || *v != 0.5 {
			t.Errorf("%s: %v", w, v)
		}
	}
	for _, w := range []string{"down", "fail", "failed", "unhealthy", "critical", "error", "RED", "OUT_OF_SERVICE"} {
		if v := StatusValue(w); v == nil || *v != 0 {
			t.Errorf("%s: %v", w, v)
		}
	}
	if StatusValue("unknown") != nil {
		t.Error("unknown status has a value")
	}
}

func TestParseUptimeDialects(t *testing.T) {
	tr, fa := true, false
	tests := []struct {
		name               string
		body               string
		pct, secs, target  *float64
		overall, up, errOK *bool
	}{
		{"NestJS camelCase", `{"uptimePercentage":99.95,"uptimeSeconds":484425,"sla":{"target":99.9,"compliance":{"overall":true,"uptime":true,"errorRate":false}}}`,
			f(99.95), f(484425), f(99.9), &tr, &tr, &fa},
		{"Express: uptime in seconds, availability", `{"status":"ok","uptime":12345.5,"availability":99.5,"slaCompliant":false}`,
			f(99.5), f(12345.5), nil, &fa, nil, nil},
		{"Django snake_case", `{"uptime_percent":"99.99","uptime_seconds":60,"sla_target":99.9,"sla_compliance":{"overall":true,"error_rate":true}}`,
			f(99.99), f(60), f(99.9), &tr, nil, &tr},
		{"Rails JSON:API", `{"data":{"id":"current","type":"uptime","attributes":{"percentage":100,"seconds":86522,"sla_target":99.9}},"meta":{"status":"degraded"}}`,
			f(100), f(86522), f(99.9), nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseUptime([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			got := []any{u.Percentage, u.Seconds, u.SLATarget, u.Compliance[0].Met, u.Compliance[1].Met, u.Compliance[2].Met}
			want := []any{tt.pct, tt.secs, tt.target, tt.overall, tt.up, tt.errOK}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestParseDashboardDialects(t *testing.T) {
	tests := []struct {
		name          string
		body          string
		want          map[string]*float64
		status        string
		score, uptime *float64
		services      int
	}{
		{"Express: camelCase at the top level", `{"status":"degraded","healthScore":88,"uptimePercentage":99.9,"requestsPerMinute":120,"errorRate":0.5,"p95":269.7,"activeAlerts":3,"paymentSuccessRate":97.5,"revenueToday":1000,"activeUsers":77,"lastUpdated":"2025-03-03T12:02:02Z"}`,
			map[string]*float64{"requests_per_minute": f(120), "error_rate": f(0.5), "response_time_p95": f(269.7), "active_alerts": f(3), "payments_success_rate": f(97.5), "revenue_today": f(1000), "active_users": f(77)},
			"degraded", f(88), f(99.9), 0},
		{"Go: data wrapper, nested figures, health object", `{"data":{"metrics":{"requests":{"perMinute":120},"responseTime":{"p95":300}},"health":{"status":"ok","score":95,"services":{"db":{"status":"up","responseTime":4}}}}}`,
			map[string]*float64{"requests_per_minute": f(120), "response_time_p95": f(300)},
			"ok", f(95), nil, 1},
		{"Laravel: status beside data.summary", `{"status":"warning","data":{"health_score":88,"uptime_percentage":100,"summary":{"error_rate":null,"active_users":7,"queue_depth":4}}}`,
			map[string]*float64{"error_rate": nil, "active_users": f(7), "queue_depth": f(4)},
			"warning", f(88), f(100), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDashboard([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]*float64{}
			for _, s := range d.Summary {
				got[s.Key] = s.Value
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
			if d.Status != tt.status || !cmp.Equal(d.HealthScore, tt.score) || !cmp.Equal(d.UptimePercentage, tt.uptime) || len(d.Services) != tt.services {
				t.Errorf("status %q score %v uptime %v services %d", d.Status, d.HealthScore, d.UptimePercentage, len(d.Services))
			}
		})
	}
}
