package promrules

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// RuleFile is a Prometheus rule file (rule_files in prometheus.yml).
type RuleFile struct {
	// Comment goes at the top of the file, one "# " line per line.
	Comment string
	Groups  []Group
}

// Group is one rule group; its rules are evaluated in order, so a rule
// may read what an earlier one of the same group recorded.
type Group struct {
	Name    string
	Comment string
	Rules   []Rule
}

// Rule is a recording rule (Record set) or an alerting rule (Alert set).
type Rule struct {
	Comment     string
	Record      string
	Alert       string
	Expr        string
	For         string
	Labels      map[string]string
	Annotations map[string]string
}

type ruleYAML struct {
	Record      string            `yaml:"record,omitempty"`
	Alert       string            `yaml:"alert,omitempty"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for,omitempty"`
	Labels      map[string]string `yaml:"labels,omitempty"`
	Annotations map[string]string `yaml:"annotations,omitempty"`
}

// Marshal writes the file as Prometheus reads it, with the comments.
func (f RuleFile) Marshal() ([]byte, error) {
	groups := &yaml.Node{Kind: yaml.SequenceNode}
	for _, g := range f.Groups {
		rules := &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range g.Rules {
			if (r.Record == "") == (r.Alert == "") {
				return nil, fmt.Errorf("group %q: a rule needs exactly one of record and alert (%q, %q)", g.Name, r.Record, r.Alert)
			}
			var n yaml.Node
			if err := n.Encode(ruleYAML{r.Record, r.Alert, r.Expr, r.For, r.Labels, r.Annotations}); err != nil {
				return nil, err
			}
			n.HeadComment = r.Comment
			rules.Content = append(rules.Content, &n)
		}
		group := &yaml.Node{Kind: yaml.MappingNode, HeadComment: g.Comment}
		group.Content = append(group.Content, str("name"), str(g.Name), str("rules"), rules)
		groups.Content = append(groups.Content, group)
	}
	doc := &yaml.Node{Kind: yaml.MappingNode}
	doc.Content = append(doc.Content, str("groups"), groups)
	doc.Content[0].HeadComment = f.Comment
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
