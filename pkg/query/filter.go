package query

import (
	"fmt"
	"path"
	"strings"

	"github.com/appmon/monitoring/pkg/parse"
)

// Matcher matches names against a list of exact names or "*" patterns.
// The zero value matches everything.
type Matcher struct {
	patterns []string
}

const maxPatterns = 100

// NewMatcher parses a filter ("", "a", "a,b", "{a,b}", "api.*").
func NewMatcher(raw string) (Matcher, error) {
	items := splitList(raw)
	if len(items) > maxPatterns {
		return Matcher{}, fmt.Errorf("%d items; use at most %d or a wildcard such as api.*", len(items), maxPatterns)
	}
	for _, it := range items {
		if it == "*" || strings.EqualFold(it, "all") || it == "$__all" {
			return Matcher{}, nil
		}
		if _, err := path.Match(it, ""); err != nil {
			return Matcher{}, fmt.Errorf("%q is not a valid pattern", it)
		}
	}
	return Matcher{patterns: items}, nil
}

// All reports whether the matcher matches everything.
func (m Matcher) All() bool { return len(m.patterns) == 0 }

// Match reports whether name matches; dotted names also match their
// Prometheus spelling so either can be typed.
func (m Matcher) Match(name string) bool {
	if m.All() {
		return true
	}
	prom := parse.PrometheusName(name)
	for _, p := range m.patterns {
		if p == name || parse.PrometheusName(p) == prom {
			return true
		}
		if strings.ContainsAny(p, "*?[") {
			if ok, _ := path.Match(p, name); ok {
				return true
			}
			if ok, _ := path.Match(p, prom); ok {
				return true
			}
		}
	}
	return false
}

// Exact returns the names when every pattern is an exact name.
func (m Matcher) Exact() ([]string, bool) {
	if m.All() {
		return nil, false
	}
	for _, p := range m.patterns {
		if strings.ContainsAny(p, "*?[") {
			return nil, false
		}
	}
	return m.patterns, true
}

// String is the filter as typed, for messages.
func (m Matcher) String() string { return strings.Join(m.patterns, ",") }
