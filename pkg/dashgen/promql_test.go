package dashgen

import (
	"strings"
	"testing"
)

// Names as the metrics endpoint's Prometheus format writes them
// (monitoring-api/src/contract/formats/prometheus.ts).
func TestMetricName(t *testing.T) {
	for dotted, want := range map[string]string{
		"api.error_rate":            "api_error_rate",
		"api.response_time.p95":     "api_response_time_p95",
		"system.event_loop.lag_p99": "system_event_loop_lag_p99",
		"http-requests.total":       "http_requests_total",
		"9lives":                    "_9lives",
		"ns:metric":                 "ns:metric",
	} {
		if got := MetricName(dotted); got != want {
			t.Errorf("MetricName(%q) = %q, want %q", dotted, got, want)
		}
	}
}

func TestSelectorEndpoint(t *testing.T) {
	for _, endpoint := range []string{"", "overall", "Overall"} {
		got, err := selector("api.requests.rate", endpoint)
		if err != nil || got != `api_requests_rate{job=~"$job",instance=~"$instance",endpoint=""}` {
			t.Errorf("endpoint %q: %q, %v", endpoint, got, err)
		}
	}
	if _, err := selector("api.requests.rate", "/api/tickets"); err == nil || !strings.Contains(err.Error(), "overall") {
		t.Errorf("a per-endpoint target must be refused with a reason, got %v", err)
	}
}

func TestSubstitute(t *testing.T) {
	got := Substitute(`max(x{job=~"$job",instance=~"${instance}"}) + $jobless`, "appmon", ".*")
	if want := `max(x{job=~"appmon",instance=~".*"}) + $jobless`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The committed Prometheus dashboards' queries are listed, variables
// substituted, and stats combine the instances as the fleet view does.
func TestPrometheusQueries(t *testing.T) {
	qs, err := PrometheusQueries(RepoRoot())
	if err != nil {
		t.Fatal(err)
	}
	byPanel := map[string]string{}
	dashboards := map[string]bool{}
	for _, q := range qs {
		if strings.Contains(q.Expr, "$") {
			t.Errorf("%s / %s: variable left in %s", q.Dashboard, q.Panel, q.Expr)
		}
		dashboards[q.Dashboard] = true
		byPanel[q.Dashboard+"/"+q.Panel+"/"+q.RefID] = q.Expr
	}
	if len(dashboards) != len(Names) {
		t.Errorf("queries from %d dashboards, want %d", len(dashboards), len(Names))
	}
	for key, want := range map[string]string{
		"appmon-application-prometheus/p95 latency/A":      `max(api_response_time_p95{job=~".*",instance=~".*",endpoint=""})`,
		"appmon-application-prometheus/Requests / s/A":     `sum(api_requests_rate{job=~".*",instance=~".*",endpoint=""})`,
		"appmon-application-prometheus/Up, per instance/A": `up{job=~".*",instance=~".*"}`,
		"appmon-system-prometheus/Instances up/B":          `count(up{job=~".*",instance=~".*"})`,
		"appmon-database-prometheus/Database reachable/A":  `min(database_available{job=~".*",instance=~".*",endpoint=""})`,
		"appmon-system-prometheus/Network traffic/B":       `system_network_tx_bytes_rate{job=~".*",instance=~".*",endpoint=""}`,
		"appmon-business-prometheus/Payment success/A":     `avg(payments_success_rate{job=~".*",instance=~".*",endpoint=""})`,
	} {
		if got := byPanel[key]; got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
