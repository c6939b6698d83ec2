package leakyapi

import (
	"strings"
	"testing"
)

// The oracle must see every spelling the server sends, or the redaction
// tests could pass with nothing redacted.
func TestLeaksSeesEverySpelling(t *testing.T) {
	const key = "Leak/Key+0123abcdEF=="
	keys := map[string]string{"API key": key}
	for _, s := range Spellings(key) {
		if got := Leaks("before "+s+" after", keys); len(got) == 0 {
			t.Errorf("spelling %q not seen as a leak", s)
		}
	}
	if got := Leaks("the health check response is empty; [redacted] "+key[:7], keys); len(got) != 0 {
		t.Errorf("clean text reported: %v", got)
	}
	if got := Leaks("x "+key, keys); !strings.Contains(got[0], "the API key (") || strings.Contains(got[0], key[:MinRun]) {
		t.Errorf("report %q must name the key without showing it", got[0])
	}
}
