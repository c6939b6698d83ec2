package provcheck

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/alerting"
	"github.com/prometheus/common/model"
	"go.yaml.in/yaml/v3"
)

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
