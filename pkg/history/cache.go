// Package history keeps the metric history a data source instance fetched,
// so that the next query of a sliding window (an SLO or burn-rate rule
// evaluated every minute, a dashboard refresh) asks the server only for
// what it does not hold: the newest buckets, which the server may still
// revise, and any older part beyond what is held. The result is the same
// as fetching the whole window.
package history

import (
	"container/list"
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
)

// DefaultMaxBytes is the history cache's default budget. A 30-day window
// at one-minute steps is about 0.7 MB per series here.
const DefaultMaxBytes = 64 << 20

// Key names one held history: the endpoint, the parameters that pick the
// series (e.g. "name=api.error_rate", encoded) and the step in seconds.
type Key struct {
	Path     string
	Selector string
	Step     int
}

// Window is the range a query wants: points whose bucket starts in
// [From, To). Retention is how far back the server keeps history (zero:
// it does not say): held points the server may have dropped since are
// fetched again. Where the server's retention edge is comes from the
// newest point it sends, so a data source whose clock is behind the
// server's by more than a step can hold an oldest bucket the server has
// since dropped (the server answers a window ending in its past).
type Window struct {
	From, To  time.Time
	Retention time.Duration
}

// Fetcher fetches [from, to) of the key's series at the key's step.
type Fetcher func(ctx context.Context, from, to time.Time) (parse.History, error)

// Cache is safe for concurrent use; one exists per data source instance.
// It is bounded by the bytes of the points it holds; the least recently
// used series set goes first. A nil Cache, or one with no budget, fetches
// every window whole.
type Cache struct {
	max int64

	mu    sync.Mutex
	ll    *list.List // of *held, front = most recently used
	items map[Key]*list.Element
	bytes int64

	stats counters
}

// New makes a cache holding at most maxBytes of points; 0 disables it.
func New(maxBytes int64) *Cache {
	return &Cache{max: maxBytes, ll: list.New(), items: map[Key]*list.Element{}}
}

// Get returns the key's history over w, fetching only what is not held.
// Concurrent Gets of one key each fetch what they miss (the client shares
// identical requests); the last one to finish is kept.
func (c *Cache) Get(ctx context.Context, key Key, w Window, fetch Fetcher) (parse.History, error) {
	from := w.From
	if c == nil || c.max <= 0 || !w.To.After(from) || key.Step <= 0 {
		return fetch(ctx, from, w.To)
	}
	h, next, err := c.update(ctx, key, c.lookup(key), from, w.To, w.Retention, fetch)
	if err != nil {
		return parse.History{}, err
	}
	c.store(key, next)
	return h, nil
}

// update brings the held history (nil: none) to [from, to) and returns
// the window's history and what to hold next (nil: nothing).
func (c *Cache) update(ctx context.Context, key Key, old *held, from, to time.Time, retention time.Duration, fetch Fetcher) (parse.History, *held, error) {
	p := plan(old, key.Step, from, to)
	if p.full {
		c.stats.full.Add(1)
		return c.fetchWhole(ctx, key, from, to, fetch)
	}
	ms := func(t int64) time.Time { return time.UnixMilli(t).UTC() }
	// The tail first: its newest point tells where the server's clock,
	// and so its retention edge, is.
	tail, err := fetchStep(ctx, fetch, ms(p.tailFrom), to, key.Step)
	if err != nil || tail == nil {
		return c.fallback(ctx, key, from, to, fetch, err)
	}
	p.head(old, from.UnixMilli(), retentionEdge(old, tail, key.Step, retention))
	if p.headTo > p.tailFrom {
		c.stats.full.Add(1) // the two parts would meet: one request
		return c.fetchWhole(ctx, key, from, to, fetch)
	}
	var head *parse.History
	if p.headTo > from.UnixMilli() {
		if head, err = fetchStep(ctx, fetch, from, ms(p.headTo), key.Step); err != nil || head == nil {
			return c.fallback(ctx, key, from, to, fetch, err)
		}
	}
	// The parts fetched again must agree with what is held: a server that
	// restarted and lost its history answers differently, and its new
	// points must not be mixed with the old ones.
	if !agrees(old, head, p.headKeep, p.headTo, p.trusted) || !agrees(old, tail, p.tailFrom, to.UnixMilli(), p.trusted) {
		c.stats.invalidated.Add(1)
		c.drop(key)
		return c.fetchWhole(ctx, key, from, to, fetch)
	}
	c.stats.partial.Add(1)
	next := merge(old, head, tail, from, to, p)
	return next.history(from, to), next, nil
}

// fallback fetches whole after a part could not be used: a failure is
// the caller's (a whole fetch would fail the same way), a step the server
// changed means the held points no longer fit.
func (c *Cache) fallback(ctx context.Context, key Key, from, to time.Time, fetch Fetcher, err error) (parse.History, *held, error) {
	if err != nil {
		return parse.History{}, nil, err
	}
	c.stats.full.Add(1)
	c.drop(key)
	return c.fetchWhole(ctx, key, from, to, fetch)
}

func (c *Cache) fetchWhole(ctx context.Context, key Key, from, to time.Time, fetch Fetcher) (parse.History, *held, error) {
	h, err := fetch(ctx, from, to)
	if err != nil {
		return parse.History{}, nil, err
	}
	if h.Step != 0 && h.Step != key.Step {
		return h, nil, nil // the server chose another step: answer, hold nothing
	}
	return h, fromHistory(h, from, to), nil
}

// fetchStep fetches a part; nil when the server answered another step.
func fetchStep(ctx context.Context, fetch Fetcher, from, to time.Time, step int) (*parse.History, error) {
	h, err := fetch(ctx, from, to)
	if err != nil {
		return nil, err
	}
	if h.Step != 0 && h.Step != step {
		return nil, nil
	}
	return &h, nil
}

func (c *Cache) lookup(key Key) *held {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil
	}
	c.ll.MoveToFront(el)
	return el.Value.(*held)
}

// store replaces the key's history and evicts the least recently used
// until the budget holds. A history larger than the budget is not kept.
func (c *Cache) store(key Key, h *held) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
	if h == nil || h.size > c.max {
		return
	}
	h.key = key
	c.items[key] = c.ll.PushFront(h)
	c.bytes += h.size
	for c.bytes > c.max {
		c.remove(c.ll.Back())
		c.stats.evicted.Add(1)
	}
}

func (c *Cache) drop(key Key) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
}

func (c *Cache) remove(el *list.Element) {
	h := el.Value.(*held)
	c.ll.Remove(el)
	delete(c.items, h.key)
	c.bytes -= h.size
}

// Clear drops everything held.
func (c *Cache) Clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ll.Init()
	c.items = map[Key]*list.Element{}
	c.bytes = 0
}

// Bytes is the size of what is held, as the budget counts it.
func (c *Cache) Bytes() int64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len is the number of series sets held.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// Stats counts what Gets did since the cache was made.
type Stats struct {
	// Full Gets fetched the whole window (nothing usable held).
	Full int64
	// Partial Gets merged held points with the parts they fetched.
	Partial int64
	// Invalidated Gets found the server's answer disagreeing with what
	// was held (a restart that lost history) and fetched whole.
	Invalidated int64
	// Evicted series sets made room for newer ones.
	Evicted int64
}

type counters struct {
	full, partial, invalidated, evicted atomic.Int64
}

// Stats returns the counters.
func (c *Cache) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	return Stats{Full: c.stats.full.Load(), Partial: c.stats.partial.Load(),
		Invalidated: c.stats.invalidated.Load(), Evicted: c.stats.evicted.Load()}
}
