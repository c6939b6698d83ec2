// Package query turns one Grafana query into upstream calls and data
// frames. Frames follow the dataplane contract (time series "multi" frames
// with Meta.Type and TypeVersion) so panels, Grafana-managed alert rules
// and server-side expressions read the same data.
package query

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Type is the query type, sent by the editor as "queryType".
type Type string

const (
	TypeMetrics   Type = "metrics"
	TypeHealth    Type = "health"
	TypeUptime    Type = "uptime"
	TypeAlerts    Type = "alerts"
	TypeDashboard Type = "dashboard"
	TypeSLO       Type = "slo"
	TypeOncall    Type = "oncall"
)

// Alerts actions.
const (
	AlertsActive        = "active"
	AlertsHistory       = "history"
	AlertsConfiguration = "configuration"
)

// Metrics wire formats a query may ask for; "" means auto. Responses are
// parsed by what they are (Content-Type and body), not by what was asked.
var formats = map[string]bool{"": true, FormatAuto: true, FormatJSON: true, FormatPrometheus: true, FormatDatadog: true}

// Model is the query JSON the editor saves (and provisioning files and
// alert rules contain). Every field is optional: an empty query shows all
// current metrics. Its fields are grouped by the query types that read
// them; model_types.go says which groups each query type has, and the JSON
// schema (schema/) and the editor's TypeScript type are generated from
// that (go test ./pkg/query -run TestQuerySchema -update).
type Model struct {
	QueryType string `json:"queryType,omitempty"`
	MetricsOptions
	SeriesOptions
	ServiceOptions
	AlertsOptions
	SeverityOptions
	SLOOptions
	OncallOptions
	LiveOptions
	FleetOptions
}

// MetricsOptions are the metrics query's own fields.
type MetricsOptions struct {
	// Category filters metrics: one category, a comma list, "{a,b}" (a
	// multi-value template variable) or ""/"all" for every category.
	Category string `json:"category,omitempty"`
	// Endpoint filters series by their endpoint label: "overall" keeps the
	// whole-application series (no endpoint label), anything else matches
	// endpoint paths ("/api/tickets", "/api/*", lists). Empty keeps all.
	Endpoint string `json:"endpoint,omitempty"`
	// Format is the metrics wire format to request: auto (default: JSON,
	// then Prometheus text, then Datadog series, remembering what worked),
	// json, prometheus or datadog (that format only).
	Format string `json:"format,omitempty" jsonschema:"enum=auto,enum=json,enum=prometheus,enum=datadog"`
	// Total sums rates (per minute or per second, e.g. USD/min) over the time
	// range into amounts, with the same length just before it and the change.
	Total bool `json:"total,omitempty"`
}

// SeriesOptions filter the numeric series of a query.
type SeriesOptions struct {
	// MetricName filters by name: exact names, comma lists, "{a,b}" and
	// "*" wildcards. Applies to the numeric series of every query type
	// that has it (e.g. "health.response_time").
	MetricName string `json:"metricName,omitempty"`
}

// ServiceOptions filter the dependencies of health and dashboard queries.
type ServiceOptions struct {
	// Service filters the series to one service (or a list).
	Service string `json:"service,omitempty"`
}

// AlertsOptions are the alerts query's own fields.
type AlertsOptions struct {
	// AlertsAction is active (default), history or configuration.
	AlertsAction string `json:"alertsAction,omitempty" jsonschema:"enum=active,enum=history,enum=configuration"`
}

// SeverityOptions filter alerts by severity.
type SeverityOptions struct {
	// Severity filters alerts (one, a list, or empty for all).
	Severity string `json:"severity,omitempty"`
}

// SLOOptions are the slo query's own fields.
type SLOOptions struct {
	// Objective picks SLO objectives by id (one, a list or "" for all).
	Objective string `json:"objective,omitempty"`
	// SloField returns one numeric column of the "slo" frame (fast_burn,
	// burn_rate_1h, budget_remaining_ratio, ...) as a numeric-long frame,
	// the shape an alert rule condition reads directly.
	SloField string `json:"sloField,omitempty"`
	// SloWindow evaluates the objectives over this window instead of their own (e.g. calendar_month).
	SloWindow string `json:"sloWindow,omitempty"`
}

// OncallOptions are the oncall query's own fields.
type OncallOptions struct {
	// OncallView is now (default), shifts or escalation.
	OncallView string `json:"oncallView,omitempty" jsonschema:"enum=now,enum=shifts,enum=escalation"`
	// ShiftCount is the number of shifts per layer of the shifts view.
	ShiftCount int `json:"shiftCount,omitempty" jsonschema:"minimum=1,maximum=200"`
}

