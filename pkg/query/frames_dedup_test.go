package query

import (
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The filter finds the same duplicates as comparing every label set.
func TestLabelSetFilter(t *testing.T) {
	mk := func(name string, l data.Labels) series { return series{Name: name, Labels: l} }
	cases := []struct {
		name string
		ss   []series
		dups []bool
	}{
		{"distinct names", []series{mk("a", nil), mk("b", nil), mk("c", data.Labels{"x": "1"})}, []bool{false, false, false}},
		{"a name repeated, the first one kept", []series{
			mk("a", data.Labels{"x": "1"}), mk("b", nil), mk("a", data.Labels{"x": "2"}), mk("a", data.Labels{"x": "1"}),
		}, []bool{false, false, false, true}},
		{"own metric label makes different names equal", []series{
			mk("a", data.Labels{MetricLabel: "m"}), mk("b", data.Labels{MetricLabel: "m"}), mk("m", nil),
		}, []bool{false, true, true}},
	}
	for _, tc := range cases {
		f := newLabelSetFilter(tc.ss)
		for i := range tc.ss {
			if got := f.seen(tc.ss[i].labelsWithMetric()); got != tc.dups[i] {
				t.Errorf("%s: series %d seen=%v, want %v", tc.name, i, got, tc.dups[i])
			}
		}
	}
}
