package promrules

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/appmon/monitoring/pkg/internal/provcheck"
)

// The parts of a Grafana alert rule provisioning file the translation reads.
type grafanaFile struct {
	Groups []grafanaGroup `yaml:"groups"`
}

type grafanaGroup struct {
	Name  string        `yaml:"name"`
	Rules []grafanaRule `yaml:"rules"`
}

type grafanaRule struct {
	UID         string            `yaml:"uid"`
	Title       string            `yaml:"title"`
	Condition   string            `yaml:"condition"`
	Data        []grafanaQuery    `yaml:"data"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

type grafanaQuery struct {
	RefID             string `yaml:"refId"`
	RelativeTimeRange struct {
		From int64 `yaml:"from"`
		To   int64 `yaml:"to"`
	} `yaml:"relativeTimeRange"`
	DatasourceUID string         `yaml:"datasourceUid"`
	Model         map[string]any `yaml:"model"`
}

// readGrafanaRules fills the template's ${APPMON_...} thresholds with the
// defaults of thresholds.env, as scripts/render-provisioning.sh does
// without environment overrides, and reads the rule groups.
func readGrafanaRules(template, thresholdsEnv []byte) ([]grafanaGroup, error) {
	values, err := provcheck.ParseEnvFile(thresholdsEnv)
	if err != nil {
		return nil, fmt.Errorf("thresholds.env: %w", err)
	}
	rendered, err := provcheck.ExpandEnv(template, values, true)
	if err != nil {
		return nil, fmt.Errorf("rules.yaml.tmpl: %w", err)
	}
	var f grafanaFile
	if err := yaml.Unmarshal(rendered, &f); err != nil {
		return nil, fmt.Errorf("rules.yaml.tmpl: %w", err)
	}
	if len(f.Groups) == 0 {
		return nil, fmt.Errorf("rules.yaml.tmpl has no rule groups")
	}
	return f.Groups, nil
}

func (r grafanaRule) query(ref string) (grafanaQuery, bool) {
	for _, q := range r.Data {
		if q.RefID == ref {
			return q, true
		}
	}
	return grafanaQuery{}, false
}
