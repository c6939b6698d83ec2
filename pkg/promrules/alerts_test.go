package promrules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readRepo(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEveryGrafanaRuleIsTranslatedOrNamed: each Grafana-managed rule is an
// alert of the same name, or named in a comment saying why it is not.
func TestEveryGrafanaRuleIsTranslatedOrNamed(t *testing.T) {
	tmpl, env := readRepo(t, GrafanaRulesPath), readRepo(t, ThresholdsPath)
	groups, err := readGrafanaRules(tmpl, env)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Alerts(tmpl, env)
	if err != nil {
		t.Fatal(err)
	}
	alerts := map[string]bool{}
	comments := f.Comment
	for _, g := range f.Groups {
		comments += g.Comment
		for _, r := range g.Rules {
			alerts[r.Alert] = true
		}
	}
	total := 0
	for _, g := range groups {
		for _, r := range g.Rules {
			total++
			if !alerts[r.Title] && !strings.Contains(comments, `"`+r.Title+`"`) {
				t.Errorf("%s (%q) is neither translated nor named in a comment", r.UID, r.Title)
			}
		}
	}
	if len(alerts) < total/2 {
		t.Errorf("only %d of %d rules translated", len(alerts), total)
	}
}

const oneRule = `groups:
- name: G
  rules:
  - uid: u
    title: T
    condition: C
    data:
    - refId: A
      relativeTimeRange: {from: 600, to: 0}
      datasourceUid: appmon
      model: {queryType: metrics, metricName: api.response_time.p95, endpoint: overall, refId: A}
    - refId: B
      datasourceUid: __expr__
      model: {refId: B, type: reduce, expression: A, reducer: REDUCER}
    - refId: C
      datasourceUid: __expr__
      model:
        refId: C
        type: threshold
        expression: B
        conditions: [{evaluator: {type: OP, params: [${APPMON_X}]}}]
    for: 5m
    labels: {severity: high}
    annotations:
      summary: now {{ with $values.REF }}{{ humanize .Value }}{{ end }} ms
      __panelId__: '3'
`

func TestAlertTranslation(t *testing.T) {
	cases := []struct {
		reducer, op, ref, want, err string
	}{
		{"mean", "gt", "B", `avg_over_time(api_response_time_p95{endpoint=""}[10m]) > 750.5`, ""},
		{"max", "lt", "B", `max_over_time(api_response_time_p95{endpoint=""}[10m]) < 750.5`, ""},
		{"last", "gt", "B", `api_response_time_p95{endpoint=""} > 750.5`, ""},
		{"median", "gt", "B", "", `reducer "median" has no PromQL version`},
		{"mean", "within_range", "B", "", "only gt and lt"},
		{"mean", "gt", "A", "", "shows $values.A, but the condition compares B"},
	}
	for _, c := range cases {
		tmpl := strings.NewReplacer("REDUCER", c.reducer, "OP", c.op, "REF", c.ref).Replace(oneRule)
		f, err := Alerts([]byte(tmpl), []byte("APPMON_X=750.5\n"))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s %s: error %v, want one saying %q", c.reducer, c.op, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s %s: %v", c.reducer, c.op, err)
		}
		r := f.Groups[0].Rules[0]
		if r.Expr != c.want || r.Alert != "T" || r.For != "5m" || r.Labels["severity"] != "high" {
			t.Errorf("%s %s: got %+v, want expr %s", c.reducer, c.op, r, c.want)
		}
		if r.Annotations["summary"] != "now {{ $value | humanize }} ms" || r.Annotations["__panelId__"] != "" {
			t.Errorf("annotations %v: want $value and no Grafana panel link", r.Annotations)
		}
	}
}

func TestMissingThresholdIsAnError(t *testing.T) {
	tmpl := strings.NewReplacer("REDUCER", "mean", "OP", "gt", "REF", "B").Replace(oneRule)
	if _, err := Alerts([]byte(tmpl), []byte("APPMON_Y=1\n")); err == nil || !strings.Contains(err.Error(), "APPMON_X") {
		t.Errorf("error %v, want one naming APPMON_X", err)
	}
}
