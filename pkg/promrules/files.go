package promrules

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/appmon/monitoring/pkg/slo"
)

// Paths, relative to the repository root.
const (
	GrafanaRulesPath = "provisioning/alerting/rules.yaml.tmpl"
	ThresholdsPath   = "provisioning/alerting/thresholds.env"
	AlertsPath       = "prometheus/rules/appmon-alerts.yaml"
	SLOPath          = "prometheus/rules/appmon-slo.yaml"
)

// Files renders every generated rule file from the definitions under
// root (the repository root), by path relative to it.
func Files(root string) (map[string][]byte, error) {
	template, err := os.ReadFile(filepath.Join(root, GrafanaRulesPath))
	if err != nil {
		return nil, err
	}
	thresholds, err := os.ReadFile(filepath.Join(root, ThresholdsPath))
	if err != nil {
		return nil, err
	}
	alerts, err := Alerts(template, thresholds)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", AlertsPath, err)
	}
	slos, err := SLO(slo.DefaultObjectives(), template, thresholds)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SLOPath, err)
	}
	out := map[string][]byte{}
	for path, f := range map[string]RuleFile{AlertsPath: alerts, SLOPath: slos} {
		if out[path], err = f.Marshal(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return out, nil
}
