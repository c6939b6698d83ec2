package query

import (
	"slices"
	"sync"
)

// Display names of labelled series ("name key=value, ...") are the same
// text on every query of a dashboard; strings are immutable, so one copy
// serves every query instead of one allocation per series per query. The
// table is bounded and starts over when full.
const (
	namesMaxEntries = 4096
	namesMaxBytes   = 256 << 10
)

type nameTable struct {
	mu    sync.RWMutex
	names map[string]string
	bytes int
}

var displayNames = &nameTable{}

// intern returns the shared string with b's text (the conversion in the
// index expression does not allocate).
func (t *nameTable) intern(b []byte) string {
	t.mu.RLock()
	s, ok := t.names[string(b)]
	t.mu.RUnlock()
	if ok {
		return s
	}
	s = string(b)
	t.mu.Lock()
	defer t.mu.Unlock()
	if known, ok := t.names[s]; ok {
		return known
	}
	if t.names == nil || len(t.names) >= namesMaxEntries || t.bytes+len(s) > namesMaxBytes {
		t.names, t.bytes = make(map[string]string), 0
	}
	t.names[s] = s
	t.bytes += len(s)
	return s
}

// displayName is "name" or "name key=value, key=value" for labelled
// series, keys in order.
func displayName(name string, labels map[string]string) string {
	if len(labels) == 0 {
		return name
	}
	var kb [8]string
	keys := kb[:0]
	for k := range labels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var bb [192]byte
	b := append(bb[:0], name...)
	for i, k := range keys {
		if i == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		b = append(b, k...)
		b = append(b, '=')
		b = append(b, labels[k]...)
	}
	return displayNames.intern(b)
}
