package parse

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// BenchmarkReference parses the reference server's real responses
// (testdata/reference, captured from a running monitoring-api) with the
// dialect-tolerant readers and with the strict readers they replaced
// (legacy_test.go), in the same run, and reports new/legacy as "ratio":
// the readers must stay within 1.10 of the old cost on contract-shaped
// bodies, because they try the exact shape first.
//
//	go test ./pkg/parse/ -run '^$' -bench Reference -benchtime 50500x -cpu 1
func BenchmarkReference(b *testing.B) {
	cases := []struct {
		name, file  string
		next, older func([]byte) error
	}{
		{"metrics", "metrics.json",
			func(x []byte) error { _, err := ParseMetrics("application/json", x); return err },
			func(x []byte) error { _, err := legacyParseMetrics("application/json", x); return err }},
		{"alerts_active", "alerts_active.json",
			func(x []byte) error { _, err := ParseAlerts(x); return err },
			func(x []byte) error { _, err := legacyParseAlerts(x); return err }},
		{"alerts_history", "alerts_history.json",
			func(x []byte) error { _, err := ParseAlerts(x); return err },
			func(x []byte) error { _, err := legacyParseAlerts(x); return err }},
		{"health", "health.json",
			func(x []byte) error { _, err := ParseHealth(x); return err },
			func(x []byte) error { _, err := legacyParseHealth(x); return err }},
		{"dashboard", "dashboard.json",
			func(x []byte) error { _, err := ParseDashboard(x); return err },
			func(x []byte) error { _, err := legacyParseDashboard(x); return err }},
		{"uptime", "uptime.json",
			func(x []byte) error { _, err := ParseUptime(x); return err },
			func(x []byte) error { _, err := legacyParseUptime(x); return err }},
	}
	for _, c := range cases {
		body, err := os.ReadFile(filepath.Join("testdata", "reference", c.file))
		if err != nil {
			b.Fatal(err)
		}
		if err := c.next(body); err != nil {
			b.Fatalf("%s: %v", c.name, err)
		}
		if err := c.older(body); err != nil {
			b.Fatalf("%s (legacy): %v", c.name, err)
		}
		b.Run(c.name, func(b *testing.B) {
			// Many short rounds, alternating the two (order swapped every
			// round) so both see the same machine load. Load only ever adds
			// time, so the fastest round of each is its cost: "ratio" is
			// new/legacy of those; "ratio-median" the median per round.
			const rounds = 101
			per := max(b.N/rounds, 1)
			var tNew, tOld float64
			minNew, minOld := math.Inf(1), math.Inf(1)
			ratios := make([]float64, 0, rounds)
			b.ResetTimer()
			for r := 0; r < rounds; r++ {
				var n, o float64
				if r%2 == 0 {
					o = timeRuns(per, body, c.older)
					n = timeRuns(per, body, c.next)
				} else {
					n = timeRuns(per, body, c.next)
					o = timeRuns(per, body, c.older)
				}
				tNew, tOld = tNew+n, tOld+o
				minNew, minOld = min(minNew, n), min(minOld, o)
				ratios = append(ratios, n/o)
			}
			b.StopTimer()
			sort.Float64s(ratios)
			b.ReportMetric(tNew/float64(per*rounds), "new-ns/op")
			b.ReportMetric(tOld/float64(per*rounds), "legacy-ns/op")
			b.ReportMetric(minNew/minOld, "ratio")
			b.ReportMetric(ratios[rounds/2], "ratio-median")
		})
	}
}

// BenchmarkDialectBodies measures the generic readers on the dialect
// corpus (testdata/dialects): the cost of a body the fast path refuses,
// for comparison with BenchmarkReference's contract-shaped bodies.
func BenchmarkDialectBodies(b *testing.B) {
	readers := map[string]func([]byte) error{
		"health.json":    func(x []byte) error { _, err := ParseHealth(x); return err },
		"uptime.json":    func(x []byte) error { _, err := ParseUptime(x); return err },
		"metrics.json":   func(x []byte) error { _, err := ParseMetrics("application/json", x); return err },
		"alerts.json":    func(x []byte) error { _, err := ParseAlerts(x); return err },
		"dashboard.json": func(x []byte) error { _, err := ParseDashboard(x); return err },
	}
	for _, file := range []string{"health.json", "uptime.json", "metrics.json", "alerts.json", "dashboard.json"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", "dialects", "*", file))
		if len(paths) == 0 {
			b.Skip("no dialect corpus")
		}
		var bodies [][]byte
		for _, p := range paths {
			body, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, body)
		}
		read := readers[file]
		b.Run(file, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = read(bodies[i%len(bodies)])
			}
		})
	}
}
