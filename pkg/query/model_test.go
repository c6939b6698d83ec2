package query

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestParseDefaults(t *testing.T) {
	q, err := Parse(backend.DataQuery{RefID: "A"})
	if err != nil {
		t.Fatal(err)
	}
	if q.Type != TypeMetrics || q.Categories != nil || !q.Names.All() || q.AlertsAction != AlertsActive || q.Format != FormatAuto || q.Live {
		t.Fatalf("defaults: %+v", q)
	}
}

func TestParseFields(t *testing.T) {
	q, err := Parse(backend.DataQuery{QueryType: "Alerts", JSON: json.RawMessage(`{"queryType":"health","category":"{API,system}","metricName":"api.*","severity":"Critical,high","alertsAction":"HISTORY","format":"prometheus"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if q.Type != TypeAlerts {
		t.Fatalf("DataQuery.QueryType wins over the JSON field: %q", q.Type)
	}
	if strings.Join(q.Categories, ",") != "api,system" || !q.Names.Match("api.error_rate") || q.Names.Match("system.cpu.usage") ||
		!q.Severities.Match("critical") || q.Severities.Match("low") || q.AlertsAction != AlertsHistory || q.Format != "prometheus" {
		t.Fatalf("parsed: %+v", q)
	}
	q, err = Parse(backend.DataQuery{JSON: json.RawMessage(`{"queryType":"uptime","category":"All","format":"json"}`)})
	if err != nil || q.Type != TypeUptime || q.Categories != nil || q.Format != FormatJSON {
		t.Fatalf("json-field query type, 'All' category, json format: %+v %v", q, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		`{"queryType":"logs"}`:               `unknown query type "logs": use one of metrics, health, uptime, alerts, dashboard, slo, oncall`,
		`{"category":"a b"}`:                 `category "a b" is not valid`,
		`{"alertsAction":"delete"}`:          `unknown alerts action "delete": use active, history or configuration`,
		`{"format":"xml"}`:                   `unknown metrics format "xml": use auto, json, prometheus or datadog`,
		`{"metricName":"[a"}`:                `metric name filter: "[a" is not a valid pattern`,
		`{"live":"yes"}`:                     `the query is not valid JSON or a field has the wrong type`,
		`{"queryType":"alerts","live":true}`: `live mode streams metrics, health, uptime and dashboard queries; turn it off for alerts queries`,
		`{"metricName":"` + many(101) + `"}`: `metric name filter: 101 items`,
	}
	for in, want := range tests {
		_, err := Parse(backend.DataQuery{JSON: json.RawMessage(in)})
		var bq *BadQueryError
		if err == nil || !strings.HasPrefix(err.Error(), want) || !asBadQuery(err, &bq) {
			t.Errorf("Parse(%s) err = %v, want prefix %q", in, err, want)
		}
	}
}

func many(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "m"
	}
	return strings.Join(parts, ",")
}

func asBadQuery(err error, target **BadQueryError) bool {
	bq, ok := err.(*BadQueryError)
	*target = bq
	return ok
}

func TestMatcher(t *testing.T) {
	m, _ := NewMatcher("{api.error_rate,system.*}")
	for name, want := range map[string]bool{"api.error_rate": true, "api_error_rate": true, "system.cpu.usage": true, "api.requests.rate": false} {
		if m.Match(name) != want {
			t.Errorf("Match(%q) != %v", name, want)
		}
	}
	if _, ok := m.Exact(); ok {
		t.Error("a wildcard matcher is not exact")
	}
	all, _ := NewMatcher("$__all")
	if !all.All() || !all.Match("anything") {
		t.Error("$__all must match everything")
	}
	prom, _ := NewMatcher("api_error_rate")
	if !prom.Match("api.error_rate") {
		t.Error("a Prometheus spelling must match the dotted name")
	}
}

func TestGrafanaUnit(t *testing.T) {
	for in, want := range map[string]string{"%": "percent", "ms": "ms", "req/s": "reqps", "USD": "currencyUSD", "bytes": "bytes",
		"seconds": "s", "count/min": "cpm", "bytes/s": "Bps", "count": "none", "": "", "widgets": "suffix: widgets"} {
		if got := GrafanaUnit(in); got != want {
			t.Errorf("GrafanaUnit(%q) = %q, want %q", in, got, want)
		}
	}
}
