package slo

import (
	"regexp"
	"strings"
)

// FieldProblem is one configuration problem with the path of the setting
// it is about, so an editor can show it next to that field.
type FieldProblem struct {
	// Path is like "slos[1].target"; "" for the list as a whole.
	Path    string
	Message string
}

// problemPath matches the "slos[1].target" prefix every item problem starts with.
var problemPath = regexp.MustCompile(`^` + JSONDataKey + `(\[\d+\])?(\.[a-z_]+)*$`)

// Fields splits each problem into the setting's path and what to fix.
func (e *ConfigError) Fields() []FieldProblem {
	out := make([]FieldProblem, 0, len(e.Problems))
	for _, p := range e.Problems {
		if path, msg, ok := strings.Cut(p, ": "); ok && problemPath.MatchString(path) {
			out = append(out, FieldProblem{Path: path, Message: msg})
			continue
		}
		out = append(out, FieldProblem{Message: p})
	}
	return out
}
