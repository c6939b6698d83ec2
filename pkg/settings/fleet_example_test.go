package settings

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The commented fleet examples of the provisioning file are valid
// settings once uncommented.
func TestProvisioningFleetExamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "provisioning", "datasources", "appmon.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []string
	var cur []string
	comment := regexp.MustCompile(`^(\s*)# ?(.*)$`)
	for _, line := range strings.Split(string(raw), "\n") {
		m := comment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		body := strings.TrimSpace(m[2])
		switch {
		case body == "fleet:":
			if cur != nil {
				examples = append(examples, strings.Join(cur, "\n"))
			}
			cur = []string{"fleet:"}
		case cur != nil && strings.HasPrefix(m[2], "  "):
			cur = append(cur, m[2])
		case cur != nil:
			examples = append(examples, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	if cur != nil {
		examples = append(examples, strings.Join(cur, "\n"))
	}
	if len(examples) != 2 {
		t.Fatalf("found %d fleet examples, want 2 (instances and discovery): %q", len(examples), examples)
	}
	base := mustURL(t, "http://app.example.com:4000")
	for _, ex := range examples {
		var v map[string]any
		if err := yaml.Unmarshal([]byte(ex), &v); err != nil {
			t.Fatalf("example %q: %v", ex, err)
		}
		jsonData, _ := json.Marshal(v)
		f, err := ParseFleet(jsonData, base)
		if err != nil || f == nil {
			t.Fatalf("example %s: %v", jsonData, err)
		}
	}
}
