package oncall

import (
	"regexp"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// FieldProblem is a problem with the path of its setting, e.g. "oncall.layers[0].handoff_time".
type FieldProblem = jsondata.FieldProblem

// problemPath matches the "oncall.layers[0].members[1].name" prefix of problems.
var problemPath = regexp.MustCompile(`^` + JSONDataKey + `(\.[a-z_]+(\[\d+\])?)+$`)

// Fields splits each problem into the setting's path and what to fix.
func (e *ConfigError) Fields() []FieldProblem { return jsondata.FieldProblems(e.Problems, problemPath) }
