package provcheck

import (
	"strings"
	"testing"
)

// Every provisioned dashboard and alerting file decodes strictly with
// Grafana's types: no unknown key, no wrong type, no unknown enum value.
// The generated fleet and Prometheus versions (pkg/dashgen) are checked
// the same way.
func TestRepositoryDashboards(t *testing.T) {
	c := newRepoChecker(t)
	for _, dir := range []string{"dashboards", "dashboards/fleet", "dashboards/prometheus"} {
		for _, name := range repoFiles(t, dir, "*.json") {
			t.Run(dir+"/"+name, func(t *testing.T) {
				if problems := c.Dashboard(readRepoFile(t, dir, name)); len(problems) > 0 {
					t.Errorf("%s/%s:\n  %s", dir, name, strings.Join(problems, "\n  "))
				}
			})
		}
	}
}

func TestRepositoryAlertingFiles(t *testing.T) {
	c := newRepoChecker(t)
	datasources := repoDatasources(t)
	// The rules are a template that scripts/render-provisioning.sh fills in
	// (as readRepoFile does, with the default thresholds).
	files := append(repoFiles(t, "provisioning/alerting", "*.yaml"), repoFiles(t, "provisioning/alerting", "*.yaml.tmpl")...)
	if len(files) != 5 {
		t.Fatalf("provisioning/alerting has %v; expected rules, contact points, policies, mute timings and templates", files)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			if problems := c.AlertingFile(readRepoFile(t, "provisioning", "alerting", name), datasources); len(problems) > 0 {
				t.Errorf("provisioning/alerting/%s:\n  %s", name, strings.Join(problems, "\n  "))
			}
		})
	}
}
