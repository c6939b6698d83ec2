// Package promrules writes the Prometheus rule files in prometheus/rules/
// from the definitions AppMon already has, so the two engines cannot drift:
//
//   - appmon-alerts.yaml: the Grafana-managed alert rules of
//     provisioning/alerting/rules.yaml.tmpl in PromQL, thresholds from
//     provisioning/alerting/thresholds.env, one alert per instance;
//   - appmon-slo.yaml: recording rules and multiwindow multi-burn-rate
//     alerts, sloth style, for the default objectives of pkg/slo.
//
// The files are committed; `go test ./pkg/promrules -run TestGeneratedFiles
// -update` (or go generate ./pkg/promrules) rewrites them after a change
// here or in those definitions.
package promrules

//go:generate go test . -run TestGeneratedFiles -update
