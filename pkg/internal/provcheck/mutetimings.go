package provcheck

import (
	"github.com/prometheus/alertmanager/timeinterval"
	"go.yaml.in/yaml/v3"
	yamlv2 "gopkg.in/yaml.v2"
)

// muteTimingFile is a mute timing as the provisioning file holds it; its
// time intervals are Alertmanager's.
type muteTimingFile struct {
	OrgID         int64                       `yaml:"orgId"`
	Name          string                      `yaml:"name"`
	TimeIntervals []timeinterval.TimeInterval `yaml:"time_intervals"`
}

// muteTiming parses a mute timing with Alertmanager's own time interval
// parser, which rejects unknown weekdays and months, out-of-range days,
// times out of order and unknown locations. Alertmanager's types read
// YAML through yaml.v2, whose strict mode also rejects unknown keys.
func muteTiming(where string, node *yaml.Node, p *problems) {
	raw, err := yaml.Marshal(node)
	if err != nil {
		p.add(where, "%v", err)
		return
	}
	var mt muteTimingFile
	if err := yamlv2.UnmarshalStrict(raw, &mt); err != nil {
		p.add(where, "%v", tidyYAMLError(err))
		return
	}
	if mt.Name == "" || len(mt.TimeIntervals) == 0 {
		p.add(where, "a mute timing needs a name and at least one time interval")
	}
}
