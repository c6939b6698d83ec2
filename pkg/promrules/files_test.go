package promrules

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated rule files in prometheus/rules/")

// repoRoot is the repository root, from this package's folder.
const repoRoot = "../.."

// TestGeneratedFiles: the committed rule files are the generator's output;
// go test ./pkg/promrules -update rewrites them.
func TestGeneratedFiles(t *testing.T) {
	files, err := Files(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range files {
		full := filepath.Join(repoRoot, path)
		have, _ := os.ReadFile(full)
		if bytes.Equal(have, want) {
			continue
		}
		if *update {
			if err := os.WriteFile(full, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s differs from what pkg/promrules generates: run go test ./pkg/promrules -update", path)
	}
}
