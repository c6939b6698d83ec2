package ruleoracle

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/prometheus/common/model"
	"go.yaml.in/yaml/v3"

	"github.com/appmon/monitoring/pkg/internal/provcheck"
)

// ExprUID is the data source uid of server-side expressions.
const ExprUID = "__expr__"

// Rule is one provisioned alert rule, its thresholds expanded.
type Rule struct {
	UID, Title, Group string
	Condition         string
	For               time.Duration
	NoDataState       string
	ExecErrState      string
	Labels            map[string]string
	Data              []Query
}

// Query is one entry of a rule's data: a data source query or an expression.
type Query struct {
	RefID         string
	DatasourceUID string
	From, To      time.Duration // relativeTimeRange: before the evaluation time
	Model         json.RawMessage
}

// IsExpression reports whether the query is a server-side expression.
func (q Query) IsExpression() bool { return q.DatasourceUID == ExprUID }

type rulesFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			UID          string            `yaml:"uid"`
			Title        string            `yaml:"title"`
			Condition    string            `yaml:"condition"`
			For          string            `yaml:"for"`
			NoDataState  string            `yaml:"noDataState"`
			ExecErrState string            `yaml:"execErrState"`
			Labels       map[string]string `yaml:"labels"`
			Data         []struct {
				RefID             string                   `yaml:"refId"`
				DatasourceUID     string                   `yaml:"datasourceUid"`
				RelativeTimeRange struct{ From, To int64 } `yaml:"relativeTimeRange"`
				Model             map[string]any           `yaml:"model"`
			} `yaml:"data"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

// Load reads a rules file after replacing ${NAME} from env, as Grafana
// does at startup; a name env does not set is an error. Unset states get
// Grafana's defaults (noDataState NoData, execErrState Error).
func Load(rulesYAML []byte, env map[string]string) ([]Rule, error) {
	expanded, err := provcheck.ExpandEnv(rulesYAML, env, true)
	if err != nil {
		return nil, err
	}
	var f rulesFile
	if err := yaml.Unmarshal(expanded, &f); err != nil {
		return nil, err
	}
	var out []Rule
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			rule := Rule{UID: r.UID, Title: r.Title, Group: g.Name, Condition: r.Condition,
				NoDataState: r.NoDataState, ExecErrState: r.ExecErrState, Labels: r.Labels}
			if rule.NoDataState == "" {
				rule.NoDataState = "NoData"
			}
			if rule.ExecErrState == "" {
				rule.ExecErrState = "Error"
			}
			if r.For != "" {
				d, err := model.ParseDuration(r.For)
				if err != nil {
					return nil, fmt.Errorf("rule %s: for: %v", r.UID, err)
				}
				rule.For = time.Duration(d)
			}
			for _, d := range r.Data {
				m, err := json.Marshal(d.Model)
				if err != nil {
					return nil, fmt.Errorf("rule %s query %s: %v", r.UID, d.RefID, err)
				}
				rule.Data = append(rule.Data, Query{RefID: d.RefID, DatasourceUID: d.DatasourceUID, Model: m,
					From: time.Duration(d.RelativeTimeRange.From) * time.Second, To: time.Duration(d.RelativeTimeRange.To) * time.Second})
			}
			out = append(out, rule)
		}
	}
	return out, nil
}
