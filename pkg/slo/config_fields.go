package slo

import (
	"regexp"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// FieldProblem is a problem with the path of its setting, e.g. "slos[1].target".
type FieldProblem = jsondata.FieldProblem

// problemPath matches the "slos[1].target" prefix every item problem starts with.
var problemPath = regexp.MustCompile(`^` + JSONDataKey + `(\[\d+\])?(\.[a-z_]+)*$`)

// Fields splits each problem into the setting's path and what to fix.
func (e *ConfigError) Fields() []FieldProblem { return jsondata.FieldProblems(e.Problems, problemPath) }
