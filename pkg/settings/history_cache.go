package settings

import "encoding/json"

// Bounds of the metric history cache (jsonData.historyCacheBytes): what
// SLO evaluations, burn-rate rules and history panels keep between
// queries so that the next one fetches only the newest minutes. 0 turns
// it off.
const (
	DefaultHistoryCacheBytes = 64 << 20
	MaxHistoryCacheBytes     = 4 << 30
)

// loadHistoryCache reads jsonData.historyCacheBytes.
func loadHistoryCache(raw json.RawMessage) (int64, error) {
	var jd map[string]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &jd) != nil || jd["historyCacheBytes"] == nil {
		return DefaultHistoryCacheBytes, nil // the main jsonData reader reports bad JSON
	}
	var v int64
	if err := json.Unmarshal(jd["historyCacheBytes"], &v); err != nil || v < 0 || v > MaxHistoryCacheBytes {
		return 0, configErrorf("historyCacheBytes is %s; set it to a whole number of bytes between 0 (off) and %d (4 GiB) (default %d, 64 MiB)", jd["historyCacheBytes"], int64(MaxHistoryCacheBytes), int64(DefaultHistoryCacheBytes))
	}
	return v, nil
}
