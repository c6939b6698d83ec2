package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// This file reads the repository's provisioned dashboards and alert rules
// the way Grafana does, so their queries can be run through the backend.

const (
	appmonType = "appmon-endpoints-datasource"
	appmonUID  = "appmon" // provisioning/datasources/appmon.yaml
)

// repoPath is a path relative to the repository root.
func repoPath(t testing.TB, parts ...string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test source")
	}
	return filepath.Join(append([]string{filepath.Dir(file), "..", ".."}, parts...)...)
}

type dashboardFile struct {
	File       string
	UID        string                    `json:"uid"`
	Title      string                    `json:"title"`
	Time       struct{ From, To string } `json:"time"`
	Templating struct {
		List []variableJSON `json:"list"`
	} `json:"templating"`
	Panels []panelJSON `json:"panels"`
}

type variableJSON struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Query      json.RawMessage `json:"query"`
	Datasource json.RawMessage `json:"datasource"`
	AllValue   string          `json:"allValue"`
	Current    struct {
		Value json.RawMessage `json:"value"`
	} `json:"current"`
}

type panelJSON struct {
	ID              int               `json:"id"`
	Type            string            `json:"type"`
	Title           string            `json:"title"`
	Datasource      json.RawMessage   `json:"datasource"`
	Targets         []json.RawMessage `json:"targets"`
	TimeFrom        string            `json:"timeFrom"`
	TimeShift       string            `json:"timeShift"`
	MaxDataPoints   int64             `json:"maxDataPoints"`
	Transformations []struct {
		ID string `json:"id"`
	} `json:"transformations"`
	Options struct {
		ReduceOptions struct {
			Fields string `json:"fields"`
		} `json:"reduceOptions"`
	} `json:"options"`
	FieldConfig struct {
		Defaults struct {
			NoValue string `json:"noValue"`
		} `json:"defaults"`
	} `json:"fieldConfig"`
	Panels []panelJSON `json:"panels"` // collapsed rows keep theirs inside
}

func loadDashboards(t *testing.T) []dashboardFile {
	t.Helper()
	return loadDashboardsIn(t, "dashboards")
}

// allPanels flattens rows (collapsed rows hold their panels inside).
func allPanels(ps []panelJSON) []panelJSON {
	var out []panelJSON
	for _, p := range ps {
		if p.Type != "row" {
			out = append(out, p)
		}
		out = append(out, allPanels(p.Panels)...)
	}
	return out
}

// datasourceRef reads a panel or target datasource: an object {type, uid}
// or, in older dashboards, a name or uid string.
func datasourceRef(raw json.RawMessage) (typ, uid string) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	var obj struct{ Type, UID string }
	if json.Unmarshal(raw, &obj) == nil {
		return obj.Type, obj.UID
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return "", s
}

// isAppMon reports whether a reference points at the AppMon data source:
// by type, by the provisioned uid, or through the dashboard's data source
// variable (which the dashboards define with this plugin type).
func isAppMon(typ, uid string) bool {
	return typ == appmonType || uid == appmonUID || uid == "${datasource}" || uid == "$datasource"
}

// variableValues are the dashboard variables' values for interpolation,
// as Grafana's frontend renders them for a backend data source: the saved
// value; "All" as the allValue or every option in glob form "{a,b}"; the
// first option when nothing is saved. options lists a variable's values.
func variableValues(d dashboardFile, options func(v variableJSON) ([]string, error)) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range d.Templating.List {
		if v.Type == "datasource" {
			continue // the uid is the instance under test
		}
		saved := savedValue(v.Current.Value)
		switch {
		case saved == "$__all" && v.AllValue != "":
			out[v.Name] = v.AllValue
		case saved != "" && saved != "$__all":
			out[v.Name] = saved
		default:
			all, err := options(v)
			if err != nil {
				return nil, fmt.Errorf("variable %s: %w", v.Name, err)
			}
			if len(all) == 0 {
				return nil, fmt.Errorf("variable %s has no values", v.Name)
			}
			if saved == "" {
				all = all[:1]
			}
			out[v.Name] = glob(all)
		}
	}
	return out, nil
}

// savedValue is a variable's saved value; a list is rendered in glob form.
func savedValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		for _, it := range list {
			if it == "$__all" {
				return it
			}
		}
		return glob(list)
	}
	return ""
}

// glob is Grafana's default multi-value format.
func glob(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	if len(values) == 0 {
		return ""
	}
	return "{" + strings.Join(values, ",") + "}"
}

var variableRef = regexp.MustCompile(`\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)`)

// interpolate replaces $var, ${var} and [[var]] in a target's JSON text
// with JSON-escaped values; unknown names are left for the test to see.
func interpolate(target json.RawMessage, values map[string]string) json.RawMessage {
	return json.RawMessage(variableRef.ReplaceAllStringFunc(string(target), func(m string) string {
		sub := variableRef.FindStringSubmatch(m)
		name := sub[1] + sub[2] + sub[3]
		v, ok := values[name]
		if !ok {
			return m
		}
		b, _ := json.Marshal(v)
		return string(b[1 : len(b)-1])
	}))
}

// variableQuery reads a query variable's text (a string, or {"query": ...}).
func variableQuery(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Query string `json:"query"`
	}
	_ = json.Unmarshal(raw, &obj)
	return obj.Query
}

