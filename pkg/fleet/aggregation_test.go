package fleet

import "testing"

func TestAggregationOfContractMetrics(t *testing.T) {
	cases := map[string]Aggregation{
		"system.cpu.usage":             Mean,
		"system.memory.usage":          Mean,
		"system.disk.usage":            Mean,
		"system.event_loop.lag_p99":    Max,
		"system.network.rx_bytes_rate": Sum,
		"api.requests.rate":            Sum,
		"api.error_rate":               Mean,
		"errors.rate":                  Sum,
		"api.response_time.p50":        Max,
		"api.response_time.p95":        Max,
		"api.response_time.p99":        Max,
		"auth.failures.rate":           Sum,
		"database.available":           Min,
		"database.connections.used":    Sum,
		"database.connections.max":     Sum,
		"database.query_time.p95":      Max,
		"database.slow_queries.rate":   Sum,
		"database.cache_hit_ratio":     Mean,
		"database.replication_lag":     Max,
		"cache.hit_rate":               Mean,
		"payments.success_rate":        Mean,
		"payments.failure_rate":        Mean,
		"payments.failures.rate":       Sum,
		"payments.revenue.total":       Sum,
		"payments.revenue.rate":        Sum,
		"orders.rate":                  Sum,
		"users.active":                 Sum,
		"uptime.percentage":            Mean,
		"system.memory.heap_used":      Sum,
		"system.load.average_1m":       Mean,
		"database.deadlocks.rate":      Sum,
		"tickets.sold.rate":            Sum,
		"users.signups.rate":           Sum,
		"system.network.tx_bytes_rate": Sum,
		"database.rollbacks.rate":      Sum,
		"system.memory.rss":            Sum,
		"api.response_time.p999":       Max,
	}
	for name, want := range cases {
		if got := AggregationOf(name, ""); got != want {
			t.Errorf("%s: got %s, want %s", name, got.Label(), want.Label())
		}
	}
}

func TestAggregationOfFallsBackToUnit(t *testing.T) {
	cases := []struct {
		name, unit string
		want       Aggregation
	}{
		{"queue.depth", "count", Sum},
		{"queue.wait", "ms", Max},
		{"pool.saturation", "%", Mean},
		{"jobs.done", "count/min", Sum},
		{"mystery", "", Mean},
	}
	for _, c := range cases {
		if got := AggregationOf(c.name, c.unit); got != c.want {
			t.Errorf("%s (%s): got %s, want %s", c.name, c.unit, got.Label(), c.want.Label())
		}
	}
}

func TestAggregationPromQL(t *testing.T) {
	for a, want := range map[Aggregation]string{Sum: "sum", Mean: "avg", Max: "max", Min: "min"} {
		if got := a.PromQL(); got != want {
			t.Errorf("%s: PromQL %q, want %q", a.Label(), got, want)
		}
	}
}
