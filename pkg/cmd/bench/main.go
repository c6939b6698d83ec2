// Command bench measures the backend side by side in one run and prints
// the rows as JSON lines for gallery/bench.mjs (npm run bench), which
// prints them in one table with the panel render figures:
//
//   - uncached and cached queries against a raw fetch of the same
//     endpoint (p50, p99, allocations per query), interleaved;
//   - a 40-panel dashboard with 10 viewers against every panel fetching
//     on its own (upstream requests, bytes, refresh time);
//   - peak heap while every endpoint sends a large body, and the heap one
//     cache TTL after the last query against the idle heap;
//   - with -only fleet, one dashboard refresh over 100 instances against
//     10 (fleet.go).
//
// It runs against the reference server (monitoring-api, started with
// node) behind an in-process proxy that counts requests and bytes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// Row is one line of the table. Values are preformatted; OK is nil when
// the row has no goal.
type Row struct {
	Group    string `json:"group"`
	Name     string `json:"name"`
	Value    string `json:"value"`
	Baseline string `json:"baseline,omitempty"`
	Ratio    string `json:"ratio,omitempty"`
	Goal     string `json:"goal,omitempty"`
	OK       *bool  `json:"ok,omitempty"`
}

func main() {
	n := flag.Int("n", 2000, "queries of each kind in the latency comparison")
	refreshes := flag.Int("refreshes", 3, "dashboard refreshes of each kind in the fan-in comparison")
	bodyMB := flag.Int("body-mb", 20, "size of each large body in the heap test, MB")
	only := flag.String("only", "", "run one part: query, fan-in, heap or fleet (fleet runs only when asked for)")
	flag.Parse()

	out := json.NewEncoder(os.Stdout)
	emit := func(r Row) {
		if err := out.Encode(r); err != nil {
			fail(err)
		}
	}

	srv, err := testserver.Start(testserver.Options{})
	if err != nil {
		for _, g := range []string{"query", "fan-in", "heap"} {
			emit(Row{Group: g, Name: "not measured", Value: "the reference server did not start: " + firstLine(err.Error())})
		}
		return
	}
	defer srv.Stop()
	proxy := newCountingProxy(srv.URL)
	defer proxy.Close()

	start := time.Now()
	parts := []struct {
		name string
		rows func() []Row
	}{
		{"query", func() []Row { return queryRows(srv, *n) }},
		{"fan-in", func() []Row { return fanInRows(srv, proxy, *refreshes) }},
		{"heap", func() []Row { return heapRows(srv, *bodyMB) }},
		{"fleet", func() []Row { return fleetRows(*only == "fleet", *refreshes) }},
	}
	for _, p := range parts {
		if *only != "" && *only != p.name {
			continue
		}
		for _, r := range p.rows() {
			emit(r)
		}
	}
	fmt.Fprintf(os.Stderr, "backend measurements took %s\n", time.Since(start).Round(time.Second))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}

func verdict(ok bool) *bool { return &ok }
