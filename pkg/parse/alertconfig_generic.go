package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var (
	ruleListKeys    = []string{"rules", "alertrules", "items", "data", "results"}
	ruleNameKeys    = []string{"name", "id", "key", "rulename"}
	ruleTitleKeys   = []string{"title", "summary", "displayname", "name"}
	ruleOpKeys      = []string{"operator", "op", "comparison", "comparator", "condition"}
	ruleForKeys     = []string{"forseconds", "for", "duration", "durationseconds", "window", "windowseconds"}
	ruleEscKeys     = []string{"escalation", "escalationpolicy"}
	channelListKeys = []string{"channels", "notificationchannels", "notifications", "receivers"}
	thresholdKeys   = []string{"thresholds", "limits"}
)

// genericAlertConfig reads alert rules, channels and thresholds in the
// shapes applications use.
func genericAlertConfig(b []byte) (AlertConfig, error) {
	const doc = "alert configuration"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return AlertConfig{}, err
	}
	data, _, levels := container(v, ruleListKeys...)
	list, ok := data.([]any)
	if top, isObj := v.(map[string]any); !ok && isObj && len(levels) == 1 &&
		(jsonObject(top).has(channelListKeys...) || jsonObject(top).has(thresholdKeys...)) {
		list, ok = []any{}, true // channels and thresholds only: no rules
	}
	if !ok {
		return AlertConfig{}, shapef(doc, "it has no list of alert rules (%s); expected a list under rules, alertRules or items, or a bare list", describeTop(v))
	}
	if looksLikeAlerts(list) {
		return AlertConfig{}, shapef(doc, "it lists alerts, not alert rules: the server seems to ignore action=configuration")
	}
	var out AlertConfig
	var n notes
	for i, item := range list {
		o, ok := item.(map[string]any)
		if !ok {
			n.skip("rule", "not an object", fmt.Sprintf("rules[%d]", i))
			continue
		}
		r, why := readRule(jsonObject(o))
		if why != "" {
			n.skip("rule", why, fmt.Sprintf("rules[%d]", i))
			continue
		}
		out.Rules = append(out.Rules, r)
	}
	for _, l := range levels {
		if cv, _, ok := l.get(channelListKeys...); ok {
			out.Channels = readChannels(cv, &n)
		}
		if tv, _, ok := l.get(thresholdKeys...); ok {
			out.Thresholds = readThresholds(tv, &n)
		}
	}
	sortThresholds(out.Thresholds)
	out.Skipped = n.skipped()
	out.Notes = n.list()
	if len(out.Rules) == 0 && len(list) > 0 {
		return AlertConfig{}, shapef(doc, "none of its %d rules could be read: %s", len(list), strings.Join(out.Notes, "; "))
	}
	return out, nil
}

func readRule(o jsonObject) (AlertRule, string) {
	r := AlertRule{
		Name:        o.text(ruleNameKeys...),
		Title:       o.text(ruleTitleKeys...),
		Severity:    NormalizeSeverity(o.text(alertSeverityKeys...)),
		Metric:      o.text(alertMetricKeys...),
		Operator:    o.text(ruleOpKeys...),
		Unit:        o.text(unitKeys...),
		Description: o.text(alertDescKeys...),
		Escalation:  o.text(ruleEscKeys...),
	}
	if r.Name == "" && r.Title == "" {
		return AlertRule{}, "no name or title"
	}
	if tv, key, ok := o.get(alertThresholdKeys...); ok {
		n, ok := numberValue(tv)
		if !ok {
			return AlertRule{}, key + " is not a number"
		}
		r.Threshold = n
	}
	if fv, key, ok := o.get(ruleForKeys...); ok {
		secs, ok := secondsValue(fv)
		if !ok {
			return AlertRule{}, key + " is not a duration"
		}
		r.ForSeconds = secs
	}
	return r, ""
}

// secondsValue reads seconds as a number or a duration text ("5m", "90s",
// "1h30m").
func secondsValue(v any) (*float64, bool) {
	if n, ok := numberValue(v); ok {
		return n, true
	}
	s, ok := v.(string)
	if !ok {
		return nil, false
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d < 0 {
		return nil, false
	}
	return ptr(d.Seconds()), true
}

// readChannels reads channels as a list of objects or names, or an object
// of name to enabled (true/false or an object with enabled).
func readChannels(v any, n *notes) []Channel {
	var out []Channel
	switch t := v.(type) {
	case []any:
		for i, x := range t {
			switch c := x.(type) {
			case string:
				out = append(out, Channel{Name: c, Enabled: true})
			case map[string]any:
				o := jsonObject(c)
				name := o.text("name", "type", "id")
				if name == "" {
					n.skip("channel", "no name", "channels["+strconv.Itoa(i)+"]")
					continue
				}
				out = append(out, Channel{Name: name, Enabled: channelEnabled(o)})
			default:
				n.skip("channel", "not an object", "channels["+strconv.Itoa(i)+"]")
			}
		}
	case map[string]any:
		o := jsonObject(t)
		for _, k := range o.sortedKeys() {
			switch c := o[k].(type) {
			case bool:
				out = append(out, Channel{Name: k, Enabled: c})
			case map[string]any:
				out = append(out, Channel{Name: k, Enabled: channelEnabled(jsonObject(c))})
			default:
				n.skip("channel", "neither true/false nor an object", k)
			}
		}
	}
	return out
}

func channelEnabled(o jsonObject) bool {
	v, _, ok := o.get("enabled", "active", "on")
	if !ok {
		if dv, _, ok := o.get("disabled"); ok {
			d, _ := boolValue(dv)
			return !d
		}
		return true // listed without a switch: in use
	}
	b, _ := boolValue(v)
	return b
}

// readThresholds reads an object of name to number or a list of
// {name, value} objects.
func readThresholds(v any, n *notes) []Threshold {
	var out []Threshold
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			num, ok := numberValue(x)
			if !ok {
				n.skip("threshold", "not a number", k)
				continue
			}
			out = append(out, Threshold{Name: k, Value: num})
		}
	case []any:
		for i, x := range t {
			o, ok := x.(map[string]any)
			if !ok {
				n.skip("threshold", "not an object", "thresholds["+strconv.Itoa(i)+"]")
				continue
			}
			obj := jsonObject(o)
			name := obj.text("name", "key", "metric", "id")
			val, _, _ := obj.get("value", "threshold", "limit")
			num, ok := numberValue(val)
			if name == "" || !ok {
				n.skip("threshold", "no name or no number", "thresholds["+strconv.Itoa(i)+"]")
				continue
			}
			out = append(out, Threshold{Name: name, Value: num})
		}
	}
	return out
}

// ruleOnlyKeys are fields of a rule that an alert instance does not have.
var ruleOnlyKeys = []string{"operator", "op", "comparison", "condition", "for", "forseconds", "expr", "expression", "query"}

// looksLikeAlerts reports whether every entry of a list is an alert
// instance (it has a start time or acknowledgement and no rule fields).
func looksLikeAlerts(list []any) bool {
	if len(list) == 0 {
		return false
	}
	for _, item := range list {
		o, ok := item.(map[string]any)
		if !ok {
			return false
		}
		obj := jsonObject(o)
		instance := obj.has("startedat", "triggeredat", "firedat", "createdat", "acknowledged", "acknowledgedat", "resolvedat")
		if !instance || obj.has(ruleOnlyKeys...) {
			return false
		}
	}
	return true
}
