package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The typed fast paths are only a shortcut: on the reference server's own
// responses the generic readers must give the same result, and the fast
// path must be the one taken (else the benchmark measures the wrong thing).
func TestFastPathAgreesWithGenericReader(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "reference", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	type pair struct {
		file          string
		fast, generic func([]byte) (any, error)
		exact         func([]byte) bool
	}
	pairs := []pair{
		{"metrics.json",
			func(b []byte) (any, error) { return ParseMetrics("application/json", b) },
			func(b []byte) (any, error) { return genericMetrics(b) },
			func(b []byte) bool {
				var d metricsAnyDoc
				return unmarshalOK(b, &d) && func() bool { _, ok := exactMetrics(d, tallyKeys(b)); return ok }()
			}},
		{"alerts_active.json",
			func(b []byte) (any, error) { return ParseAlerts(b) },
			func(b []byte) (any, error) { return genericAlerts(b) },
			func(b []byte) bool {
				var d alertsDoc
				return unmarshalOK(b, &d) && func() bool { _, ok := exactAlerts(d, tallyKeys(b)); return ok }()
			}},
		{"alerts_history.json",
			func(b []byte) (any, error) { return ParseAlerts(b) },
			func(b []byte) (any, error) { return genericAlerts(b) },
			func(b []byte) bool {
				var d alertsDoc
				return unmarshalOK(b, &d) && func() bool { _, ok := exactAlerts(d, tallyKeys(b)); return ok }()
			}},
		{"alert_config.json",
			func(b []byte) (any, error) { return ParseAlertConfig(b) },
			func(b []byte) (any, error) { return genericAlertConfig(b) },
			func(b []byte) bool {
				var d alertConfigDoc
				return unmarshalOK(b, &d) && func() bool { _, ok := exactAlertConfig(d, tallyKeys(b)); return ok }()
			}},
		{"health.json",
			func(b []byte) (any, error) { return ParseHealth(b) },
			func(b []byte) (any, error) { return genericHealth(b) },
			func(b []byte) bool {
				var d healthDoc
				return unmarshalOK(b, &d) && tallyKeys(b).fits(d.keys())
			}},
		{"dashboard.json",
			func(b []byte) (any, error) { return ParseDashboard(b) },
			func(b []byte) (any, error) { return genericDashboard(b) },
			func(b []byte) bool {
				var d dashboardDoc
				return unmarshalOK(b, &d) && func() bool { _, ok := exactDashboard(&d, tallyKeys(b)); return ok }()
			}},
		{"uptime.json",
			func(b []byte) (any, error) { return ParseUptime(b) },
			func(b []byte) (any, error) { return genericUptime(b) },
			func(b []byte) bool {
				var d uptimeDoc
				return unmarshalOK(b, &d) && d.Uptime != nil && tallyKeys(b).fits(d.keys())
			}},
	}
	opts := cmp.Options{cmpopts.EquateEmpty()}
	for _, p := range pairs {
		b := read(p.file)
		if !p.exact(b) {
			t.Errorf("%s: the fast path does not take the reference server's response", p.file)
		}
		fast, err1 := p.fast(b)
		gen, err2 := p.generic(b)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", p.file, err1, err2)
		}
		if d := cmp.Diff(fast, gen, opts); d != "" {
			t.Errorf("%s: fast path and generic reader differ (-fast +generic):\n%s", p.file, d)
		}
	}
}
