package parse

import "sync"

// A server sends the same label sets in every metrics body, and parsed
// documents are read-only (they are cached and shared between queries),
// so identical label objects decode to one shared map: a repeat costs no
// allocation instead of two per labelled metric. The table is keyed by the
// object's raw bytes, which hold its keys and values (no escapes reach
// here), so an entry costs one string and one map and pins no body. It is
// bounded and starts over when full, so label sets that are gone do not
// stay forever.
const (
	internMaxEntries = 4096
	internMaxBytes   = 256 << 10
	internMaxObject  = 1 << 10 // larger label objects are not kept
)

type labelTable struct {
	mu    sync.RWMutex
	sets  map[string]map[string]string
	bytes int
}

var labelSets = &labelTable{}

// lookup returns the shared map of a raw label object, if known (the
// conversion in the index expression does not allocate).
func (t *labelTable) lookup(raw []byte) (map[string]string, bool) {
	t.mu.RLock()
	l, ok := t.sets[string(raw)]
	t.mu.RUnlock()
	return l, ok
}

// share makes the map of a raw label object from its key and value
// spans (offsets into raw), every string a part of one copy of raw, and
// keeps it for the next body when raw is small enough. ok is false when
// a key repeats (json.Unmarshal would keep the last; the tolerant reader
// decides those).
func (t *labelTable) share(raw []byte, spans []labelSpan) (l map[string]string, ok bool) {
	key := string(raw)
	l = make(map[string]string, len(spans))
	for _, s := range spans {
		l[key[s.k0:s.k1]] = key[s.v0:s.v1]
	}
	if len(l) != len(spans) {
		return nil, false
	}
	if len(raw) > internMaxObject {
		return l, true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if known, ok := t.sets[key]; ok {
		return known, true // another body got there first
	}
	if t.sets == nil || len(t.sets) >= internMaxEntries || t.bytes+len(key) > internMaxBytes {
		t.sets, t.bytes = make(map[string]map[string]string), 0
	}
	t.sets[key] = l
	t.bytes += len(key)
	return l, true
}

// labelSpan is where one key and its value sit in a raw label object.
type labelSpan struct{ k0, k1, v0, v1 int }
