package parse

import (
	"sort"
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
	// Skipped counts alerts that could not be read (no or an unreadable
	// start time); Notes says which, for a panel notice.
	Skipped int
	Notes   []string
}

type alertsDoc struct {
	Timestamp Time         `json:"timestamp"`
	Count     Number       `json:"count"`
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

// keys counts the contract keys with a value (see keyTally).
func (a *alertJSON) keys() int {
	n := count1(a.ID != "") + count1(a.Rule != "") + count1(a.Name != "") + count1(a.Severity != "") +
		count1(a.Status != "") + count1(a.Description != "") + count1(a.Metric != "") + count1(a.Value.V != nil) +
		count1(a.Threshold.V != nil) + count1(!a.StartedAt.T.IsZero()) + count1(!a.AcknowledgedAt.T.IsZero()) +
		count1(!a.ResolvedAt.T.IsZero()) + count1(a.EscalationLevel.V != nil) + count1(a.RunbookURL != "")
	if a.Labels != nil {
		n += 1 + len(a.Labels)
	}
	return n
}

// ParseAlerts reads active alerts or alert history, oldest first. The
// contract's shape is decoded directly; other shapes (lists under active,
// items, data or results, or a bare list; camelCase or snake_case fields;
// epoch times; P1..P5 severities …) are read by genericAlerts.
func ParseAlerts(body []byte) (Alerts, error) {
	return decodeDoc("alerts", body, func(d *alertsDoc, b []byte) (Alerts, bool, error) {
		out, ok := exactAlerts(*d, tallyKeys(b))
		return out, ok, nil
	}, genericAlerts)
}

func exactAlerts(d alertsDoc, tally keyTally) (Alerts, bool) {
	if d.Alerts == nil {
		return Alerts{}, false
	}
	want := 1 + count1(!d.Timestamp.T.IsZero()) + count1(d.Count.V != nil)
	for i := range *d.Alerts {
		a := &(*d.Alerts)[i]
		if a.StartedAt.T.IsZero() || (a.ID == "" && a.Name == "" && a.Rule == "" && a.Description == "") {
			return Alerts{}, false // the generic reader says what is missing
		}
		want += a.keys()
	}
	if !tally.fits(want) {
		return Alerts{}, false
	}
	out := Alerts{Timestamp: d.Timestamp.T, Alerts: make([]Alert, 0, len(*d.Alerts))}
	for i := range *d.Alerts {
		a := &(*d.Alerts)[i]
		al := Alert{
			ID: a.ID, Rule: a.Rule, Name: a.Name,
			Severity:    NormalizeSeverity(a.Severity),
			Status:      normalizeAlertStatus(a.Status),
			Description: a.Description, Metric: a.Metric,
			Value: a.Value.V, Threshold: a.Threshold.V,
			StartedAt:       a.StartedAt.T,
			AcknowledgedAt:  optionalTime(a.AcknowledgedAt),
			ResolvedAt:      optionalTime(a.ResolvedAt),
			Labels:          cleanLabels(a.Labels),
			RunbookURL:      a.RunbookURL,
			EscalationLevel: escalationLevel(a.EscalationLevel.V),
		}
		if al.Name == "" {
			al.Name = al.Rule
		}
		out.Alerts = append(out.Alerts, al)
	}
	sortAlerts(out.Alerts)
	return out, true
}

// escalationLevel bounds a level: a garbage number must not overflow int.
func escalationLevel(v *float64) int {
	if v == nil || *v <= 0 {
		return 0
	}
	return int(min(*v, 1000))
}

func sortAlerts(as []Alert) {
	sort.SliceStable(as, func(i, j int) bool { return as[i].StartedAt.Before(as[j].StartedAt) })
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
	// Skipped counts rules, channels and thresholds that could not be
	// read; Notes says which.
	Skipped int
	Notes   []string
}

type alertRuleJSON struct {
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
}

type alertConfigDoc struct {
	Rules    *[]alertRuleJSON `json:"rules"`
	Channels *[]struct {
		Name    string `json:"name"`
		Enabled *bool  `json:"enabled"`
	} `json:"channels"`
	Thresholds map[string]Number `json:"thresholds"`
}

// ParseAlertConfig reads the alert configuration: the contract's shape
// directly, other shapes (rules under alertRules or items or a bare list,
// thresholds as an object or a list) through genericAlertConfig.
func ParseAlertConfig(body []byte) (AlertConfig, error) {
	return decodeDoc("alert configuration", body, func(d *alertConfigDoc, b []byte) (AlertConfig, bool, error) {
		out, ok := exactAlertConfig(*d, tallyKeys(b))
		return out, ok, nil
	}, genericAlertConfig)
}

func exactAlertConfig(d alertConfigDoc, tally keyTally) (AlertConfig, bool) {
	if d.Rules == nil {
		return AlertConfig{}, false
	}
	want := 1
	for i := range *d.Rules {
		r := &(*d.Rules)[i]
		if r.Name == "" && r.Title == "" {
			return AlertConfig{}, false
		}
		want += count1(r.Name != "") + count1(r.Title != "") + count1(r.Severity != "") + count1(r.Metric != "") +
			count1(r.Operator != "") + count1(r.Threshold.V != nil) + count1(r.Unit != "") + count1(r.ForSeconds.V != nil) +
			count1(r.Description != "") + count1(r.Escalation != "")
	}
	if d.Channels != nil {
		want++
		for _, c := range *d.Channels {
			want += count1(c.Name != "") + count1(c.Enabled != nil)
		}
	}
	if d.Thresholds != nil {
		want += 1 + len(d.Thresholds)
	}
	if !tally.fits(want) {
		return AlertConfig{}, false
	}
	var out AlertConfig
	for _, r := range *d.Rules {
		out.Rules = append(out.Rules, AlertRule{
			Name: r.Name, Title: r.Title, Severity: NormalizeSeverity(r.Severity), Metric: r.Metric,
			Operator: r.Operator, Threshold: r.Threshold.V, Unit: r.Unit, ForSeconds: r.ForSeconds.V,
			Description: r.Description, Escalation: r.Escalation,
		})
	}
	if d.Channels != nil {
		for _, c := range *d.Channels {
			out.Channels = append(out.Channels, Channel{Name: c.Name, Enabled: c.Enabled != nil && *c.Enabled})
		}
	}
	for name, v := range d.Thresholds {
		out.Thresholds = append(out.Thresholds, Threshold{Name: name, Value: v.V})
	}
	sortThresholds(out.Thresholds)
	return out, true
}

func sortThresholds(ts []Threshold) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].Name < ts[j].Name })
}
