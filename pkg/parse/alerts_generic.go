package parse

import (
	"fmt"
	"strings"
	"time"
)

// Spellings of an alert's fields, in priority order (normalised, see normKey).
var (
	alertListKeys      = []string{"alerts", "active", "activealerts", "items", "data", "results", "history"}
	alertIDKeys        = []string{"id", "alertid", "uuid", "key", "fingerprint"}
	alertNameKeys      = []string{"name", "title", "summary", "alertname"}
	alertRuleKeys      = []string{"rule", "rulename", "ruleid", "alertname", "type"}
	alertSeverityKeys  = []string{"severity", "level", "priority", "sev"}
	alertStatusKeys    = []string{"status", "state"}
	alertDescKeys      = []string{"description", "message", "text", "details", "detail"}
	alertMetricKeys    = []string{"metric", "metricname"}
	alertValueKeys     = []string{"value", "currentvalue", "observedvalue"}
	alertThresholdKeys = []string{"threshold", "limit"}
	alertStartKeys     = []string{"startedat", "triggeredat", "firedat", "startsat", "timestamp", "createdat", "time", "start", "since"}
	alertAckTimeKeys   = []string{"acknowledgedat", "ackedat", "ackat"}
	alertAckKeys       = []string{"acknowledged", "acked", "ack"}
	alertResolvedKeys  = []string{"resolvedat", "endedat", "endsat", "closedat", "resolved"}
	alertLevelKeys     = []string{"escalationlevel", "escalation"}
	alertLabelKeys     = []string{"labels", "tags"}
	alertRunbookKeys   = []string{"runbookurl", "runbook"}
)

// genericAlerts reads alerts in the shapes applications use. An alert
// without a start time takes the response's timestamp when it has one and
// is skipped (and counted) otherwise; if no alert at all can be read the
// response is refused rather than shown as "no alerts".
func genericAlerts(b []byte) (Alerts, error) {
	const doc = "alerts"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return Alerts{}, err
	}
	data, path, levels := container(v, alertListKeys...)
	list, ok := data.([]any)
	if !ok {
		return Alerts{}, shapef(doc, "it has no list of alerts (%s); expected a list under alerts, items, data or results, or a bare list", describeTop(v))
	}
	if path == "" {
		path = "alerts"
	}
	docTS, err := levelsTime(levels)
	if err != nil {
		return Alerts{}, shapef(doc, "%v", err)
	}
	out := Alerts{Timestamp: docTS, Alerts: make([]Alert, 0, len(list))}
	var n notes
	usedDocTime := 0
	for i, item := range list {
		where := fmt.Sprintf("%s[%d]", path, i)
		o, ok := item.(map[string]any)
		if !ok {
			n.skip("alert", "not an object", where)
			continue
		}
		al, why := readAlert(jsonObject(o))
		if why != "" {
			n.skip("alert", why, where)
			continue
		}
		if al.StartedAt.IsZero() {
			if docTS.IsZero() {
				n.skip("alert", "no start time", where)
				continue
			}
			al.StartedAt = docTS
			usedDocTime++
		}
		out.Alerts = append(out.Alerts, al)
	}
	if usedDocTime > 0 {
		n.add("%d alerts had no start time; the response's time was used", usedDocTime)
	}
	out.Skipped = n.skipped()
	out.Notes = n.list()
	if len(out.Alerts) == 0 && out.Skipped > 0 {
		return Alerts{}, shapef(doc, "none of its %d alerts could be read: %s", len(list), strings.Join(out.Notes, "; "))
	}
	sortAlerts(out.Alerts)
	return out, nil
}

// readAlert reads one alert; why says why it cannot be used.
func readAlert(o jsonObject) (Alert, string) {
	a := Alert{
		ID:          o.text(alertIDKeys...),
		Name:        o.text(alertNameKeys...),
		Rule:        o.text(alertRuleKeys...),
		Severity:    NormalizeSeverity(o.text(alertSeverityKeys...)),
		Status:      normalizeAlertStatus(o.text(alertStatusKeys...)),
		Description: o.text(alertDescKeys...),
		Metric:      o.text(alertMetricKeys...),
		RunbookURL:  o.text(alertRunbookKeys...),
	}
	if a.ID == "" {
		a.ID = o.text("_id")
	}
	if v, _, ok := o.get(alertValueKeys...); ok {
		a.Value, _ = numberValue(v)
	}
	if v, _, ok := o.get(alertThresholdKeys...); ok {
		a.Threshold, _ = numberValue(v)
	}
	if v, _, ok := o.get(alertLevelKeys...); ok {
		if n, ok := numberValue(v); ok {
			a.EscalationLevel = escalationLevel(n)
		}
	}
	if lv, _, ok := o.get(alertLabelKeys...); ok {
		a.Labels = cleanLabels(labelsOf(lv))
	}
	if v, key, ok := o.get(alertStartKeys...); ok {
		t, err := timeValue(v)
		if err != nil {
			return Alert{}, fmt.Sprintf("%s is not a time", key)
		}
		a.StartedAt = t
	}
	// acknowledged: a time, or true/false (then the time is unknown).
	acked := false
	if v, key, ok := o.get(alertAckTimeKeys...); ok {
		t, err := timeValue(v)
		if err != nil {
			return Alert{}, fmt.Sprintf("%s is not a time", key)
		}
		if !t.IsZero() {
			a.AcknowledgedAt, acked = &t, true
		}
	}
	if v, key, ok := o.get(alertAckKeys...); ok && a.AcknowledgedAt == nil {
		var why string
		a.AcknowledgedAt, acked, why = timeOrFlag(v, key)
		if why != "" {
			return Alert{}, why
		}
	}
	resolved := false
	if v, key, ok := o.get(alertResolvedKeys...); ok {
		var why string
		a.ResolvedAt, resolved, why = timeOrFlag(v, key)
		if why != "" {
			return Alert{}, why
		}
	}
	if a.Status == "" {
		switch {
		case resolved:
			a.Status = "resolved"
		case acked:
			a.Status = "acknowledged"
		default:
			a.Status = "firing"
		}
	}
	if a.Name == "" {
		a.Name = a.Rule
	}
	if a.Rule == "" && a.Name == "" && a.ID == "" && a.Description == "" {
		return Alert{}, "no id, name or description"
	}
	return a, ""
}

// timeOrFlag reads a field that is a time or a boolean (acknowledged,
// resolved): true without a time says it happened, not when.
func timeOrFlag(v any, key string) (*time.Time, bool, string) {
	if flag, ok := v.(bool); ok {
		return nil, flag, ""
	}
	t, err := timeValue(v)
	if err != nil {
		return nil, false, fmt.Sprintf("%s is neither a time nor true/false", key)
	}
	if t.IsZero() {
		return nil, false, ""
	}
	return &t, true, ""
}
