package provcheck

import (
	"fmt"

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
