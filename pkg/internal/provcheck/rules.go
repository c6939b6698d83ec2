package provcheck

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/grafana/grafana-foundation-sdk/go/alerting"
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/expr"
	"github.com/prometheus/common/model"
	"go.yaml.in/yaml/v3"
)

type ruleGroupFile struct {
	OrgID    int64       `yaml:"orgId"`
	Name     string      `yaml:"name"`
	Folder   string      `yaml:"folder"`
	Interval string      `yaml:"interval"`
	Rules    []yaml.Node `yaml:"rules"`
}

// ruleGroup maps a file's rule group onto the SDK's RuleGroup and Rule:
// the group's name, folder and org go into each rule, and the file's few
// differently named keys are renamed; every other key must be one the
// SDK's Rule has.
func (c *Checker) ruleGroup(where string, node *yaml.Node, datasources map[string]string, p *problems) {
	var g ruleGroupFile
	if err := strictNode(node, &g); err != nil {
		p.add(where, "%v", err)
		return
	}
	if g.Name == "" || g.Folder == "" {
		p.add(where, "a rule group needs a name and a folder")
	}
	interval, err := model.ParseDuration(g.Interval)
	if err != nil || interval <= 0 {
		p.add(join(where, "interval"), "%q is not a positive duration such as 1m", g.Interval)
	}
	var rules []map[string]any
	for i := range g.Rules {
		rule, err := nodeJSON(&g.Rules[i])
		if err != nil {
			p.add(fmt.Sprintf("%s.rules[%d]", where, i), "%v", err)
			continue
		}
		rules = append(rules, fileRuleToAPI(rule, g))
	}
	group := map[string]any{
		"title":     g.Name,
		"folderUid": g.Folder,
		"interval":  int64(time.Duration(interval).Seconds()),
		"rules":     rules,
	}
	groupJSON := toJSON(group)
	var strict alerting.RuleGroup
	if err := sdkErr(strict.UnmarshalJSONStrict(groupJSON)); err != nil {
		p.addErr(where, err)
	}
	for i, rule := range rules {
		ruleWhere := fmt.Sprintf("%s.rules[%d]", where, i)
		// Rule by rule, so that one rule's wrong type cannot hide another's enum.
		c.checkEnums(ruleWhere, toJSON(rule), &alerting.Rule{}, p)
		c.ruleSemantics(ruleWhere, rule, datasources, p)
	}
}

// fileRuleToAPI renames the provisioning file's rule keys to the API's
// and fills in what the file leaves to the group or to defaults.
func fileRuleToAPI(rule map[string]any, g ruleGroupFile) map[string]any {
	out := map[string]any{}
	for k, v := range rule {
		out[k] = v
	}
	if v, ok := out["keepFiringFor"]; ok {
		out["keep_firing_for"] = v
		delete(out, "keepFiringFor")
	}
	// The file's dashboardUid and panelId are stored as these annotations.
	for fileKey, annotation := range map[string]string{"dashboardUid": "__dashboardUid__", "panelId": "__panelId__"} {
		if v, ok := out[fileKey]; ok {
			annotations, _ := out["annotations"].(map[string]any)
			if annotations == nil {
				annotations = map[string]any{}
			}
			annotations[annotation] = fmt.Sprint(v)
			out["annotations"] = annotations
			delete(out, fileKey)
		}
	}
	out["orgID"] = g.OrgID
	out["folderUID"] = g.Folder
	out["ruleGroup"] = g.Name
	defaults := map[string]any{"for": "0s", "noDataState": "NoData", "execErrState": "Alerting"}
	for k, v := range defaults {
		if _, ok := out[k]; !ok {
			out[k] = v
		}
	}
	return out
}

// ruleSemantics checks what the types cannot: durations, that the
// condition and expressions name queries of the rule, and each query's
// model against its data source.
func (c *Checker) ruleSemantics(where string, rule map[string]any, datasources map[string]string, p *problems) {
	for _, key := range []string{"for", "keep_firing_for"} {
		if s, ok := rule[key].(string); ok {
			if _, err := model.ParseDuration(s); err != nil {
				p.add(join(where, key), "%q is not a duration such as 5m", s)
			}
		}
	}
	data, _ := rule["data"].([]any)
	var refIDs []string
	for _, d := range data {
		if q, ok := d.(map[string]any); ok {
			if ref, ok := q["refId"].(string); ok {
				refIDs = append(refIDs, ref)
			}
		}
	}
	if cond, _ := rule["condition"].(string); !slices.Contains(refIDs, cond) {
		p.add(join(where, "condition"), "%q is not the refId of one of the rule's queries (%s)", cond, strings.Join(refIDs, ", "))
	}
	for i, d := range data {
		q, ok := d.(map[string]any)
		if !ok {
			continue
		}
		qWhere := fmt.Sprintf("%s.data[%d]", where, i)
		uid, _ := q["datasourceUid"].(string)
		modelJSON := toJSON(q["model"])
		switch {
		case uid == exprUID:
			if _, err := cog.StrictUnmarshalDataquery(modelJSON, exprUID); sdkErr(err) != nil {
				p.addErr(join(qWhere, "model"), err)
			}
			c.checkEnums(join(qWhere, "model"), modelJSON, &expr.Expr{}, p)
			if expr, ok := q["model"].(map[string]any)["expression"].(string); ok {
				checkExpressionRefs(join(qWhere, "model.expression"), expr, refIDs, p)
			}
		case datasources[uid] == DatasourceType:
			if _, err := decodeAppmonQuery(modelJSON); err != nil {
				p.add(join(qWhere, "model"), "%v", err)
			}
		case datasources[uid] == "":
			p.add(join(qWhere, "datasourceUid"), "%q is neither a provisioned data source nor %s", uid, exprUID)
		}
	}
}

var refName = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|^([A-Za-z_][A-Za-z0-9_]*)$`)

// checkExpressionRefs checks that an expression's inputs ($A in math, A in
// reduce/threshold) are queries of the rule.
func checkExpressionRefs(where, expr string, refIDs []string, p *problems) {
	for _, m := range refName.FindAllStringSubmatch(strings.TrimSpace(expr), -1) {
		ref := m[1] + m[2]
		if !slices.Contains(refIDs, ref) {
			p.add(where, "refers to %q, which is not a query of this rule (%s)", ref, strings.Join(refIDs, ", "))
		}
	}
}
