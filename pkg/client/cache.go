package client

import (
	"container/list"
	"sync"
	"time"
)

// responseCache keeps successful responses for a short TTL so that many
// panels and viewers reading the same endpoint share one upstream request.
// It is bounded by entry count and by bytes, counting what an entry really
// holds: the body, what was parsed from it (estimated, see memsize.go)
// and the entry itself. The least recently used entries go first; expired
// ones are swept on a timer, so memory goes back after the last query;
// a body that fails to parse is dropped (the next query asks again).
type responseCache struct {
	ttl        time.Duration
	maxEntries int
	maxBytes   int64

	mu    sync.Mutex
	ll    *list.List // front = most recently used
	items map[string]*list.Element
	bytes int64

	stop chan struct{}
}

type cacheEntry struct {
	key     string
	resp    *Response
	size    int64
	expires time.Time
}

// entryOverhead approximates the entry, list element, map slot and
// Response struct around a body.
const entryOverhead = 512

func newResponseCache(ttl time.Duration, maxEntries int, maxBytes int64) *responseCache {
	return &responseCache{ttl: ttl, maxEntries: maxEntries, maxBytes: maxBytes, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *responseCache) enabled() bool { return c != nil && c.ttl > 0 }

func (c *responseCache) get(key string, now time.Time) (*Response, bool) {
	if !c.enabled() {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	ent := el.Value.(*cacheEntry)
	if !now.Before(ent.expires) {
		c.removeElement(el)
		return nil, false
	}
	c.ll.MoveToFront(el)
	return ent.resp, true
}

func (c *responseCache) put(key string, resp *Response, now time.Time) {
	if !c.enabled() {
		return
	}
	resp.cache, resp.cacheKey = c, key
	size := resp.heldBytes(key)
	if size > c.maxEntryBytes() || resp.unparseable.Load() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.removeElement(el)
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key: key, resp: resp, size: size, expires: now.Add(c.ttl)})
	c.bytes += size
	c.evict()
	resp.hold.release() // the cache's own bound covers it now
}

// grew adds what was parsed from a cached response to its size.
func (c *responseCache) grew(key string, resp *Response, n int64) {
	if c == nil || n == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok || el.Value.(*cacheEntry).resp != resp {
		return
	}
	ent := el.Value.(*cacheEntry)
	ent.size += n
	c.bytes += n
	if ent.size > c.maxEntryBytes() {
		c.removeElement(el)
		return
	}
	c.evict()
}

// drop removes a response whose body could not be parsed.
func (c *responseCache) drop(key string, resp *Response) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok && el.Value.(*cacheEntry).resp == resp {
		c.removeElement(el)
	}
}

// maxEntryBytes: no single answer may take more than a quarter of the
// cache, so one large body does not flush what every panel shares.
func (c *responseCache) maxEntryBytes() int64 { return c.maxBytes / 4 }

func (c *responseCache) evict() {
	for c.ll.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.removeElement(c.ll.Back())
	}
}

func (c *responseCache) removeElement(el *list.Element) {
	ent := el.Value.(*cacheEntry)
	c.ll.Remove(el)
	delete(c.items, ent.key)
	c.bytes -= ent.size
}

// sweep removes every expired entry and returns the earliest expiry left
// (zero when the cache is empty).
func (c *responseCache) sweep(now time.Time) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	var next time.Time
	for el := c.ll.Back(); el != nil; {
		prev := el.Prev()
		exp := el.Value.(*cacheEntry).expires
		if !now.Before(exp) {
			c.removeElement(el)
		} else if next.IsZero() || exp.Before(next) {
			next = exp
		}
		el = prev
	}
	return next
}

// startSweeper removes entries as they expire: it wakes at the earliest
// expiry, or after one TTL when the cache is empty (an entry put since
// then expires no sooner), so memory goes back one TTL after the last
// query rather than when the same key is asked again.
func (c *responseCache) startSweeper() {
	if !c.enabled() {
		return
	}
	c.stop = make(chan struct{})
	go func(stop chan struct{}) {
		t := time.NewTimer(c.ttl)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				wait := c.ttl
				if next := c.sweep(now); !next.IsZero() {
					wait = max(next.Sub(time.Now()), minSweepWait)
				}
				t.Reset(wait)
			case <-stop:
				return
			}
		}
	}(c.stop)
}

// minSweepWait keeps a burst of entries expiring together to one sweep.
const minSweepWait = 50 * time.Millisecond

func (c *responseCache) stopSweeper() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stop != nil {
		close(c.stop)
		c.stop = nil
	}
}

// usage is the entry count and the bytes accounted.
func (c *responseCache) usage() (int, int64) {
	if c == nil {
		return 0, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len(), c.bytes
}

func (c *responseCache) len() int {
	n, _ := c.usage()
	return n
}

func (c *responseCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ll.Init()
	c.items = map[string]*list.Element{}
	c.bytes = 0
}
