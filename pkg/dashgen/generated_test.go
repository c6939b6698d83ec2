package dashgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var update = flag.Bool("update", false, "rewrite dashboards/fleet and dashboards/prometheus from the definitions")

// The committed versions are exactly what the generator makes from the
// committed definitions; -update rewrites them.
func TestGeneratedDashboards(t *testing.T) {
	root := RepoRoot()
	if *update {
		if err := Write(root); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range files {
		got, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Errorf("%s: %v (run: go test ./pkg/dashgen -run TestGeneratedDashboards -update)", rel, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what its definition generates (run: go test ./pkg/dashgen -run TestGeneratedDashboards -update)", rel)
		}
	}
	// A version whose definition is gone is a leftover.
	for _, dir := range []string{"fleet", "prometheus"} {
		found, _ := filepath.Glob(filepath.Join(root, "dashboards", dir, "*"))
		sort.Strings(found)
		for _, f := range found {
			rel, _ := filepath.Rel(root, f)
			if _, ok := files[rel]; !ok {
				t.Errorf("%s is not generated from any definition: remove it", rel)
			}
		}
	}
}
