package provcheck

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
)

// problems collects readable findings, each prefixed with where it is.
type problems []string

func (p *problems) add(where, format string, args ...any) {
	msg := tidyTypeError(fmt.Sprintf(format, args...))
	if where != "" {
		msg = where + ": " + msg
	}
	*p = append(*p, msg)
}

// addErr records a decoding error; the SDK's build errors become one
// problem each, with their field path.
func (p *problems) addErr(where string, err error) {
	if err == nil {
		return
	}
	var buildErrs cog.BuildErrors
	if errors.As(err, &buildErrs) {
		for _, e := range buildErrs {
			p.add(join(where, tidyPath(e.Path)), "%s", e.Message)
		}
		return
	}
	p.add(where, "%s", err.Error())
}

// sdkErr is the error of an SDK strict decode, or nil. The generated
// decoders return an empty error list as a non-nil error when nothing is
// wrong, which would otherwise look like a failure with no message.
func sdkErr(err error) error {
	var buildErrs cog.BuildErrors
	if errors.As(err, &buildErrs) && len(buildErrs) == 0 {
		return nil
	}
	return err
}

// sorted returns the problems in a stable order, without duplicates.
func (p problems) sorted() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range p {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

var typeError = regexp.MustCompile(`(?:json: )?cannot unmarshal (\w+) into Go (?:struct field \S+|value) of type (\S+)`)

// tidyTypeError speaks of JSON values, not Go types: "json: cannot
// unmarshal string into Go value of type uint32" becomes "must be a
// number, not text".
func tidyTypeError(msg string) string {
	return typeError.ReplaceAllStringFunc(msg, func(m string) string {
		sub := typeError.FindStringSubmatch(m)
		return "must be " + wantedKind(sub[2]) + ", not " + jsonKind(sub[1])
	})
}

func wantedKind(goType string) string {
	t := strings.ToLower(goType)
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map"):
		return "an object"
	case strings.Contains(t, "int"), strings.Contains(t, "float"), strings.Contains(t, "duration"):
		return "a number"
	case t == "string" || strings.HasSuffix(t, "string"):
		return "text"
	case t == "bool":
		return "true or false"
	default:
		return "an object"
	}
}

func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	default:
		return "an " + kind
	}
}

// tidyPath drops the SDK's type names from a field path, so
// "panels[2].Panel" reads "panels[2]".
func tidyPath(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, part := range parts {
		if part != "" && !(part[0] >= 'A' && part[0] <= 'Z') {
			out = append(out, part)
		}
	}
	return strings.Join(out, ".")
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasPrefix(b, "["):
		return a + b
	default:
		return a + "." + b
	}
}
