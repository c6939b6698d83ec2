// Package fleet runs the data source over many instances of one
// application. This file is the single table of how one metric combines
// across instances; the backend's fleet view and the generated Prometheus
// dashboards and rules both read it, so they never disagree.
package fleet

import "strings"

// Aggregation says how the instances' values of one metric combine into
// the fleet's value.
type Aggregation int

const (
	// Sum: counts, totals and rates add up across instances.
	Sum Aggregation = iota
	// Mean: shares and utilisation; every instance weighs the same.
	Mean
	// Max: percentiles and lags cannot be merged exactly from per-instance
	// values, so the fleet shows the worst instance and says so.
	Max
	// Min: up/down flags; the fleet is only as good as its worst instance.
	Min
)

// Label names the aggregation beside a fleet value ("max of instances").
func (a Aggregation) Label() string {
	switch a {
	case Sum:
		return "sum of instances"
	case Max:
		return "max of instances"
	case Min:
		return "min of instances"
	default:
		return "mean of instances"
	}
}

// PromQL is the aggregation operator that gives the same fleet value in
// Prometheus.
func (a Aggregation) PromQL() string {
	switch a {
	case Sum:
		return "sum"
	case Max:
		return "max"
	case Min:
		return "min"
	default:
		return "avg"
	}
}

// known covers the endpoint description's metrics whose name alone does
// not say how they combine.
var known = map[string]Aggregation{
	"system.load.average_1m":   Mean,
	"system.memory.heap_used":  Sum,
	"system.memory.rss":        Sum,
	"database.available":       Min,
	"database.connections.max": Sum,
	"database.replication_lag": Max,
	"users.active":             Sum,
	"uptime.percentage":        Mean,
	"payments.revenue.total":   Sum,
	// Status flags of the health, uptime and dashboard queries (1 healthy,
	// 0.5 degraded, 0 down; SLA checks 1 met, 0 not): the worst instance.
	"health.status":    Min,
	"uptime.status":    Min,
	"sla.compliance":   Min,
	"dashboard.status": Min,
	// Summary figures of the dashboard endpoint.
	"summary.requests_per_minute": Sum,
	"summary.active_alerts":       Sum,
	"summary.revenue_today":       Sum,
	"summary.active_users":        Sum,
}

// AggregationOf returns how metricName (dotted, as the metrics endpoint
// names it) combines across instances. unit is the metric's unit as the
// endpoint reports it ("%", "ms", "count/min"), or "" when unknown; it
// decides for names the table and the name patterns do not.
func AggregationOf(metricName, unit string) Aggregation {
	if a, ok := known[metricName]; ok {
		return a
	}
	last := metricName[strings.LastIndexByte(metricName, '.')+1:]
	switch {
	case isPercentile(last):
		return Max
	// Shares: error_rate, success_rate, hit_rate, cache_hit_ratio are
	// percentages, not event rates, even though some end in "rate".
	case strings.HasSuffix(last, "error_rate"), strings.HasSuffix(last, "success_rate"),
		strings.HasSuffix(last, "failure_rate"), strings.HasSuffix(last, "hit_rate"),
		strings.HasSuffix(last, "ratio"), last == "usage":
		return Mean
	case strings.HasSuffix(last, "rate"), last == "total", last == "used", last == "count":
		return Sum
	}
	switch {
	case unit == "%":
		return Mean
	case unit == "ms" || unit == "s":
		return Max
	case unit == "count" || strings.Contains(unit, "/"):
		return Sum
	}
	return Mean
}

// isPercentile matches p50, p95, p99, p999 and lag_p99 style names.
func isPercentile(name string) bool {
	i := strings.LastIndexByte(name, '_')
	p := name[i+1:]
	if len(p) < 2 || p[0] != 'p' {
		return false
	}
	for _, r := range p[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
