package client

import (
	"context"
	"sync"
)

// A request scope makes every query of one QueryData request that needs
// the same upstream URL share a single result, even when the TTL cache is
// disabled and the queries do not overlap in time.
type scope struct {
	mu    sync.Mutex
	calls map[string]*scopedCall
}

type scopedCall struct {
	done chan struct{}
	resp *Response
	err  error
}

type scopeKey struct{}

// WithRequestScope returns a context whose Get calls are de-duplicated.
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, scopeKey{}, &scope{calls: map[string]*scopedCall{}})
}

func scopeFrom(ctx context.Context) *scope {
	s, _ := ctx.Value(scopeKey{}).(*scope)
	return s
}

func (s *scope) do(ctx context.Context, key string, fn func() (*Response, error), onCancel func(error) error) (*Response, error) {
	s.mu.Lock()
	if c, ok := s.calls[key]; ok {
		s.mu.Unlock()
		select {
		case <-c.done:
			return c.resp, c.err
		case <-ctx.Done():
			return nil, onCancel(ctx.Err())
		}
	}
	c := &scopedCall{done: make(chan struct{})}
	s.calls[key] = c
	s.mu.Unlock()
	c.resp, c.err = fn()
	close(c.done)
	return c.resp, c.err
}
