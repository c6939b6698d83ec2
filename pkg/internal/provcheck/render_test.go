package provcheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// renderProvisioning runs scripts/render-provisioning.sh, the step users run
// before Grafana reads the files, with extra environment variables.
func renderProvisioning(t *testing.T, env ...string) (string, error) {
	t.Helper()
	dest := t.TempDir()
	cmd := exec.Command("bash", repoPath(t, "scripts", "render-provisioning.sh"), dest)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), err
	}
	return dest, nil
}

// The rendered rules are what the checks decode (the template with the
// defaults), and an environment variable overrides its default.
func TestRenderProvisioningFillsInTheThresholds(t *testing.T) {
	dest, err := renderProvisioning(t)
	if err != nil {
		t.Fatalf("render-provisioning.sh: %v\n%s", err, dest)
	}
	got, err := os.ReadFile(filepath.Join(dest, "alerting", "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := readRepoFile(t, "provisioning", "alerting", "rules.yaml.tmpl")
	if string(got) != string(want) {
		t.Fatal("rendered rules.yaml differs from the template expanded with thresholds.env")
	}
	for _, leftover := range []string{"rules.yaml.tmpl", "thresholds.env"} {
		if _, err := os.Stat(filepath.Join(dest, "alerting", leftover)); err == nil {
			t.Errorf("the rendered folder still has alerting/%s", leftover)
		}
	}
	if strings.Contains(string(got), "${APPMON_") {
		t.Error("a ${APPMON_...} threshold was left in the rendered rules")
	}

	dest, err = renderProvisioning(t, "APPMON_CPU_WARNING_THRESHOLD=72.5")
	if err != nil {
		t.Fatalf("render-provisioning.sh: %v\n%s", err, dest)
	}
	got, _ = os.ReadFile(filepath.Join(dest, "alerting", "rules.yaml"))
	if !strings.Contains(string(got), "- 72.5\n") {
		t.Error("APPMON_CPU_WARNING_THRESHOLD=72.5 did not reach the rendered rules")
	}

	out, err := renderProvisioning(t, "APPMON_CPU_WARNING_THRESHOLD=eighty")
	if err == nil || !strings.Contains(out, "APPMON_CPU_WARNING_THRESHOLD must be a number") {
		t.Errorf("a threshold that is not a number must be refused, got %v: %s", err, out)
	}
}
