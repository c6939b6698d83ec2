package oncall

import (
	"regexp"
	"strings"
)

// FieldProblem is one configuration problem with the path of the setting
// it is about, so an editor can show it next to that field.
type FieldProblem struct {
	// Path is like "oncall.layers[0].handoff_time"; "" for the schedule as a whole.
	Path    string
	Message string
}

// problemPath matches the "oncall.layers[0].members[1].name" prefix of problems.
var problemPath = regexp.MustCompile(`^` + JSONDataKey + `(\.[a-z_]+(\[\d+\])?)+$`)

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
