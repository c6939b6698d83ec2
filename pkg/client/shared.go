package client

import (
	"strings"

	"github.com/appmon/monitoring/pkg/settings"
)

// Shared is what the clients of one fleet's instances have in common: the
// in-flight byte budget and the response cache. The data source's memory
// settings then bound the whole fleet, not each instance, so adding
// instances never multiplies what the backend may hold.
type Shared struct {
	budget *byteBudget
	cache  *responseCache
}

// NewShared sizes the budget and cache from the data source's settings.
func NewShared(s *settings.Settings) *Shared {
	inflight, cacheBytes := memoryLimits(s)
	sh := &Shared{budget: newByteBudget(inflight), cache: newResponseCache(s.CacheTTL, cacheMaxEntries, cacheBytes)}
	sh.cache.startSweeper()
	return sh
}

// Close drops the cache and stops its sweeper; the fleet is being replaced.
func (sh *Shared) Close() {
	sh.cache.stopSweeper()
	sh.cache.clear()
}

// Share makes c use the fleet's budget and cache instead of its own.
// Cache keys hold the instance's URL, so instances never see each other's
// answers.
func (c *Client) Share(sh *Shared) {
	c.cache.stopSweeper()
	c.cache.clear()
	c.budget, c.cache, c.shared = sh.budget, sh.cache, true
}

// forgetInstance drops this instance's answers from the shared cache when
// it leaves the fleet.
func (c *Client) forgetInstance() {
	prefix := c.URL("", nil)
	c.cache.removeIf(func(key string) bool { return strings.HasPrefix(key, prefix) })
}

// memoryLimits are the in-flight budget and cache size the settings ask
// for, with their defaults.
func memoryLimits(s *settings.Settings) (inflight, cacheBytes int64) {
	inflight = s.Memory.InflightMaxBytes
	if inflight <= 0 {
		inflight = max(settings.DefaultInflightMaxBytes, s.MaxResponseBytes)
	}
	cacheBytes = s.Memory.CacheMaxBytes
	if cacheBytes <= 0 {
		cacheBytes = settings.DefaultCacheMaxBytes
	}
	return inflight, cacheBytes
}
