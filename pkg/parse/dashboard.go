package parse

import (
	"bytes"
	"encoding/json"
	"slices"
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
	Notes            []string
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

// ParseDashboard reads the dashboard summary: the contract's shape
// directly, other shapes (figures at the top level or under metrics, data
// or health, camelCase keys, nested figures) through genericDashboard.
// Contract figures must be numbers (or null); extra numeric figures a
// server adds are kept.
func ParseDashboard(body []byte) (Dashboard, error) {
	return decodeDoc("dashboard", body, func(d *dashboardDoc, b []byte) (Dashboard, bool, error) {
		out, ok := exactDashboard(d, tallyKeys(b))
		return out, ok, nil
	}, genericDashboard)
}

// exactDashboard reads the contract's shape when every key is a contract
// key and every summary figure a number or null.
func exactDashboard(d *dashboardDoc, tally keyTally) (Dashboard, bool) {
	if d.Summary == nil {
		return Dashboard{}, false
	}
	summary := *d.Summary
	want := count1(!d.Timestamp.T.IsZero()) + count1(d.Status != "") + count1(d.HealthScore.V != nil) +
		count1(d.UptimePercentage.V != nil) + 1 + servicesKeys(d.Services)
	for _, raw := range summary {
		if len(raw) == 0 || raw[0] != 'n' { // null figures are among tally.nulls
			want++
		}
	}
	if !tally.fits(want) {
		return Dashboard{}, false
	}
	out := Dashboard{
		Timestamp: d.Timestamp.T, Status: statusText(d.Status),
		HealthScore: d.HealthScore.V, UptimePercentage: d.UptimePercentage.V,
		Services: parseServices(d.Services),
	}
	out.Summary = make([]SummaryValue, 0, len(summary))
	found := 0
	for _, k := range SummaryKeys {
		raw, ok := summary[k]
		if !ok {
			continue
		}
		found++
		var n Number
		if n.UnmarshalJSON(raw) != nil {
			return Dashboard{}, false
		}
		out.Summary = append(out.Summary, SummaryValue{Key: k, Value: n.V})
	}
	if found < len(summary) {
		var extra []string
		for k := range summary {
			if !slices.Contains(SummaryKeys, k) {
				if _, alias := summaryAliases[normKey(k)]; alias {
					return Dashboard{}, false // errorRate: the generic reader maps it
				}
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			raw := bytes.TrimSpace(summary[k])
			if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
				return Dashboard{}, false // text, objects …: the generic reader notes them
			}
			f, err := jsonNumber(raw)
			if err != nil {
				return Dashboard{}, false
			}
			out.Summary = append(out.Summary, SummaryValue{Key: k, Value: finite(f)})
		}
	}
	return out, true
}
