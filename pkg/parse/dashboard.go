package parse

import (
	"bytes"
	"encoding/json"
	"sort"
	"time"
)

// SummaryValue is one figure of the dashboard summary.
type SummaryValue struct {
	Key   string
	Value *float64
}

// Dashboard is the JSON body of GET /api/monitoring/dashboard.
type Dashboard struct {
	Timestamp        time.Time
	Status           string
	HealthScore      *float64
	UptimePercentage *float64
	Summary          []SummaryValue
	Services         []ServiceHealth
}

// SummaryKeys are the contract's summary figures, in display order.
var SummaryKeys = []string{
	"requests_per_minute", "error_rate", "response_time_p95", "active_alerts",
	"payments_success_rate", "revenue_today", "active_users",
}

type dashboardDoc struct {
	Timestamp        Time                        `json:"timestamp"`
	Status           string                      `json:"status"`
	HealthScore      Number                      `json:"health_score"`
	UptimePercentage Number                      `json:"uptime_percentage"`
	Summary          *map[string]json.RawMessage `json:"summary"`
	Services         map[string]serviceJSON      `json:"services"`
}

// ParseDashboard reads the dashboard summary. Contract keys must be numbers
// (or null); extra numeric keys a server adds are kept, others ignored.
func ParseDashboard(body []byte) (Dashboard, error) {
	const doc = "dashboard"
	b := trimBody(body)
	if len(b) == 0 {
		return Dashboard{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Dashboard{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d dashboardDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return Dashboard{}, malformed(doc, err)
	}
	if d.Summary == nil {
		return Dashboard{}, shapef(doc, `field "summary" is missing`)
	}
	out := Dashboard{
		Timestamp: d.Timestamp.T, Status: d.Status,
		HealthScore: d.HealthScore.V, UptimePercentage: d.UptimePercentage.V,
		Services: parseServices(d.Services),
	}
	summary := *d.Summary
	known := map[string]bool{}
	for _, k := range SummaryKeys {
		known[k] = true
		raw, ok := summary[k]
		if !ok {
			continue
		}
		var n Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return Dashboard{}, shapef(doc, "summary.%s: %v", k, err)
		}
		out.Summary = append(out.Summary, SummaryValue{Key: k, Value: n.V})
	}
	var extra []string
	for k, raw := range summary {
		if !known[k] && len(bytes.TrimSpace(raw)) > 0 {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		var f float64
		if json.Unmarshal(summary[k], &f) == nil {
			out.Summary = append(out.Summary, SummaryValue{Key: k, Value: finite(f)})
		}
	}
	return out, nil
}
