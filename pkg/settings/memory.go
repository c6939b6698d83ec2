package settings

import (
	"encoding/json"
)

// Memory bounds of one data source instance. The cache bound does not
// follow maxResponseBytes: raising the response limit must not let the
// cache grow with it.
const (
	DefaultCacheMaxBytes     = 64 << 20
	MinCacheMaxBytes         = 1 << 20
	MaxCacheMaxBytes         = 4 << 30
	DefaultInflightMaxBytes  = 64 << 20
	MinInflightMaxBytes      = 1 << 20
	MaxInflightMaxBytesLimit = 16 << 30
)

// Memory is how much response data an instance may hold.
type Memory struct {
	// CacheMaxBytes bounds the response cache: bodies and what was
	// parsed from them (jsonData.cacheMaxBytes).
	CacheMaxBytes int64
	// InflightMaxBytes bounds the response bytes being received at once,
	// across every request of the instance (jsonData.inflightMaxBytes).
	// By default it is the larger of 64 MiB and maxResponseBytes, so any
	// body within the response limit fits.
	InflightMaxBytes int64
}

type memoryJSON struct {
	CacheMaxBytes    *int64 `json:"cacheMaxBytes"`
	InflightMaxBytes *int64 `json:"inflightMaxBytes"`
}

// loadMemory reads the memory bounds from jsonData; maxResponseBytes is
// the already validated response limit.
func loadMemory(raw json.RawMessage, maxResponseBytes int64) (Memory, error) {
	m := Memory{CacheMaxBytes: DefaultCacheMaxBytes, InflightMaxBytes: max(DefaultInflightMaxBytes, maxResponseBytes)}
	if len(raw) == 0 {
		return m, nil
	}
	var jd memoryJSON
	if err := json.Unmarshal(raw, &jd); err != nil {
		return m, nil // the main jsonData reader reports what is wrong
	}
	if v := jd.CacheMaxBytes; v != nil {
		if *v < MinCacheMaxBytes || *v > MaxCacheMaxBytes {
			return m, configErrorf("cacheMaxBytes is %d; set it between %d (1 MiB) and %d (4 GiB) bytes (default %d)", *v, int64(MinCacheMaxBytes), int64(MaxCacheMaxBytes), int64(DefaultCacheMaxBytes))
		}
		m.CacheMaxBytes = *v
	}
	if v := jd.InflightMaxBytes; v != nil {
		if *v < MinInflightMaxBytes || *v > MaxInflightMaxBytesLimit {
			return m, configErrorf("inflightMaxBytes is %d; set it between %d (1 MiB) and %d (16 GiB) bytes (default: the larger of 64 MiB and maxResponseBytes)", *v, int64(MinInflightMaxBytes), int64(MaxInflightMaxBytesLimit))
		}
		m.InflightMaxBytes = *v
	}
	return m, nil
}
