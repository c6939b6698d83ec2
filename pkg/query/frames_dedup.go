package query

import (
	"hash/maphash"
	"maps"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// labelSetFilter tells whether a series' label set (metric label
// included) was already seen. Each set is hashed without regard to key
// order and kept in a small open-addressing table, so only sets with the
// same hash are compared map against map: no strings are built, and a
// query over many series of one name compares each set about once.
//
// Comparing whole label sets is exactly "same name and same labels":
// every set carries the metric label, the series name unless the server
// sent a metric label of its own, and then that label is what identifies
// the series to an alert rule.
type labelSetFilter struct {
	sets  []hashedSet
	slots []int32 // 1 + index into sets; 0 is empty. Kept at most half full.
}

type hashedSet struct {
	labels data.Labels
	hash   uint64
}

var labelSeed = maphash.MakeSeed()

func newLabelSetFilter(ss []series) *labelSetFilter {
	f := &labelSetFilter{}
	f.grow(len(ss))
	return f
}

// seen records the set and reports whether an equal one came before.
func (f *labelSetFilter) seen(labels data.Labels) bool {
	h := labelSetHash(labels)
	mask := len(f.slots) - 1
	i := int(h) & mask
	for ; f.slots[i] != 0; i = (i + 1) & mask {
		if s := &f.sets[f.slots[i]-1]; s.hash == h && maps.Equal(s.labels, labels) {
			return true
		}
	}
	f.sets = append(f.sets, hashedSet{labels: labels, hash: h})
	f.slots[i] = int32(len(f.sets))
	if 2*len(f.sets) > len(f.slots) {
		f.grow(len(f.sets))
	}
	return false
}

// grow makes room for at least n sets (and rehashes the ones held).
func (f *labelSetFilter) grow(n int) {
	size := 8
	for size < 2*n+2 {
		size *= 2
	}
	f.slots = make([]int32, size)
	if f.sets == nil {
		f.sets = make([]hashedSet, 0, n)
	}
	for j := range f.sets {
		i := int(f.sets[j].hash) & (size - 1)
		for f.slots[i] != 0 {
			i = (i + 1) & (size - 1)
		}
		f.slots[i] = int32(j + 1)
	}
}

// labelSetHash does not depend on the map's order: the pairs' hashes are
// added up.
func labelSetHash(l data.Labels) uint64 {
	var sum uint64
	for k, v := range l {
		hk, hv := maphash.String(labelSeed, k), maphash.String(labelSeed, v)
		sum += hk*0x9e3779b97f4a7c15 ^ (hv + 0x632be59bd9b4e019)
	}
	return sum
}
