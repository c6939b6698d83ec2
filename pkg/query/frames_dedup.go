package query

import "github.com/grafana/grafana-plugin-sdk-go/data"

// labelSetFilter tells whether a series' label set (metric label
// included) was already seen. Different names mean different sets unless
// some series carries its own metric label, so the canonical string of a
// set is built only for names that repeat: a query over many distinct
// metrics builds none.
type labelSetFilter struct {
	first    map[string]data.Labels // name -> its first set, until the name repeats
	sets     map[string]bool
	ownLabel bool // some series sets the metric label itself
}

func newLabelSetFilter(ss []series) *labelSetFilter {
	f := &labelSetFilter{first: make(map[string]data.Labels, len(ss)), sets: map[string]bool{}}
	for i := range ss {
		if _, ok := ss[i].Labels[MetricLabel]; ok {
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
	prev, ok := f.first[name]
	if !ok {
		f.first[name] = labels
		return false
	}
	if prev != nil {
		f.seenSet(prev)
		f.first[name] = nil
	}
	return f.seenSet(labels)
}

func (f *labelSetFilter) seenSet(labels data.Labels) bool {
	key := labels.String()
	if f.sets[key] {
		return true
	}
	f.sets[key] = true
	return false
}
