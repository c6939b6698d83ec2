package parse

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

// MetricOrder gives the order a plain stable sort by category rank, name
// and canonical labels gives, and SortMetrics applies it.
func TestMetricOrderAgreesWithPlainSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cats := append([]string{"", "other"}, Categories...)
	for round := range 300 {
		ms := make([]Metric, r.IntN(40))
		for i := range ms {
			ms[i] = Metric{Name: fmt.Sprintf("m%d", r.IntN(4)), Category: cats[r.IntN(len(cats))], Unit: fmt.Sprint(i)}
			if n := r.IntN(4); n > 0 {
				ms[i].Labels = map[string]string{}
				for range n {
					ms[i].Labels[fmt.Sprintf("k%d", r.IntN(3))] = fmt.Sprint(r.IntN(3))
				}
			}
		}
		want := append([]Metric(nil), ms...)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if ra, rb := categoryRank(a.Category), categoryRank(b.Category); ra != rb {
				return ra < rb
			}
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			return LabelsKey(a.Labels) < LabelsKey(b.Labels)
		})
		order := MetricOrder(ms)
		got := append([]Metric(nil), ms...)
		SortMetrics(got)
		for i := range want {
			// Unit carries the original position: ties keep their order.
			if ms[order[i]].Unit != want[i].Unit || got[i].Unit != want[i].Unit {
				t.Fatalf("round %d: position %d holds metric %s (order) / %s (sorted), want %s", round, i, ms[order[i]].Unit, got[i].Unit, want[i].Unit)
			}
		}
	}
}
