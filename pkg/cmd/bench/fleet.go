package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// The fleet part: one reference server process plays a fleet on many
// ports; one data source over the first few instances and one over all of
// them refresh the same dashboards, in the instances view and in the fleet
// view, interleaved in one run. It runs only when asked for (-only fleet):
// it starts a server of its own and takes a minute or more.
var (
	fleetSizes      = flag.String("fleet", "10,100", "fleet sizes compared in the fleet part; the largest is served by one process")
	fleetDashboards = []string{"system", "application", "database", "business"}
)

const fleetTimeRange = 6 * time.Hour // the dashboards' default

// fleetPanel is one panel's targets: one QueryData, as Grafana sends it.
type fleetPanel []json.RawMessage

// fleetPanels reads every panel with targets from the dashboards, each
// target asking for the given fleetView.
func fleetPanels(view string) ([]fleetPanel, error) {
	api, err := testserver.APIDir()
	if err != nil {
		return nil, err
	}
	type panel struct {
		Targets []map[string]any `json:"targets"`
		Panels  []panel          `json:"panels"`
	}
	var out []fleetPanel
	var walk func([]panel) error
	walk = func(ps []panel) error {
		for _, p := range ps {
			if len(p.Targets) > 0 {
				var fp fleetPanel
				for _, t := range p.Targets {
					t["fleetView"] = view
					raw, err := json.Marshal(t)
					if err != nil {
						return err
					}
					fp = append(fp, raw)
				}
				out = append(out, fp)
			}
			if err := walk(p.Panels); err != nil {
				return err
			}
		}
		return nil
	}
	for _, name := range fleetDashboards {
		b, err := os.ReadFile(filepath.Join(api, "..", "dashboards", name+".json"))
		if err != nil {
			return nil, err
		}
		var d struct {
			Panels []panel `json:"panels"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("dashboards/%s.json: %w", name, err)
		}
		if err := walk(d.Panels); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// upstreamRequests is the data sources' request count so far: the SDK's
// per-request counter, which every request of the plugin's HTTP client
// passes through.
func upstreamRequests() int64 {
	families, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		fail(err)
	}
	var n float64
	for _, f := range families {
		if f.GetName() != "plugins_datasource_request_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			n += m.GetCounter().GetValue()
		}
	}
	return int64(n)
}

// fleetRefresh is one dashboard refresh's figures.
type fleetRefresh struct {
	took           time.Duration
	requests       int64
	peak, held     uint64 // heap objects: highest during, live after (GC)
	errors, notice int
}

// refreshFleet loads every panel at once on a fresh data source (cold
// cache) over the given instances.
func refreshFleet(urls []string, key string, panels []fleetPanel) fleetRefresh {
	fleetJSON, err := json.Marshal(map[string]any{"fleet": map[string]any{"instances": urls}})
	if err != nil {
		fail(err)
	}
	ds := newDS(urls[0], key, string(fleetJSON))
	defer ds.Dispose()
	idle := liveHeap()
	before := upstreamRequests()
	s := startSampler()
	began := time.Now()
	var mu sync.Mutex
	var r fleetRefresh
	var wg sync.WaitGroup
	for _, p := range panels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs, notices := runFleetPanel(ds, p)
			mu.Lock()
			r.errors += errs
			r.notice += notices
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.took = time.Since(began)
	if peak := s.done(); peak > idle {
		r.peak = peak - idle
	}
	r.requests = upstreamRequests() - before
	if held := liveHeap(); held > idle {
		r.held = held - idle
	}
	return r
}

// runFleetPanel sends one panel's targets and counts failed targets and
// instance notices (an instance that did not answer, or answered wrong).
func runFleetPanel(ds *plugin.Datasource, p fleetPanel) (errs, notices int) {
	now := time.Now()
	var queries []backend.DataQuery
	for i, raw := range p {
		var t struct {
			QueryType string `json:"queryType"`
		}
		_ = json.Unmarshal(raw, &t)
		queries = append(queries, backend.DataQuery{RefID: strconv.Itoa(i), QueryType: t.QueryType, JSON: raw,
			Interval: 30 * time.Second, MaxDataPoints: 1000, TimeRange: backend.TimeRange{From: now.Add(-fleetTimeRange), To: now}})
	}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: queries})
	if err != nil {
		return len(queries), 0
	}
	for _, q := range queries {
		r := resp.Responses[q.RefID]
		if r.Error != nil {
			if os.Getenv("BENCH_FLEET_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "fleet: %s: %v\n", q.JSON, r.Error)
			}
			errs++
		}
		for _, f := range r.Frames {
			if f.Meta != nil {
				for _, n := range f.Meta.Notices {
					if strings.HasPrefix(n.Text, "Instance ") && strings.Contains(n.Text, "; showing ") {
						notices++
					}
				}
			}
		}
	}
	return errs, notices
}

// fleetRows measures each fleet size in each view, interleaved, and
// compares the largest against the smallest.
func fleetRows(asked bool, refreshes int) []Row {
	if !asked {
		return nil
	}
	sizes, err := parseSizes(*fleetSizes)
	if err != nil {
		return []Row{{Group: "fleet", Name: "not measured", Value: err.Error()}}
	}
	small, large := sizes[0], sizes[len(sizes)-1]
	srv, err := testserver.Start(testserver.Options{Instances: large})
	if err != nil {
		return []Row{{Group: "fleet", Name: "not measured", Value: "the reference server did not start: " + firstLine(err.Error())}}
	}
	defer srv.Stop()
	var rows []Row
	for _, view := range []string{"instances", "fleet"} {
		panels, err := fleetPanels(view)
		if err != nil {
			return append(rows, Row{Group: "fleet", Name: "not measured", Value: err.Error()})
		}
		runs := map[int][]fleetRefresh{}
		for range refreshes {
			for _, n := range sizes {
				runs[n] = append(runs[n], refreshFleet(srv.URLs[:n], srv.APIKey, panels))
			}
		}
		s, l := medianRefresh(runs[small]), medianRefresh(runs[large])
		rows = append(rows, fleetRowsFor(view, len(panels), refreshes, small, large, s, l)...)
	}
	return rows
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 200 {
			return nil, fmt.Errorf("-fleet takes sizes from 1 to 200 separated by commas (got %q)", s)
		}
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	return slices.Compact(sizes), nil
}

// medianRefresh takes each figure's median on its own.
func medianRefresh(rs []fleetRefresh) fleetRefresh {
	med := func(get func(fleetRefresh) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = get(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	var worst fleetRefresh
	for _, r := range rs {
		worst.errors, worst.notice = max(worst.errors, r.errors), max(worst.notice, r.notice)
	}
	return fleetRefresh{
		took:     time.Duration(med(func(r fleetRefresh) float64 { return float64(r.took) })),
		requests: int64(med(func(r fleetRefresh) float64 { return float64(r.requests) })),
		peak:     uint64(med(func(r fleetRefresh) float64 { return float64(r.peak) })),
		held:     uint64(med(func(r fleetRefresh) float64 { return float64(r.held) })),
		errors:   worst.errors, notice: worst.notice,
	}
}

func fleetRowsFor(view string, panels, refreshes, small, large int, s, l fleetRefresh) []Row {
	ratio := func(a, b float64) string { return fmt.Sprintf("%.1f×", a/max(b, 1)) }
	fig := func(n int, r fleetRefresh) string {
		v := fmt.Sprintf("%d instances: %d ms  %d requests  peak heap +%s  held +%s",
			n, r.took.Milliseconds(), r.requests, mib(int64(r.peak)), mib(int64(r.held)))
		if r.errors > 0 || r.notice > 0 {
			v += fmt.Sprintf("  (%d failed targets, %d instance notices)", r.errors, r.notice)
		}
		return v
	}
	return []Row{{
		Group:    "fleet",
		Name:     fmt.Sprintf("%d panels of 4 dashboards, %s view, one refresh (median of %d, cold cache)", panels, view, refreshes),
		Value:    fig(large, l),
		Baseline: fig(small, s),
		Ratio: fmt.Sprintf("time %s  requests %s  peak %s", ratio(float64(l.took), float64(s.took)),
			ratio(float64(l.requests), float64(s.requests)), ratio(float64(l.peak), float64(s.peak))),
	}}
}