// LiveOptions are the fields of the query types Grafana Live can stream.
type LiveOptions struct {
	// Live streams current values through Grafana Live.
	Live bool `json:"live,omitempty"`
}

// Query is a validated query with its time range.
type Query struct {
	Model
	Type          Type
	RefID         string
	From, To      time.Time
	Interval      time.Duration
	MaxDataPoints int64

	Categories []string
	Names      Matcher
	Services   Matcher
	Severities Matcher
	Endpoints  EndpointFilter
	Objectives Matcher

	// FromAlert is set for Grafana-managed alert rule evaluations (the
	// request's FromAlert header); never read from the query JSON.
	FromAlert bool
}

// BadQueryError is a query the user must change; the message says how.
type BadQueryError struct{ Msg string }

func (e *BadQueryError) Error() string { return e.Msg }

func badQueryf(format string, args ...any) error {
	return &BadQueryError{Msg: fmt.Sprintf(format, args...)}
}

var categoryPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Parse reads and validates a data query, applying defaults.
func Parse(dq backend.DataQuery) (Query, error) {
	var m Model
	if len(dq.JSON) > 0 {
		if err := json.Unmarshal(dq.JSON, &m); err != nil {
			return Query{}, badQueryf("the query is not valid JSON or a field has the wrong type: %v", err)
		}
	}
	q := Query{
		Model: m, RefID: dq.RefID,
		From: dq.TimeRange.From, To: dq.TimeRange.To,
		Interval: dq.Interval, MaxDataPoints: dq.MaxDataPoints,
	}

	qt := strings.ToLower(strings.TrimSpace(dq.QueryType))
	if qt == "" {
		qt = strings.ToLower(strings.TrimSpace(m.QueryType))
	}
	if qt == "" {
		qt = string(TypeMetrics)
	}
	q.Type = Type(qt)
	if !validType(q.Type) {
		return Query{}, badQueryf("unknown query type %q: use one of %s", qt, typeList())
	}

	cats, err := parseCategories(m.Category)
	if err != nil {
		return Query{}, err
	}
	q.Categories = cats
	if q.Names, err = NewMatcher(m.MetricName); err != nil {
		return Query{}, badQueryf("metric name filter: %v", err)
	}
	if q.Services, err = NewMatcher(m.Service); err != nil {
		return Query{}, badQueryf("service filter: %v", err)
	}
	if q.Severities, err = NewMatcher(strings.ToLower(m.Severity)); err != nil {
		return Query{}, badQueryf("severity filter: %v", err)
	}

	q.AlertsAction = strings.ToLower(strings.TrimSpace(m.AlertsAction))
	switch q.AlertsAction {
	case "":
		q.AlertsAction = AlertsActive
	case AlertsActive, AlertsHistory, AlertsConfiguration:
	default:
		return Query{}, badQueryf("unknown alerts action %q: use active, history or configuration", m.AlertsAction)
	}

	q.Format = strings.ToLower(strings.TrimSpace(m.Format))
	if !formats[q.Format] {
		return Query{}, badQueryf("unknown metrics format %q: use auto, json, prometheus or datadog", m.Format)
	}
	if q.Format == "" {
		q.Format = FormatAuto
	}
	if q.Endpoints, err = NewEndpointFilter(m.Endpoint); err != nil {
		return Query{}, badQueryf("endpoint filter: %v", err)
	}
	if err := checkLive(q); err != nil {
		return Query{}, err
	}
	if err := parseSLOFields(&q); err != nil {
		return Query{}, err
	}
	if err := parseOncallFields(&q); err != nil {
		return Query{}, err
	}
	if err := parseFleetView(&q); err != nil {
		return Query{}, err
	}
	return q, nil
}

func validType(t Type) bool {
	_, ok := lookupType(t)
	return ok
}

func typeList() string {
	s := make([]string, len(Types))
	for i, t := range Types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// parseCategories returns nil for "all categories".
func parseCategories(raw string) ([]string, error) {
	items := splitList(raw)
	var out []string
	for _, c := range items {
		lc := strings.ToLower(c)
		if lc == "all" || lc == "*" || lc == "$__all" {
			return nil, nil
		}
		if !categoryPattern.MatchString(c) {
			return nil, badQueryf("category %q is not valid: use a category name such as system, api, database, cache or business", c)
		}
		if !contains(out, lc) {
			out = append(out, lc)
		}
	}
	return out, nil
}

// splitList reads "a", "a,b", "{a,b}" (Grafana's multi-value formatting)
// and "a|b" into items.
func splitList(raw string) []string {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") {
		raw = raw[1 : len(raw)-1]
	}
	if raw == "" {
		return nil
	}
	parts := strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == '|' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
