package provcheck

import (
	"os"
	"strings"
	"testing"
)

func TestExpandEnvUsesTheDefaultsAndRefusesUnknownNames(t *testing.T) {
	values, err := ParseEnvFile([]byte("# comment\n\nAPPMON_A=80\nAPPMON_B=1.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExpandEnv([]byte("params: [${APPMON_A}, ${APPMON_B}] url: ${OTHER}"), values, false)
	if err != nil || string(got) != "params: [80, 1.5] url: ${OTHER}" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := ExpandEnv([]byte("- ${APPMON_A}\n- ${APPMON_MISSING}"), values, true); err == nil || !strings.Contains(err.Error(), "APPMON_MISSING used without a default") {
		t.Fatalf("a threshold without a default must be an error, got %v", err)
	}
	for _, bad := range []string{"APPMON_A 80\n", "APPMON_A=1\nAPPMON_A=2\n"} {
		if _, err := ParseEnvFile([]byte(bad)); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

// Every threshold the rules use has a default, and every default is used.
func TestThresholdDefaultsMatchTheRules(t *testing.T) {
	defaults, err := ParseEnvFile(readRepoFile(t, "provisioning", "alerting", "thresholds.env"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(repoPath(t, "provisioning", "alerting", "rules.yaml.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	rules := string(b)
	for name := range defaults {
		if !strings.Contains(rules, "${"+name+"}") {
			t.Errorf("thresholds.env sets %s, which no rule uses", name)
		}
	}
}
