// Package dashgen writes the fleet and Prometheus versions of AppMon's
// system, application, database and business dashboards from one
// definition each (dashboards/<name>.json), so the three versions never
// drift apart:
//
//   - dashboards/fleet/<name>.json reads the AppMon data source with the
//     fleet view: stats combine every instance, graphs draw one line per
//     instance, and a "Fleet health" stat says how many are healthy;
//   - dashboards/prometheus/<name>.json reads the same metrics from a
//     Prometheus that scrapes every instance's ?format=prometheus endpoint.
//
// Regenerate after editing a definition (or run go generate ./pkg/dashgen):
//
//	go test ./pkg/dashgen -run TestGeneratedDashboards -update
package dashgen

//go:generate go test . -run TestGeneratedDashboards -update

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Names are the dashboards that have fleet and Prometheus versions.
var Names = []string{"system", "application", "database", "business"}

// Definition is one hand-written dashboard the versions are made from.
type Definition struct {
	Name      string // file name without .json: system, application, ...
	Dashboard object
}

// Load reads the definitions from root/dashboards.
func Load(root string) ([]Definition, error) {
	out := make([]Definition, 0, len(Names))
	for _, name := range Names {
		d, err := readDashboard(filepath.Join(root, "dashboards", name+".json"))
		if err != nil {
			return nil, err
		}
		out = append(out, Definition{Name: name, Dashboard: d})
	}
	return out, nil
}

// readDashboard reads and decodes one dashboard file.
func readDashboard(path string) (object, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// RepoRoot is the repository this package was built from: the tests that
// use the committed dashboards find them there.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
