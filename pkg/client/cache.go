package client

import (
	"container/list"
	"sync"
	"time"
)

// responseCache keeps successful responses for a short TTL so that many
// panels and viewers reading the same endpoint share one upstream request.
// It is bounded by entry count and by total body bytes; the least recently
// used entries go first.
type responseCache struct {
	ttl        time.Duration
	maxEntries int
	maxBytes   int64

	mu    sync.Mutex
	ll    *list.List // front = most recently used
	items map[string]*list.Element
	bytes int64
}

type cacheEntry struct {
	key     string
	resp    *Response
	expires time.Time
}

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
	size := int64(len(resp.Body))
	if !c.enabled() || size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.removeElement(el)
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key: key, resp: resp, expires: now.Add(c.ttl)})
	c.bytes += size
	for c.ll.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.removeElement(c.ll.Back())
	}
}

func (c *responseCache) removeElement(el *list.Element) {
	ent := el.Value.(*cacheEntry)
	c.ll.Remove(el)
	delete(c.items, ent.key)
	c.bytes -= int64(len(ent.resp.Body))
}

func (c *responseCache) len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
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
