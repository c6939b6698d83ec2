package leakyapi

import (
	"time"
)

// Query is one panel query of every query type the data source has.
type Query struct{ RefID, Type, Model string }

// Queries cover every query type and variant that calls the server.
var Queries = []Query{
	{"metrics-json", "metrics", `{"format":"json"}`},
	{"metrics-prometheus", "metrics", `{"format":"prometheus"}`},
	{"metrics-datadog", "metrics", `{"format":"datadog"}`},
	{"metrics-filtered", "metrics", `{"category":"api","metricName":"api.error_rate","endpoint":"overall"}`},
	{"health", "health", `{}`},
	{"uptime", "uptime", `{}`},
	{"alerts-active", "alerts", `{"alertsAction":"active"}`},
	{"alerts-history", "alerts", `{"alertsAction":"history"}`},
	{"alerts-configuration", "alerts", `{"alertsAction":"configuration"}`},
	{"dashboard", "dashboard", `{}`},
	{"slo", "slo", `{}`},
	{"oncall-escalation", "oncall", `{"oncallView":"escalation"}`},
	{"oncall-now", "oncall", `{"oncallView":"now"}`},
}

// Resource is one resource call.
type Resource struct{ Method, Path, RawQuery, Body string }

// Resources are every route of the data source, and an unknown one.
func Resources(time.Time) []Resource {
	return []Resource{
		{"GET", "categories", "", ""},
		{"GET", "metrics", "category=api", ""},
		{"GET", "services", "", ""},
		{"GET", "severities", "", ""},
		{"GET", "objectives", "", ""},
		{"GET", "oncall/schedule", "weeks=2", ""},
		{"POST", "preview", "", `{"endpoint":"alerts"}`},
		{"POST", "preview", "", `{"endpoint":"health"}`},
		{"GET", "no-such-route", "", ""},
	}
}

// LivePaths are the stream paths of the live queries.
var LivePaths = []string{"metrics/all", "health", "uptime", "dashboard"}
