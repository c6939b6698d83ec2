package parse

// The readers as they were before they accepted other dialects: the
// contract's exact shapes only, decoded in one typed pass. They are kept
// here as the baseline of BenchmarkReference, measured in the same run as
// the readers they were replaced by.

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

type legacyMetricsAnyDoc struct {
	Timestamp Time             `json:"timestamp"`
	Category  string           `json:"category"`
	Metrics   *[]metricJSON    `json:"metrics"`
	Series    *[]datadogSeries `json:"series"`
}

// legacyParseMetrics is the old ParseMetrics for a JSON body.
func legacyParseMetrics(contentType string, body []byte) (Metrics, error) {
	const doc = "metrics"
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' || IsHTML(contentType, b) {
		return Metrics{}, &Error{Kind: KindShape, Doc: doc}
	}
	var d legacyMetricsAnyDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return Metrics{}, malformed(doc, err)
	}
	if d.Metrics == nil && d.Series != nil {
		return datadogMetrics(d.Series)
	}
	if d.Metrics == nil {
		return Metrics{}, shapef(doc, `field "metrics" is missing`)
	}
	out := Metrics{Timestamp: d.Timestamp.T, Category: d.Category, Format: FormatJSON}
	out.Metrics = make([]Metric, 0, len(*d.Metrics))
	for i, m := range *d.Metrics {
		name := strings.TrimSpace(m.Name)
		if name == "" {
			return Metrics{}, shapef(doc, "metrics[%d] has no name", i)
		}
		cat, unit := legacyCatalogDefaults(name, m.Category, m.Unit)
		out.Metrics = append(out.Metrics, Metric{
			Name: name, Category: cat, Unit: unit, Description: m.Description,
			Labels: cleanLabels(m.Labels), Value: m.Value.V, Time: m.Timestamp.T,
		})
	}
	return out, nil
}