// variableResource maps a variable query to the backend resource call that
// answers it (the grammar of src/datasource/variables.ts).
var variablePattern = regexp.MustCompile(`^\s*(categories|metrics|services|severities|objectives)\s*(?:\(\s*([^)]*?)\s*\))?\s*$`)

func variableResource(q string) (string, error) {
	m := variablePattern.FindStringSubmatch(q)
	if m == nil {
		return "", fmt.Errorf("unknown variable query %q", q)
	}
	if m[1] == "metrics" && m[2] != "" {
		return "metrics?category=" + m[2], nil
	}
	return m[1], nil
}

var relativeTime = regexp.MustCompile(`^now(?:-(\d+)([smhdwMy]))?(?:/([dwMy]))?$`)

// grafanaTime resolves a dashboard time ("now", "now-6h", "now/M",
// "now-1d/d") in UTC; end rounds "/unit" up to the unit's end as Grafana
// does for the "to" side.
func grafanaTime(s string, now time.Time, end bool) (time.Time, error) {
	m := relativeTime.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, fmt.Errorf("time %q is not supported by this test (use now, now-<n><unit> or now/<unit>)", s)
	}
	t := now.UTC()
	if m[1] != "" {
		n, _ := strconv.Atoi(m[1])
		t = shiftBack(t, n, m[2])
	}
	if m[3] != "" {
		t = startOf(t, m[3])
		if end {
			t = shiftBack(t, -1, m[3])
		}
	}
	return t, nil
}

func shiftBack(t time.Time, n int, unit string) time.Time {
	switch unit {
	case "s":
		return t.Add(-time.Duration(n) * time.Second)
	case "m":
		return t.Add(-time.Duration(n) * time.Minute)
	case "h":
		return t.Add(-time.Duration(n) * time.Hour)
	case "d":
		return t.AddDate(0, 0, -n)
	case "w":
		return t.AddDate(0, 0, -7*n)
	case "M":
		return t.AddDate(0, -n, 0)
	default:
		return t.AddDate(-n, 0, 0)
	}
}

func startOf(t time.Time, unit string) time.Time {
	y, mo, d := t.Date()
	switch unit {
	case "d":
		return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	case "w":
		return time.Date(y, mo, d-int(t.Weekday()), 0, 0, 0, 0, time.UTC)
	case "M":
		return time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
}

var panelDuration = regexp.MustCompile(`^(\d+)([smhdwMy])$`)

// panelRange applies a panel's relative time (timeFrom: the last N units)
// and time shift (both ends N units earlier) to the dashboard range.
func panelRange(p panelJSON, from, to, now time.Time) (time.Time, time.Time, error) {
	if s := strings.TrimSpace(p.TimeFrom); s != "" {
		m := panelDuration.FindStringSubmatch(s)
		if m == nil {
			return from, to, fmt.Errorf("timeFrom %q is not supported by this test", s)
		}
		n, _ := strconv.Atoi(m[1])
		from, to = shiftBack(now, n, m[2]), now
	}
	if s := strings.TrimSpace(p.TimeShift); s != "" {
		m := panelDuration.FindStringSubmatch(s)
		if m == nil {
			return from, to, fmt.Errorf("timeShift %q is not supported by this test", s)
		}
		n, _ := strconv.Atoi(m[1])
		from, to = shiftBack(from, n, m[2]), shiftBack(to, n, m[2])
	}
	return from, to, nil
}

// ruleQuery is one AppMon data query of a provisioned alert rule.
type ruleQuery struct {
	RuleUID, Title string
	RefID          string
	From, To       time.Duration // relativeTimeRange: seconds before now
	Model          json.RawMessage
}

type rulesFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			UID   string `yaml:"uid"`
			Title string `yaml:"title"`
			Data  []struct {
				RefID             string `yaml:"refId"`
				DatasourceUID     string `yaml:"datasourceUid"`
				RelativeTimeRange struct {
					From int64 `yaml:"from"`
					To   int64 `yaml:"to"`
				} `yaml:"relativeTimeRange"`
				Model map[string]any `yaml:"model"`
			} `yaml:"data"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

// loadRuleQueries returns every AppMon data query of rules.yaml, grouped
// by rule in file order.
func loadRuleQueries(t *testing.T) [][]ruleQuery {
	t.Helper()
	b, err := os.ReadFile(repoPath(t, "provisioning", "alerting", "rules.yaml.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	var f rulesFile
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatalf("rules.yaml: %v", err)
	}
	var out [][]ruleQuery
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			var qs []ruleQuery
			for _, d := range r.Data {
				if d.DatasourceUID != appmonUID {
					continue
				}
				model, err := json.Marshal(d.Model)
				if err != nil {
					t.Fatalf("rule %s query %s: %v", r.UID, d.RefID, err)
				}
				qs = append(qs, ruleQuery{RuleUID: r.UID, Title: r.Title, RefID: d.RefID, Model: model,
					From: time.Duration(d.RelativeTimeRange.From) * time.Second, To: time.Duration(d.RelativeTimeRange.To) * time.Second})
			}
			if len(qs) > 0 {
				out = append(out, qs)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("rules.yaml has no rule on the AppMon data source (datasourceUid: appmon)")
	}
	return out
}

// ruleQueryByUID finds one rule's AppMon queries.
func ruleQueryByUID(t *testing.T, uid string) []ruleQuery {
	t.Helper()
	for _, qs := range loadRuleQueries(t) {
		if qs[0].RuleUID == uid {
			return qs
		}
	}
	t.Fatalf("rules.yaml has no rule %q", uid)
	return nil
}
