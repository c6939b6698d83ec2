package client

import (
	"sync"
	"sync/atomic"
)

// memo keeps what callers derived from a response (the parsed document),
// so the panels and viewers sharing one cached response also share one
// parse.
type memo struct {
	mu sync.Mutex
	// A response is nearly always parsed one way: the first key's entry
	// sits here, without a map; other keys go to more.
	firstKey string
	first    *memoEntry
	firstBuf memoEntry
	more     map[string]*memoEntry
}

// entry finds or adds the entry of key; r.memo.mu is held.
func (m *memo) entry(key string) *memoEntry {
	switch {
	case m.first == nil:
		m.firstKey, m.first = key, &m.firstBuf
		return m.first
	case m.firstKey == key:
		return m.first
	}
	if m.more == nil {
		m.more = map[string]*memoEntry{}
	}
	e, ok := m.more[key]
	if !ok {
		e = &memoEntry{}
		m.more[key] = e
	}
	return e
}

type memoEntry struct {
	once sync.Once
	v    any
	err  error
}

// cacheLink ties a response to the cache entry holding it, so that what
// is parsed from it is counted and an unparseable body is dropped.
type cacheLink struct {
	cache    *responseCache
	cacheKey string
	// parsedBytes estimates what the memo holds.
	parsedBytes atomic.Int64
	// unparseable: a parse failed; the body must not be cached.
	unparseable atomic.Bool
}

// Parsed returns fn's result for this response, computing it once per
// key. The result is shared: callers must treat it as read-only.
func (r *Response) Parsed(key string, fn func() (any, error)) (any, error) {
	r.memo.mu.Lock()
	e := r.memo.entry(key)
	r.memo.mu.Unlock()
	e.once.Do(func() {
		e.v, e.err = fn()
		if e.err != nil {
			r.unparseable.Store(true)
			r.cache.drop(r.cacheKey, r)
			return
		}
		// Read into a document: the body's share of the in-flight budget
		// goes back (see budgetHold).
		r.hold.release()
		if r.cache == nil {
			return // not cached (no TTL): its size counts nowhere
		}
		n := sizeOf(e.v) + int64(len(key)) + memoEntryOverhead
		r.parsedBytes.Add(n)
		r.cache.grew(r.cacheKey, r, n)
	})
	return e.v, e.err
}

// memoEntryOverhead approximates a memo entry and its map slot.
const memoEntryOverhead = 96

// heldBytes is what the response keeps alive: the body, the texts beside
// it, what was parsed from it and the entry around it.
func (r *Response) heldBytes(key string) int64 {
	return int64(len(r.Body)+len(r.URL)+len(r.ContentType)+len(key)) + r.parsedBytes.Load() + entryOverhead
}
