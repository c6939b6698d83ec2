package provcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoPath is a path relative to the repository root.
func repoPath(t testing.TB, parts ...string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test source")
	}
	return filepath.Join(append([]string{filepath.Dir(file), "..", "..", ".."}, parts...)...)
}

func readRepoFile(t testing.TB, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(repoPath(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) == 3 && parts[1] == "alerting" && parts[2] != "thresholds.env" {
		// As Grafana at startup, with the shipped threshold defaults.
		defaults, err := ParseEnvFile(readRepoFile(t, "provisioning", "alerting", "thresholds.env"))
		if err != nil {
			t.Fatalf("thresholds.env: %v", err)
		}
		if b, err = ExpandEnv(b, defaults, strings.HasSuffix(parts[2], ".tmpl")); err != nil {
			t.Fatalf("%s: %v", parts[2], err)
		}
	}
	return b
}

// repoFiles lists the repository files matching a glob, sorted.
func repoFiles(t testing.TB, dir, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(repoPath(t, dir, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s in %s: %v", pattern, dir, err)
	}
	sort.Strings(files)
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}

func newRepoChecker(t testing.TB) *Checker {
	t.Helper()
	var options map[string][]OptionSpec
	if err := json.Unmarshal(readRepoFile(t, "schemas", "appmon-panel-options.json"), &options); err != nil {
		t.Fatalf("schemas/appmon-panel-options.json: %v", err)
	}
	c, err := New(options)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// repoDatasources maps the provisioned data sources' uids to their types.
func repoDatasources(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range repoFiles(t, "provisioning/datasources", "*.yaml") {
		var f struct {
			Datasources []struct{ UID, Type string } `yaml:"datasources"`
		}
		if err := yaml.Unmarshal(readRepoFile(t, "provisioning", "datasources", name), &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ds := range f.Datasources {
			out[ds.UID] = ds.Type
		}
	}
	if out["appmon"] != DatasourceType {
		t.Fatalf("no provisioned %s with uid appmon: %v", DatasourceType, out)
	}
	return out
}
