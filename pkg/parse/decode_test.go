package parse

import (
	"strings"
	"testing"
)

// Every reader opens the same way (decodeDoc): the same body problems
// get the same words, naming the document.
func TestReadersShareTheOpening(t *testing.T) {
	readers := map[string]func([]byte) error{
		"alerts":                   func(b []byte) error { _, err := ParseAlerts(b); return err },
		"alert configuration":      func(b []byte) error { _, err := ParseAlertConfig(b); return err },
		"capabilities":             func(b []byte) error { _, err := ParseCapabilities(b); return err },
		"dashboard":                func(b []byte) error { _, err := ParseDashboard(b); return err },
		"metrics (Datadog series)": func(b []byte) error { _, err := ParseDatadog(b); return err },
		"health check":             func(b []byte) error { _, err := ParseHealth(b); return err },
		"metrics history":          func(b []byte) error { _, err := ParseHistory(b); return err },
		"incidents":                func(b []byte) error { _, err := ParseIncidents(b); return err },
		"metrics":                  func(b []byte) error { _, err := ParseMetricsJSON(b); return err },
		"uptime":                   func(b []byte) error { _, err := ParseUptime(b); return err },
	}
	for doc, read := range readers {
		for body, want := range map[string]string{
			" \n\t":                               "the " + doc + " response is empty",
			"\ufeff<!DOCTYPE html><p>Sign in</p>": "the " + doc + " response is an HTML page, not data",
			`{"status": `:                         "the " + doc + " response is not valid: unexpected end of JSON input",
			`{"status": x}`:                       "the " + doc + " response is not valid: not JSON",
		} {
			err := read([]byte(body))
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s, body %q: err = %v\nwant prefix %q", doc, body, err, want)
			}
		}
	}
}
