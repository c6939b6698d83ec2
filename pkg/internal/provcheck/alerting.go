package provcheck

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/grafana/grafana-foundation-sdk/go/alerting"
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/expr"
	"github.com/prometheus/common/model"
	"go.yaml.in/yaml/v3"
)

// exprUID is the uid alert rules use for server-side expressions.
const exprUID = "__expr__"

// alertingFile is Grafana's alerting provisioning file: each file may hold
// any of these sections.
type alertingFile struct {
	APIVersion          int         `yaml:"apiVersion"`
	Groups              []yaml.Node `yaml:"groups"`
	DeleteRules         []orgUID    `yaml:"deleteRules"`
	ContactPoints       []yaml.Node `yaml:"contactPoints"`
	DeleteContactPoints []orgUID    `yaml:"deleteContactPoints"`
	Policies            []yaml.Node `yaml:"policies"`
	ResetPolicies       []int64     `yaml:"resetPolicies"`
	MuteTimes           []yaml.Node `yaml:"muteTimes"`
	DeleteMuteTimes     []orgName   `yaml:"deleteMuteTimes"`
	Templates           []yaml.Node `yaml:"templates"`
	DeleteTemplates     []orgName   `yaml:"deleteTemplates"`
}

type orgUID struct {
	OrgID int64  `yaml:"orgId"`
	UID   string `yaml:"uid"`
}

type orgName struct {
	OrgID int64  `yaml:"orgId"`
	Name  string `yaml:"name"`
}

