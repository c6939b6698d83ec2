package client

import (
	"sync"
	"sync/atomic"
)

// memo keeps what callers derived from a response (the parsed document),
// so the panels and viewers sharing one cached response also share one
// parse.
type memo struct {
	mu      sync.Mutex
	entries map[string]*memoEntry
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
	if r.memo.entries == nil {
		r.memo.entries = map[string]*memoEntry{}
	}
	e, ok := r.memo.entries[key]
	if !ok {
		e = &memoEntry{}
		r.memo.entries[key] = e
	}
	r.memo.mu.Unlock()
	e.once.Do(func() {
		e.v, e.err = fn()
		if e.err != nil {
			r.unparseable.Store(true)
			r.cache.drop(r.cacheKey, r)
			return
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
