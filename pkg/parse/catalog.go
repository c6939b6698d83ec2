package parse

import "strings"

// CatalogEntry describes a metric the contract names, so formats that lose
// information (Prometheus text has no dots and no category) can be mapped
// back to the contract's names, categories and units.
type CatalogEntry struct {
	Name     string
	Category string
	Unit     string
}

// Categories are the contract's metric categories, in display order.
var Categories = []string{"system", "api", "database", "cache", "business"}

// Catalog lists the metrics of the contract (monitoring-api/openapi.yaml).
var Catalog = []CatalogEntry{
	{"system.cpu.usage", "system", "%"},
	{"system.load.average_1m", "system", "count"},
	{"system.memory.usage", "system", "%"},
	{"system.memory.heap_used", "system", "bytes"},
	{"system.memory.rss", "system", "bytes"},
	{"system.disk.usage", "system", "%"},
	{"system.network.rx_bytes_rate", "system", "bytes/s"},
	{"system.network.tx_bytes_rate", "system", "bytes/s"},
	{"system.event_loop.lag_p99", "system", "ms"},
	{"api.requests.rate", "api", "req/s"},
	{"api.error_rate", "api", "%"},
	{"errors.rate", "api", "count/min"},
	{"api.response_time.p50", "api", "ms"},
	{"api.response_time.p95", "api", "ms"},
	{"api.response_time.p99", "api", "ms"},
	{"auth.failures.rate", "api", "count/min"},
	{"uptime.percentage", "api", "%"},
	{"database.available", "database", "bool"},
	{"database.connections.used", "database", "count"},
	{"database.connections.max", "database", "count"},
	{"database.query_time.p95", "database", "ms"},
	{"database.slow_queries.rate", "database", "count/min"},
	{"database.cache_hit_ratio", "database", "%"},
	{"database.replication_lag", "database", "seconds"},
	{"database.deadlocks.rate", "database", "count/min"},
	{"database.rollbacks.rate", "database", "count/min"},
	{"cache.hit_rate", "cache", "%"},
	{"payments.success_rate", "business", "%"},
	{"payments.failure_rate", "business", "%"},
	{"payments.failures.rate", "business", "count/min"},
	{"payments.revenue.total", "business", "USD"},
	{"payments.revenue.rate", "business", "USD/min"},
	{"orders.rate", "business", "count/min"},
	{"tickets.sold.rate", "business", "count/min"},
	{"users.active", "business", "count"},
	{"users.signups.rate", "business", "count/min"},
}

var (
	catalogByName       = map[string]CatalogEntry{}
	catalogByPromName   = map[string]CatalogEntry{}
	categoryByPrefixSet = map[string]string{
		"system": "system", "api": "api", "database": "database", "cache": "cache",
		"business": "business", "payments": "business", "orders": "business", "tickets": "business", "users": "business",
	}
)

func init() {
	for _, e := range Catalog {
		catalogByName[e.Name] = e
		catalogByPromName[PrometheusName(e.Name)] = e
	}
}

// PrometheusName is the exposition name of a dotted contract name.
func PrometheusName(dotted string) string {
	return strings.NewReplacer(".", "_", "-", "_", "/", "_").Replace(dotted)
}

// LookupMetric finds a contract metric by dotted or Prometheus name.
func LookupMetric(name string) (CatalogEntry, bool) {
	if e, ok := catalogByName[name]; ok {
		return e, true
	}
	e, ok := catalogByPromName[name]
	return e, ok
}

// GuessCategory derives a category from a dotted name's first segment when
// the body did not say.
func GuessCategory(name string) string {
	if e, ok := LookupMetric(name); ok {
		return e.Category
	}
	first, _, _ := strings.Cut(name, ".")
	if first == name {
		first, _, _ = strings.Cut(name, "_")
	}
	return categoryByPrefixSet[first]
}

// withCatalogDefaults fills a category or unit the body left empty, for
// the contract's own formats (history, Datadog series). The unit comes from
// the catalog only for a name spelled exactly as the contract spells it:
// the contract defines what that name measures. A Prometheus-style
// spelling (errors_rate) or any other name gets the unit its suffix states
// (_ms, _bytes …) or none: a guessed unit could be wrong (an application's
// own errors_rate may be a ratio, not errors per minute).
func withCatalogDefaults(name, category, unit string) (string, string) {
	if category == "" {
		category = GuessCategory(name)
	}
	if unit == "" {
		if e, ok := catalogByName[name]; ok {
			unit = e.Unit
		} else {
			unit = unitFromName(name)
		}
	}
	return category, unit
}

// unitSuffixes are the unit words a metric name may end with, in snake_case
// (response_time_ms) or camelCase (responseTimeMs): the name itself states
// its unit.
var unitSuffixes = []struct{ snake, camel, unit string }{
	{"_ms", "Ms", "ms"},
	{"_millis", "Millis", "ms"},
	{"_milliseconds", "Milliseconds", "ms"},
	{"_seconds", "Seconds", "seconds"},
	{"_secs", "Secs", "seconds"},
	{"_bytes", "Bytes", "bytes"},
	{"_percent", "Percent", "%"},
	{"_percentage", "Percentage", "%"},
	{"_pct", "Pct", "%"},
	{"_ratio", "Ratio", "ratio"},
}

// statSegments name a statistic of the segment before them: in
// http.latency_ms.p95 the unit is stated by latency_ms.
var statSegments = map[string]bool{
	"p50": true, "p75": true, "p90": true, "p95": true, "p99": true, "p999": true, "avg": true, "mean": true,
	"median": true, "min": true, "max": true, "last": true, "current": true, "value": true,
}

// unitFromName reads the unit a name states: its last segment's suffix, or
// the suffix of the segment a statistic (p95, avg …) belongs to; else "".
func unitFromName(name string) string {
	segs := strings.Split(name, ".")
	for i := len(segs) - 1; i >= 0; i-- {
		if u := unitFromSegment(segs[i], i > 0); u != "" || !statSegments[strings.ToLower(segs[i])] {
			return u
		}
	}
	return ""
}

// unitFromSegment reads the unit one name segment states; nested is true
// when the segment is not the whole name (api.latency.ms).
func unitFromSegment(last string, nested bool) string {
	lower := strings.ToLower(last)
	for _, s := range unitSuffixes {
		word := s.snake[1:]
		switch {
		case lower == word && nested:
			// api.latency.ms: the segment itself is the unit.
			return s.unit
		case strings.HasSuffix(lower, s.snake):
			return s.unit
		case strings.HasSuffix(last, s.camel) && len(last) > len(s.camel) && isLowerOrDigit(last[len(last)-len(s.camel)-1]):
			return s.unit
		}
	}
	return ""
}

func isLowerOrDigit(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') }
