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
		"payments": "business", "orders": "business", "tickets": "business", "users": "business",
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

// withCatalogDefaults fills a category or unit the body left empty from the
// metric catalog (the category also from the name's prefix).
func withCatalogDefaults(name, category, unit string) (string, string) {
	if category == "" {
		category = GuessCategory(name)
	}
	if unit == "" {
		if e, ok := LookupMetric(name); ok {
			unit = e.Unit
		}
	}
	return category, unit
}
