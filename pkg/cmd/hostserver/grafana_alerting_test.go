package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

func TestAlertingFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "tests", "host", "grafana-alerting")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/prometheus/grafana/api/v1/rules", serveRules(dir))
	mux.HandleFunc("GET /api/v1/rules/history", serveHistory(dir))
	get := func(url string) (int, map[string]any) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s: %v: %s", url, err, rec.Body.String())
		}
		return rec.Code, body
	}

	code, rules := get("/api/prometheus/grafana/api/v1/rules")
	groups, _ := rules["data"].(map[string]any)["groups"].([]any)
	if code != http.StatusOK || len(groups) != 3 {
		t.Fatalf("rules: %d with %d groups, want 200 with 3", code, len(groups))
	}

	// 2025-06-01 11:00–12:00 UTC: the CPU rule went pending, then alerting.
	code, hist := get("/api/v1/rules/history?ruleUID=appmon-cpu&from=1748775600&to=1748779200")
	values := hist["data"].(map[string]any)["values"].([]any)
	if code != http.StatusOK || len(values) != 3 || len(values[0].([]any)) != 2 || len(values[2].([]any)) != 2 {
		t.Fatalf("history of appmon-cpu: %d %v, want 2 rows in 3 columns", code, values)
	}
	for _, line := range values[1].([]any) {
		if uid := line.(map[string]any)["ruleUID"]; uid != "appmon-cpu" {
			t.Errorf("a row of rule %v in appmon-cpu's history", uid)
		}
	}
	// Before 11:15 only the move to pending.
	_, hist = get("/api/v1/rules/history?ruleUID=appmon-cpu&from=1748775600&to=1748776500")
	if n := len(hist["data"].(map[string]any)["values"].([]any)[0].([]any)); n != 1 {
		t.Errorf("history up to 11:15 has %d rows, want 1", n)
	}
	if code, _ := get("/api/v1/rules/history?from=1&to=2"); code != http.StatusBadRequest {
		t.Errorf("history without ruleUID answered %d, want 400", code)
	}
}