func legacyCatalogDefaults(name, category, unit string) (string, string) {
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

type legacyAlertsDoc struct {
	Timestamp Time `json:"timestamp"`
	Alerts    *[]struct {
		ID              string            `json:"id"`
		Rule            string            `json:"rule"`
		Name            string            `json:"name"`
		Severity        string            `json:"severity"`
		Status          string            `json:"status"`
		Description     string            `json:"description"`
		Metric          string            `json:"metric"`
		Value           Number            `json:"value"`
		Threshold       Number            `json:"threshold"`
		StartedAt       Time              `json:"started_at"`
		AcknowledgedAt  Time              `json:"acknowledged_at"`
		ResolvedAt      Time              `json:"resolved_at"`
		EscalationLevel Number            `json:"escalation_level"`
		Labels          map[string]string `json:"labels"`
		RunbookURL      string            `json:"runbook_url"`
	} `json:"alerts"`
}

func legacyParseAlerts(body []byte) (Alerts, error) {
	const doc = "alerts"
	b := trimBody(body)
	if len(b) == 0 {
		return Alerts{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Alerts{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d legacyAlertsDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return Alerts{}, malformed(doc, err)
	}
	if d.Alerts == nil {
		return Alerts{}, shapef(doc, `field "alerts" is missing`)
	}
	out := Alerts{Timestamp: d.Timestamp.T, Alerts: make([]Alert, 0, len(*d.Alerts))}
	for i, a := range *d.Alerts {
		if a.StartedAt.T.IsZero() {
			return Alerts{}, shapef(doc, "alerts[%d] (id %q) has no started_at", i, truncate(a.ID, 40))
		}
		al := Alert{
			ID: a.ID, Rule: a.Rule, Name: a.Name,
			Severity: strings.ToLower(a.Severity), Status: strings.ToLower(a.Status),
			Description: a.Description, Metric: a.Metric,
			Value: a.Value.V, Threshold: a.Threshold.V, StartedAt: a.StartedAt.T,
			AcknowledgedAt: optionalTime(a.AcknowledgedAt), ResolvedAt: optionalTime(a.ResolvedAt),
			Labels: cleanLabels(a.Labels), RunbookURL: a.RunbookURL,
		}
		if v := a.EscalationLevel.V; v != nil && *v > 0 {
			al.EscalationLevel = int(min(*v, 1000))
		}
		if al.Name == "" {
			al.Name = al.Rule
		}
		out.Alerts = append(out.Alerts, al)
	}
	sort.SliceStable(out.Alerts, func(i, j int) bool { return out.Alerts[i].StartedAt.Before(out.Alerts[j].StartedAt) })
	return out, nil
}

type legacyServiceJSON struct {
	Status       string `json:"status"`
	ResponseTime Number `json:"responseTime"`
	Error        string `json:"error"`
}

func legacyServices(in map[string]legacyServiceJSON) []ServiceHealth {
	out := make([]ServiceHealth, 0, len(in))
	for name, s := range in {
		out = append(out, ServiceHealth{Name: name, Status: s.Status, ResponseTimeMs: s.ResponseTime.V, Error: s.Error})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func legacyParseHealth(body []byte) (Health, error) {
	const doc = "health check"
	b := trimBody(body)
	if len(b) == 0 {
		return Health{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Health{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d struct {
		Status    *string                      `json:"status"`
		Score     Number                       `json:"health_score"`
		Timestamp Time                         `json:"timestamp"`
		Services  map[string]legacyServiceJSON `json:"services"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return Health{}, malformed(doc, err)
	}
	if d.Status == nil {
		return Health{}, shapef(doc, `field "status" is missing`)
	}
	return Health{Status: *d.Status, Score: d.Score.V, Timestamp: d.Timestamp.T, Services: legacyServices(d.Services)}, nil
}

func legacyParseDashboard(body []byte) (Dashboard, error) {
	const doc = "dashboard"
	b := trimBody(body)
	if len(b) == 0 {
		return Dashboard{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Dashboard{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d struct {
		Timestamp        Time                         `json:"timestamp"`
		Status           string                       `json:"status"`
		HealthScore      Number                       `json:"health_score"`
		UptimePercentage Number                       `json:"uptime_percentage"`
		Summary          *map[string]json.RawMessage  `json:"summary"`
		Services         map[string]legacyServiceJSON `json:"services"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return Dashboard{}, malformed(doc, err)
	}
	if d.Summary == nil {
		return Dashboard{}, shapef(doc, `field "summary" is missing`)
	}
	out := Dashboard{
		Timestamp: d.Timestamp.T, Status: d.Status,
		HealthScore: d.HealthScore.V, UptimePercentage: d.UptimePercentage.V,
		Services: legacyServices(d.Services),
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

func legacyParseUptime(body []byte) (Uptime, error) {
	const doc = "uptime"
	b := trimBody(body)
	if len(b) == 0 {
		return Uptime{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Uptime{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d struct {
		Status    *string `json:"status"`
		Timestamp Time    `json:"timestamp"`
		Uptime    *struct {
			Formatted  string `json:"formatted"`
			Percentage Number `json:"percentage"`
			Seconds    Number `json:"seconds"`
		} `json:"uptime"`
		SLA struct {
			Target     Number `json:"target"`
			Compliance struct {
				Overall   *bool `json:"overall"`
				Uptime    *bool `json:"uptime"`
				ErrorRate *bool `json:"errorRate"`
			} `json:"compliance"`
		} `json:"sla"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return Uptime{}, malformed(doc, err)
	}
	if d.Uptime == nil {
		return Uptime{}, shapef(doc, `field "uptime" is missing`)
	}
	u := Uptime{
		Timestamp: d.Timestamp.T, Formatted: d.Uptime.Formatted,
		Percentage: d.Uptime.Percentage.V, Seconds: d.Uptime.Seconds.V, SLATarget: d.SLA.Target.V,
		Compliance: []Compliance{
			{Objective: "overall", Met: d.SLA.Compliance.Overall},
			{Objective: "uptime", Met: d.SLA.Compliance.Uptime},
			{Objective: "error_rate", Met: d.SLA.Compliance.ErrorRate},
		},
	}
	if d.Status != nil {
		u.Status = *d.Status
	}
	return u, nil
}
