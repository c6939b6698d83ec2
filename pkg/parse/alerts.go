package parse

import (
	"encoding/json"
	"sort"
	"strings"
	"time"
)

// Severities of the contract, most severe first.
var Severities = []string{"critical", "high", "medium", "low", "info"}

// Alert is one alert instance.
type Alert struct {
	ID              string
	Rule            string
	Name            string
	Severity        string
	Status          string
	Description     string
	Metric          string
	Value           *float64
	Threshold       *float64
	StartedAt       time.Time
	AcknowledgedAt  *time.Time
	ResolvedAt      *time.Time
	EscalationLevel int
	Labels          map[string]string
	RunbookURL      string
}

// Alerts is the body of GET /api/monitoring/alerts?action=active|history.
type Alerts struct {
	Timestamp time.Time
	Alerts    []Alert
}

type alertsDoc struct {
	Timestamp Time         `json:"timestamp"`
	Alerts    *[]alertJSON `json:"alerts"`
}

type alertJSON struct {
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
}

// ParseAlerts reads active alerts or alert history, oldest first.
func ParseAlerts(body []byte) (Alerts, error) {
	const doc = "alerts"
	b := trimBody(body)
	if len(b) == 0 {
		return Alerts{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Alerts{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d alertsDoc
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
			Severity:    strings.ToLower(a.Severity),
			Status:      strings.ToLower(a.Status),
			Description: a.Description, Metric: a.Metric,
			Value: a.Value.V, Threshold: a.Threshold.V,
			StartedAt:      a.StartedAt.T,
			AcknowledgedAt: optionalTime(a.AcknowledgedAt),
			ResolvedAt:     optionalTime(a.ResolvedAt),
			Labels:         cleanLabels(a.Labels),
			RunbookURL:     a.RunbookURL,
		}
		if v := a.EscalationLevel.V; v != nil && *v > 0 {
			al.EscalationLevel = int(min(*v, 1000)) // bounded: a garbage number must not overflow int
		}
		if al.Name == "" {
			al.Name = al.Rule
		}
		out.Alerts = append(out.Alerts, al)
	}
	sort.SliceStable(out.Alerts, func(i, j int) bool { return out.Alerts[i].StartedAt.Before(out.Alerts[j].StartedAt) })
	return out, nil
}

func optionalTime(t Time) *time.Time {
	if t.T.IsZero() {
		return nil
	}
	v := t.T
	return &v
}

// AlertRule is one configured alert rule.
type AlertRule struct {
	Name        string
	Title       string
	Severity    string
	Metric      string
	Operator    string
	Threshold   *float64
	Unit        string
	ForSeconds  *float64
	Description string
	Escalation  string
}

// Channel is one notification channel.
type Channel struct {
	Name    string
	Enabled bool
}

// Threshold is one named threshold setting.
type Threshold struct {
	Name  string
	Value *float64
}

// AlertConfig is the body of GET /api/monitoring/alerts?action=configuration.
type AlertConfig struct {
	Rules      []AlertRule
	Channels   []Channel
	Thresholds []Threshold
}

type alertConfigDoc struct {
	Rules *[]struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Severity    string `json:"severity"`
		Metric      string `json:"metric"`
		Operator    string `json:"operator"`
		Threshold   Number `json:"threshold"`
		Unit        string `json:"unit"`
		ForSeconds  Number `json:"for_seconds"`
		Description string `json:"description"`
		Escalation  string `json:"escalation"`
	} `json:"rules"`
	Channels []struct {
		Name    string `json:"name"`
		Enabled bool   `json:"enabled"`
	} `json:"channels"`
	Thresholds map[string]Number `json:"thresholds"`
}

// ParseAlertConfig reads the alert configuration.
func ParseAlertConfig(body []byte) (AlertConfig, error) {
	const doc = "alert configuration"
	b := trimBody(body)
	if len(b) == 0 {
		return AlertConfig{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return AlertConfig{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d alertConfigDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return AlertConfig{}, malformed(doc, err)
	}
	if d.Rules == nil {
		return AlertConfig{}, shapef(doc, `field "rules" is missing`)
	}
	var out AlertConfig
	for _, r := range *d.Rules {
		out.Rules = append(out.Rules, AlertRule{
			Name: r.Name, Title: r.Title, Severity: strings.ToLower(r.Severity), Metric: r.Metric,
			Operator: r.Operator, Threshold: r.Threshold.V, Unit: r.Unit, ForSeconds: r.ForSeconds.V,
			Description: r.Description, Escalation: r.Escalation,
		})
	}
	for _, c := range d.Channels {
		out.Channels = append(out.Channels, Channel{Name: c.Name, Enabled: c.Enabled})
	}
	for name, v := range d.Thresholds {
		out.Thresholds = append(out.Thresholds, Threshold{Name: name, Value: v.V})
	}
	sort.Slice(out.Thresholds, func(i, j int) bool { return out.Thresholds[i].Name < out.Thresholds[j].Name })
	return out, nil
}
