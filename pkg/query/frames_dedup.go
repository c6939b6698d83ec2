package query

import (
	"maps"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// labelSetFilter tells whether a series' label set (metric label
// included) was already seen. Different names mean different sets unless
// some series carries its own metric label, so sets are compared only
// among series of the same name, map against map: a query over many
// distinct metrics compares none and builds no strings.
type labelSetFilter struct {
	first    map[string]data.Labels   // name -> its first set
	more     map[string][]data.Labels // name -> later distinct sets, for names that repeat
	sets     map[string]bool          // canonical strings, for ownLabel and long runs
	ownLabel bool                     // some series sets the metric label itself
}

// linearSets is how many sets of one name are compared one by one before
// the filter switches that name to canonical strings (quadratic no more).
const linearSets = 64

func newLabelSetFilter(ss []series) *labelSetFilter {
	f := &labelSetFilter{first: make(map[string]data.Labels, len(ss))}
	for i := range ss {
		if _, ok := ss[i].Labels[MetricLabel]; ok && !ss[i].metricAdded {
			f.ownLabel = true
			break
		}
	}
	return f
}

// seen records the series and reports whether its set came before.
func (f *labelSetFilter) seen(name string, labels data.Labels) bool {
	if f.ownLabel {
		return f.seenSet(labels)
	}
	first, ok := f.first[name]
	if !ok {
		f.first[name] = labels
		return false
	}
	prev := f.more[name]
	if len(prev) >= linearSets {
		return f.seenSet(labels)
	}
	if maps.Equal(first, labels) {
		return true
	}
	for _, p := range prev {
		if maps.Equal(p, labels) {
			return true
		}
	}
	if f.more == nil {
		f.more = map[string][]data.Labels{}
	}
	prev = append(prev, labels)
	f.more[name] = prev
	if len(prev) >= linearSets {
		f.seenSet(first)
		for _, p := range prev {
			f.seenSet(p)
		}
	}
	return false
}

func (f *labelSetFilter) seenSet(labels data.Labels) bool {
	if f.sets == nil {
		f.sets = map[string]bool{}
	}
	key := labels.String()
	if f.sets[key] {
		return true
	}
	f.sets[key] = true
	return false
}
