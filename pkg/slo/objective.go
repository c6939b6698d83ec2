package slo

import (
	"fmt"
	"time"
)

// Kind is what an objective measures.
type Kind string

const (
	// KindAvailability: share of time the service is up, from per-step
	// availability samples (uptime.percentage history) or, without history,
	// from the current uptime snapshot.
	KindAvailability Kind = "availability"
	// KindErrorRate: share of requests that succeed, from api.error_rate (%)
	// weighted by api.requests.rate (req/s).
	KindErrorRate Kind = "error_rate"
	// KindLatency: share of steps (minutes) whose latency percentile stays
	// at or under the threshold.
	KindLatency Kind = "latency"
)

// Metric names of the endpoint contract that SLIs are derived from.
const (
	MetricUptime      = "uptime.percentage"
	MetricErrorRate   = "api.error_rate"
	MetricRequestRate = "api.requests.rate"
	MetricResponseP95 = "api.response_time.p95"
)

// Defaults: the common targets for a web application's availability, errors and latency.
const (
	DefaultAvailabilityTarget = 99.9   // 99.9 % SLA compliance
	DefaultErrorRateTarget    = 99.5   // error rate below 0.5 %
	DefaultLatencyTarget      = 99.0   // share of minutes with p95 under the threshold
	DefaultLatencyThresholdMs = 2000.0 // api.response_time.p95 < 2000 ms, as API_RESPONSE_THRESHOLD
	DefaultWindowName         = "30d"
)

// Objective is one validated service level objective.
type Objective struct {
	ID     string
	Title  string
	Kind   Kind
	Target float64 // percent of good events or good time, 0 < Target <= 100
	// ThresholdMs is the latency bound (latency objectives only).
	ThresholdMs float64
	// Metric is the series the SLI is read from (availability and latency;
	// error rate always uses api.error_rate and api.requests.rate).
	Metric string
	Window Window
}

// BudgetFraction is the share of events (or time) allowed to be bad:
// 1 - target. It is 0 for a 100% objective.
func (o Objective) BudgetFraction() float64 {
	f := 1 - o.Target/100
	if f < 0 {
		return 0
	}
	return f
}

// Metrics lists the history series the objective's SLI needs.
func (o Objective) Metrics() []string {
	switch o.Kind {
	case KindErrorRate:
		return []string{MetricErrorRate, MetricRequestRate}
	default:
		return []string{o.Metric}
	}
}

// DefaultObjectives are used when jsonData has no "slos" key:
// 99.9% availability, error rate below 0.5% and p95 under 2 s, all over a
// rolling 30 days.
func DefaultObjectives() []Objective {
	w, _ := ParseWindow(DefaultWindowName, "")
	return []Objective{
		{ID: "availability", Title: defaultTitle(KindAvailability, 0, MetricUptime), Kind: KindAvailability,
			Target: DefaultAvailabilityTarget, Metric: MetricUptime, Window: w},
		{ID: "error_rate", Title: defaultTitle(KindErrorRate, 0, ""), Kind: KindErrorRate,
			Target: DefaultErrorRateTarget, Window: w},
		{ID: "latency", Title: defaultTitle(KindLatency, DefaultLatencyThresholdMs, MetricResponseP95), Kind: KindLatency,
			Target: DefaultLatencyTarget, ThresholdMs: DefaultLatencyThresholdMs, Metric: MetricResponseP95, Window: w},
	}
}

func defaultTitle(k Kind, thresholdMs float64, metric string) string {
	switch k {
	case KindAvailability:
		return "Availability"
	case KindErrorRate:
		return "Error rate"
	default:
		if metric == MetricResponseP95 {
			return fmt.Sprintf("Latency p95 ≤ %g ms", thresholdMs)
		}
		return fmt.Sprintf("Latency (%s ≤ %g ms)", metric, thresholdMs)
	}
}

// Bounds returns the window at now: its start and the end of the full
// window (now for rolling windows, the next month's start for calendar
// months); end - start is the length the budget is computed from.
func (o Objective) Bounds(now time.Time) (start, end time.Time) {
	return o.Window.Bounds(now)
}