// AlertingFile checks one file of provisioning/alerting and returns its
// problems. datasources maps the data source uids rules may query to
// their plugin type.
func (c *Checker) AlertingFile(raw []byte, datasources map[string]string) []string {
	var p problems
	var f alertingFile
	if err := strictYAML(raw, &f); err != nil {
		p.add("", "%v", err)
		return p.sorted()
	}
	if f.APIVersion != 1 {
		p.add("apiVersion", "must be 1, not %d", f.APIVersion)
	}
	for i := range f.Groups {
		c.ruleGroup(fmt.Sprintf("groups[%d]", i), &f.Groups[i], datasources, &p)
	}
	for i := range f.ContactPoints {
		c.contactPoint(fmt.Sprintf("contactPoints[%d]", i), &f.ContactPoints[i], &p)
	}
	for i := range f.Policies {
		c.policy(fmt.Sprintf("policies[%d]", i), &f.Policies[i], &p)
	}
	for i := range f.MuteTimes {
		muteTiming(fmt.Sprintf("muteTimes[%d]", i), &f.MuteTimes[i], &p)
	}
	for i := range f.Templates {
		c.notificationTemplate(fmt.Sprintf("templates[%d]", i), &f.Templates[i], &p)
	}
	return p.sorted()
}

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
	c.checkEnums(where, groupJSON, &alerting.RuleGroup{}, p)
	for i, rule := range rules {
		c.ruleSemantics(fmt.Sprintf("%s.rules[%d]", where, i), rule, datasources, p)
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

// checkEnums decodes JSON loosely into an SDK type (the strict decoders
// drop values next to a failing field) and checks its enum values.
func (c *Checker) checkEnums(where string, raw []byte, into any, p *problems) {
	if err := json.Unmarshal(raw, into); err == nil {
		c.enums.check(where, into, p)
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

type contactPointFile struct {
	OrgID     int64       `yaml:"orgId"`
	Name      string      `yaml:"name"`
	Receivers []yaml.Node `yaml:"receivers"`
}

// requiredSettings are the settings without which an integration cannot
// send anything.
var requiredSettings = map[alerting.ContactPointType][]string{
	alerting.ContactPointTypeEmail:     {"addresses"},
	alerting.ContactPointTypeWebhook:   {"url"},
	alerting.ContactPointTypePagerduty: {"integrationKey"},
}

// contactPoint maps each receiver of a file's contact point onto the SDK's
// ContactPoint (one integration with the contact point's name).
func (c *Checker) contactPoint(where string, node *yaml.Node, p *problems) {
	var cp contactPointFile
	if err := strictNode(node, &cp); err != nil {
		p.add(where, "%v", err)
		return
	}
	if cp.Name == "" || len(cp.Receivers) == 0 {
		p.add(where, "a contact point needs a name and at least one receiver")
	}
	for i := range cp.Receivers {
		rWhere := fmt.Sprintf("%s.receivers[%d]", where, i)
		receiver, err := nodeJSON(&cp.Receivers[i])
		if err != nil {
			p.add(rWhere, "%v", err)
			continue
		}
		receiver["name"] = cp.Name
		receiverJSON := toJSON(receiver)
		var sdk alerting.ContactPoint
		if err := sdkErr(sdk.UnmarshalJSONStrict(receiverJSON)); err != nil {
			p.addErr(rWhere, err)
			continue
		}
		c.checkEnums(rWhere, receiverJSON, &alerting.ContactPoint{}, p)
		settings, _ := sdk.Settings.(map[string]any)
		for _, key := range requiredSettings[sdk.Type] {
			if s, _ := settings[key].(string); strings.TrimSpace(s) == "" {
				p.add(join(rWhere, "settings"), "a %s integration needs %s", sdk.Type, key)
			}
		}
	}
}

// policy maps a file's notification policy tree onto the SDK's
// NotificationPolicy and checks its matchers and timings.
func (c *Checker) policy(where string, node *yaml.Node, p *problems) {
	policy, err := nodeJSON(node)
	if err != nil {
		p.add(where, "%v", err)
		return
	}
	delete(policy, "orgId") // the file's; the API takes it from the request
	policyJSON := toJSON(policy)
	var strict alerting.NotificationPolicy
	if err := sdkErr(strict.UnmarshalJSONStrict(policyJSON)); err != nil {
		p.addErr(where, err)
		return
	}
	if strict.Receiver == nil || *strict.Receiver == "" {
		p.add(join(where, "receiver"), "the root policy needs a receiver")
	}
	c.checkEnums(where, policyJSON, &alerting.NotificationPolicy{}, p)
	checkRoute(where, strict, p)
}

var matchTypes = []alerting.MatchType{alerting.MatchTypeEqual, alerting.MatchTypeNotEqual, alerting.MatchTypeEqualRegex, alerting.MatchTypeNotEqualRegex}

func checkRoute(where string, route alerting.NotificationPolicy, p *problems) {
	for key, value := range map[string]*string{"group_wait": route.GroupWait, "group_interval": route.GroupInterval, "repeat_interval": route.RepeatInterval} {
		if value != nil {
			if _, err := model.ParseDuration(*value); err != nil {
				p.add(join(where, key), "%q is not a duration such as 5m", *value)
			}
		}
	}
	if route.ObjectMatchers != nil {
		for i, m := range *route.ObjectMatchers {
			mWhere := fmt.Sprintf("%s.object_matchers[%d]", where, i)
			if len(m) != 3 {
				p.add(mWhere, "a matcher is [label, operator, value], not %d items", len(m))
				continue
			}
			if !slices.Contains(matchTypes, alerting.MatchType(m[1])) {
				p.add(mWhere, "operator %q is not one of =, !=, =~, !~", m[1])
			}
			if strings.Contains(m[1], "~") {
				if _, err := regexp.Compile("^(?:" + m[2] + ")$"); err != nil {
					p.add(mWhere, "%q is not a valid regular expression: %v", m[2], err)
				}
			}
		}
	}
	for i, r := range route.Routes {
		checkRoute(fmt.Sprintf("%s.routes[%d]", where, i), r, p)
	}
}

// templateFuncs names the functions notification templates may call
// (Alertmanager's); only the names matter for parsing.
var templateFuncs = template.FuncMap{}

func init() {
	for _, name := range []string{"toUpper", "toLower", "title", "trimSpace", "join", "match", "safeHtml",
		"reReplaceAll", "stringSlice", "date", "tz", "since", "humanizeDuration"} {
		templateFuncs[name] = func(...any) any { return nil }
	}
}

// notificationTemplate maps a file's template onto the SDK's
// NotificationTemplate and parses its text as Go text/template.
func (c *Checker) notificationTemplate(where string, node *yaml.Node, p *problems) {
	tmpl, err := nodeJSON(node)
	if err != nil {
		p.add(where, "%v", err)
		return
	}
	delete(tmpl, "orgId")
	var sdk alerting.NotificationTemplate
	if err := sdkErr(sdk.UnmarshalJSONStrict(toJSON(tmpl))); err != nil {
		p.addErr(where, err)
		return
	}
	if sdk.Name == nil || *sdk.Name == "" || sdk.Template == nil {
		p.add(where, "a template needs a name and a template")
		return
	}
	if _, err := template.New(*sdk.Name).Funcs(templateFuncs).Parse(*sdk.Template); err != nil {
		p.add(join(where, "template"), "%v", err)
	}
}
