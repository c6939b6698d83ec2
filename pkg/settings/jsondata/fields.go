package jsondata

import (
	"regexp"
	"strings"
)

// FieldProblem is one configuration problem with the path of the setting
// it is about, so an editor can show it next to that field.
type FieldProblem struct {
	// Path is like "slos[1].target"; "" for the section as a whole.
	Path    string
	Message string
}

// FieldProblems splits each "path: what to fix" problem whose path the
// section's pattern matches; the others are about the section as a whole.
func FieldProblems(problems []string, path *regexp.Regexp) []FieldProblem {
	out := make([]FieldProblem, 0, len(problems))
	for _, p := range problems {
		if prefix, msg, ok := strings.Cut(p, ": "); ok && path.MatchString(prefix) {
			out = append(out, FieldProblem{Path: prefix, Message: msg})
			continue
		}
		out = append(out, FieldProblem{Message: p})
	}
	return out
}
