package provcheck

import (
	"fmt"
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/alerting"
	"go.yaml.in/yaml/v3"
)

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
