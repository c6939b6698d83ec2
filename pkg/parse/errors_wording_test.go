package parse

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strings"
	"testing"
)

var camel = regexp.MustCompile(`^[A-Za-z][a-z0-9]+[A-Z]`)

// goTypeNames lists the package's own type names, read from its source.
func goTypeNames(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.TYPE {
					continue
				}
				for _, s := range g.Specs {
					// Only camelCase names (metricJSON, ServiceHealth): a
					// one-word name (shape, Time) is also an English word.
					if n := s.(*ast.TypeSpec).Name.Name; camel.MatchString(n) {
						names = append(names, n)
					}
				}
			}
		}
	}
	return names
}

// Every error a reader returns is in the user's words: what the server
// sent and what was expected, never the decoder's Go vocabulary.
func TestErrorsSpeakContractWords(t *testing.T) {
	readers := map[string]func([]byte) error{
		"metrics":      func(b []byte) error { _, err := ParseMetrics("application/json", b); return err },
		"metrics json": func(b []byte) error { _, err := ParseMetricsJSON(b); return err },
		"prometheus":   func(b []byte) error { _, err := ParsePrometheus(b); return err },
		"datadog":      func(b []byte) error { _, err := ParseDatadog(b); return err },
		"alerts":       func(b []byte) error { _, err := ParseAlerts(b); return err },
		"alert config": func(b []byte) error { _, err := ParseAlertConfig(b); return err },
		"dashboard":    func(b []byte) error { _, err := ParseDashboard(b); return err },
		"health":       func(b []byte) error { _, err := ParseHealth(b); return err },
		"uptime":       func(b []byte) error { _, err := ParseUptime(b); return err },
		"history":      func(b []byte) error { _, err := ParseHistory(b); return err },
		"incidents":    func(b []byte) error { _, err := ParseIncidents(b); return err },
		"capabilities": func(b []byte) error { _, err := ParseCapabilities(b); return err },
	}
	bad := []string{
		``, `   `, `<html><body>502 Bad Gateway</body></html>`, `{`, `{"a":`, `[1,2`, `nul`, `"text"`, `42`, `true`, `null`,
		`[]`, `{}`, `[[]]`, `[1,"a",null]`, `{"x":1}`,
		`{"metrics":5}`, `{"metrics":"none"}`, `{"metrics":[1,2]}`, `{"metrics":[{"name":5,"value":{}}]}`,
		`{"metrics":[{"name":"a","value":[1]}]}`, `{"metrics":[{"name":"a","value":true}]}`, `{"metrics":{"a":"b"}}`,
		`{"metrics":[{"name":"a","labels":[1,{}]}]}`, `{"timestamp":{},"metrics":[]}`, `{"timestamp":"yesterday"}`,
		`{"series":5}`, `{"series":[{"metric":5}]}`, `{"series":[{"metric":"a","points":"x"}]}`, `{"series":[{"metric":"a","points":[[1]]}]}`,
		`{"alerts":5}`, `{"alerts":[5]}`, `{"alerts":[{"id":1}]}`, `{"alerts":[{"id":"a","started_at":true}]}`,
		`{"alerts":[{"id":"a","started_at":"soon","acknowledged":"maybe"}]}`, `{"alerts":{"a":1}}`,
		`{"rules":5}`, `{"rules":[{"threshold":"x"}]}`, `{"rules":[{"name":"r","for":"forever"}]}`, `{"rules":[],"thresholds":"x","channels":5}`,
		`{"summary":5}`, `{"summary":{"error_rate":{}}}`, `{"summary":[1]}`, `{"status":5,"summary":{}}`,
		`{"status":1}`, `{"status":"ok","services":5}`, `{"services":[{"status":"up"}]}`, `{"status":{},"checks":"x"}`,
		`{"uptime":"x"}`, `{"uptime":{"percentage":"high"}}`, `{"status":"up"}`, `{"uptime":true}`,
		`{"series":[{"name":"a","points":[["x",1]]}]}`, `{"from":"soon","series":[]}`, `{"step":"x","series":[]}`,
		`{"incidents":[{"started_at":5e300}]}`, `{"incidents":"x"}`, `{"extensions":"x"}`, `{"extensions":[],"retention":[]}`,
		`{"history_resolution_seconds":"x","extensions":[]}`, `{"contract_version":1,"extensions":[]}`,
		"\xff\xfe{}", `{"a":"\ud800"}`, `[{"metric":"x","value":1,"labels":{"k":{}}}]`,
	}
	banned := []string{"parse.", "[]", "of type", "Go struct", "json:", "interface {}", "map[", "float64", "*"}
	typeNames := regexp.MustCompile(`\b(` + strings.Join(goTypeNames(t), "|") + `)\b`)
	for name, read := range readers {
		for _, body := range bad {
			err := read([]byte(body))
			if err == nil {
				continue
			}
			msg := err.Error()
			for _, b := range banned {
				if strings.Contains(msg, b) {
					t.Errorf("%s(%q): error %q contains %q", name, body, msg, b)
				}
			}
			if m := typeNames.FindString(msg); m != "" {
				t.Errorf("%s(%q): error %q names the Go type %s", name, body, msg, m)
			}
		}
	}
}

func TestPlainDecodeErrors(t *testing.T) {
	for body, want := range map[string]string{
		`{"series":[{"metric":5}]}`:                "series.metric is a number where text was expected",
		`{"series":[{"metric":"a","points":"x"}]}`: "series.points is text where a list was expected",
		`{"extensions":"x"}`:                       "extensions is text where a list was expected",
		`{"incidents":[{"title":{}}]}`:             "incidents.title is an object where text was expected",
		`{"a":`:                                    "unexpected end of JSON input",
		`{"a" 1}`:                                  "not JSON: invalid character '1' after object key at character 6",
	} {
		var err error
		switch {
		case strings.Contains(body, "series"):
			_, err = ParseDatadog([]byte(body))
		case strings.Contains(body, "incidents"):
			_, err = ParseIncidents([]byte(body))
		default:
			_, err = ParseCapabilities([]byte(body))
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to say %q", body, err, want)
		}
	}
}
