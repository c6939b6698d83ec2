package client

import (
	"context"
	"sync"
)

// A request scope makes every query of one QueryData request that needs
// the same upstream URL share a single result, even when the TTL cache is
// disabled and the queries do not overlap in time.
type scope struct {
	mu sync.Mutex
	// Most requests fetch one URL: the first call sits here, without a
	// map; later URLs go to more.
	firstKey string
	first    *scopedCall
	more     map[string]*scopedCall
}

// lookup finds the call of key; s.mu is held.
func (s *scope) lookup(key string) (*scopedCall, bool) {
	if s.first != nil && s.firstKey == key {
		return s.first, true
	}
	c, ok := s.more[key]
	return c, ok
}

// add records the call of a key not yet seen; s.mu is held.
func (s *scope) add(key string, c *scopedCall) {
	if s.first == nil {
		s.firstKey, s.first = key, c
		return
	}
	if s.more == nil {
		s.more = map[string]*scopedCall{}
	}
	s.more[key] = c
}

type scopedCall struct {
	done chan struct{}
	resp *Response
	err  error
}

type scopeKey struct{}

// WithRequestScope returns a context whose Get calls are de-duplicated.
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, scopeKey{}, &scope{})
}

func scopeFrom(ctx context.Context) *scope {
	s, _ := ctx.Value(scopeKey{}).(*scope)
	return s
}

func (s *scope) do(ctx context.Context, key string, fn func() (*Response, error), onCancel func(error) error) (*Response, error) {
	s.mu.Lock()
	c, known := s.lookup(key)
	if !known {
		c = &scopedCall{done: make(chan struct{})}
		s.add(key, c)
	}
	s.mu.Unlock()
	if known {
		select {
		case <-c.done:
			return c.resp, c.err
		case <-ctx.Done():
			return nil, onCancel(ctx.Err())
		}
	}
	c.resp, c.err = fn()
	close(c.done)
	return c.resp, c.err
}
