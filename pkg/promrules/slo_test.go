package promrules

import (
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/appmon/monitoring/pkg/slo"
)

// TestBurnConditionsMatchPkgSLO: the PromQL alerts use the windows that
// pkg/slo computes burn rates over (its conditions are unexported; the
// factors are the SRE workbook's and are read here from the descriptions
// of the Grafana rules, which state them).
func TestBurnConditionsMatchPkgSLO(t *testing.T) {
	known := map[string]bool{}
	for _, w := range slo.BurnWindows {
		known[w.Name] = true
	}
	tmpl := string(readRepo(t, GrafanaRulesPath))
	for _, a := range burnAlerts {
		for _, c := range a.conditions {
			if !known[c.long] || !known[c.short] {
				t.Errorf("%s: window %s or %s is not one of pkg/slo's burn windows", a.sloField, c.long, c.short)
			}
			stated := number(c.factor) + "x over " + c.long + " and " + c.short
			if !strings.Contains(tmpl, stated) {
				t.Errorf("%s: %q is not what the Grafana rule's description states", a.sloField, stated)
			}
		}
	}
}

// TestEveryPageAlertIsUnitTested: prometheus/tests has a case where the
// page alert of each objective fires, and one where the ticket fires.
func TestEveryPageAlertIsUnitTested(t *testing.T) {
	f, err := SLO(slo.DefaultObjectives(), readRepo(t, GrafanaRulesPath), readRepo(t, ThresholdsPath))
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{} // alert name / objective
	tickets := 0
	files, _ := filepath.Glob(filepath.Join(repoRoot, "prometheus", "tests", "*.yaml"))
	for _, p := range files {
		var tf struct {
			Tests []struct {
				AlertRuleTest []struct {
					Alertname string `yaml:"alertname"`
					ExpAlerts []struct {
						ExpLabels map[string]string `yaml:"exp_labels"`
					} `yaml:"exp_alerts"`
				} `yaml:"alert_rule_test"`
			} `yaml:"tests"`
		}
		if err := yaml.Unmarshal(readRepo(t, p[len(repoRoot)+1:]), &tf); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, tc := range tf.Tests {
			for _, a := range tc.AlertRuleTest {
				for _, e := range a.ExpAlerts {
					fired[a.Alertname+"/"+e.ExpLabels["objective"]] = true
					if e.ExpLabels["sloth_severity"] == "ticket" {
						tickets++
					}
				}
			}
		}
	}
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Labels["sloth_severity"] == "page" && !fired[r.Alert+"/"+r.Labels["objective"]] {
				t.Errorf("no promtool test makes %q fire for the %s objective", r.Alert, r.Labels["objective"])
			}
		}
	}
	if tickets == 0 {
		t.Error("no promtool test makes a ticket alert fire")
	}
}
