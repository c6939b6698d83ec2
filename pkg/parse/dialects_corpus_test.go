package parse

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Every captured dialect response (testdata/dialects, one folder per
// implementation style, all describing the same workload) must be read
// without error and give the figures panels need.
func TestDialectCorpus(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "dialects", "*"))
	seen := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		seen++
		read := func(name string) []byte {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				return nil
			}
			return b
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if b := read("health.json"); b != nil {
				h, err := ParseHealth(b)
				if err != nil {
					t.Errorf("health: %v", err)
				} else if StatusValue(h.Status) == nil || len(h.Services) < 3 {
					t.Errorf("health: status %q, %d services", h.Status, len(h.Services))
				}
			}
			if b := read("uptime.json"); b != nil {
				if u, err := ParseUptime(b); err != nil || u.Percentage == nil {
					t.Errorf("uptime: %+v, %v", u, err)
				}
			}
			if b := read("metrics.json"); b != nil {
				if m, err := ParseMetrics("application/json", b); err != nil || len(m.Metrics) < 5 {
					t.Errorf("metrics: %d metrics, %v", len(m.Metrics), err)
				}
			}
			if b := read("metrics-prometheus.txt"); b != nil {
				if m, err := ParseMetrics("text/plain; version=0.0.4", b); err != nil || len(m.Metrics) < 5 {
					t.Errorf("metrics (Prometheus): %d metrics, %v", len(m.Metrics), err)
				}
			}
			if b := read("alerts.json"); b != nil {
				a, err := ParseAlerts(b)
				if err != nil || len(a.Alerts) == 0 {
					t.Errorf("alerts: %+v, %v", a, err)
				}
				for _, al := range a.Alerts {
					if !slices.Contains(Severities, al.Severity) {
						t.Errorf("alert %s: severity %q is not a contract level", al.ID, al.Severity)
					}
				}
			}
			if b := read("alerts-configuration.json"); b != nil {
				if _, err := ParseAlertConfig(b); err != nil && !IsKind(err, KindShape) {
					t.Errorf("alert configuration: %v", err)
				}
			}
			if b := read("dashboard.json"); b != nil {
				d, err := ParseDashboard(b)
				if err != nil {
					t.Fatalf("dashboard: %v", err)
				}
				keys := map[string]bool{}
				for _, s := range d.Summary {
					keys[s.Key] = true
				}
				for _, k := range SummaryKeys {
					if !keys[k] {
						t.Errorf("dashboard: figure %s missing (got %v)", k, d.Summary)
					}
				}
			}
		})
	}
	if seen == 0 {
		t.Skip("no dialect corpus in testdata/dialects")
	}
}
