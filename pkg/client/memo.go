package client

import "sync"

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
	e.once.Do(func() { e.v, e.err = fn() })
	return e.v, e.err
}
