package query

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/parse"
)

// currentValues is a snapshot like the reference server's: 66 metrics,
// half of them labelled by endpoint under a shared name.
func currentValues() parse.Metrics {
	m := parse.Metrics{Timestamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Format: parse.FormatJSON}
	cats := []string{"api", "system", "business"}
	for i := range 66 {
		v := float64(i)
		mt := parse.Metric{Name: fmt.Sprintf("metric_%02d", i), Category: cats[i%3], Unit: "ms", Description: "a metric", Value: &v}
		if i%2 == 1 {
			mt.Name = "requests_total"
			mt.Labels = map[string]string{"endpoint": fmt.Sprintf("/api/e%02d", i)}
		}
		m.Metrics = append(m.Metrics, mt)
	}
	return m
}

// Building the frame of current values costs a fixed number of
// allocations per series: the SDK's field and its vector (three), one label
// map (two) and nothing else; display names are shared between queries
// and the duplicate filter takes two slabs. A regression (a copied label
// map, a config or a string per series) fails here, not only in the bench
// table.
func TestCurrentValuesFrameAllocations(t *testing.T) {
	m := currentValues()
	build := func() { wideFrame("metrics", m.Timestamp, snapshotSeries(m, Matcher{})) }
	allocs := testing.AllocsPerRun(20, build)
	perSeries := allocs / float64(len(m.Metrics))
	t.Logf("%.0f allocations, %.1f per series", allocs, perSeries)
	// 5 per series and a few per frame (352 when this was written).
	if limit := float64(len(m.Metrics))*5 + 25; allocs > limit {
		t.Errorf("%.0f allocations for %d series, want at most %.0f", allocs, len(m.Metrics), limit)
	}
}

// The filter finds exactly the duplicates a comparison of every label set
// finds, also when it was sized for fewer sets than it is given.
func TestLabelSetFilterAgreesWithBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + r.IntN(200)
		ss := make([]series, n)
		for i := range ss {
			ss[i] = series{Name: fmt.Sprintf("m%d", r.IntN(2)), Labels: data.Labels{"e": fmt.Sprint(r.IntN(120))}}
			if round%10 == 0 && r.IntN(4) == 0 {
				ss[i].Labels[MetricLabel] = fmt.Sprintf("m%d", r.IntN(3))
			}
		}
		f := newLabelSetFilter(ss[:n/(1+round%3)]) // sized short in two rounds of three: it grows
		var kept []string
		for i := range ss {
			l := ss[i].labelsWithMetric()
			want := false
			for _, k := range kept {
				if k == l.String() {
					want = true
				}
			}
			if !want {
				kept = append(kept, l.String())
			}
			if got := f.seen(l); got != want {
				t.Fatalf("round %d series %d (%s): seen=%v, want %v", round, i, l, got, want)
			}
		}
	}
}
