package query

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/parse"
)

// historyAlignment rounds alert history ranges so viewers loading within
// the same minute share one upstream request.
const historyAlignment = time.Minute

func (r *Runner) runAlerts(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	switch q.AlertsAction {
	case AlertsConfiguration:
		return r.alertConfiguration(ctx, tr)
	case AlertsHistory:
		alerts, err := r.AlertHistoryOrActive(ctx, q.From, q.To, q.Severities, tr)
		if err != nil {
			return nil, err
		}
		return data.Frames{frames.AlertsFrame(frames.FrameAlerts, alerts)}, nil
	default:
		alerts, err := r.ActiveAlerts(ctx, q.Severities, tr)
		if err != nil {
			return nil, err
		}
		return data.Frames{frames.AlertsFrame(frames.FrameAlerts, alerts)}, nil
	}
}

// ActiveAlerts returns the firing and acknowledged alerts.
func (r *Runner) ActiveAlerts(ctx context.Context, severities Matcher, tr *trace) ([]parse.Alert, error) {
	if tr == nil {
		tr = &trace{}
	}
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathAlerts, Query: url.Values{"action": {"active"}}})
	if err != nil {
		return nil, err
	}
	a, err := parsed(r.Client, resp, "alerts", func() (parse.Alerts, error) { return parse.ParseAlerts(resp.Body) })
	if err != nil {
		return nil, err
	}
	readerNotes(tr, "active alerts", a.Notes)
	return filterAlerts(a.Alerts, severities), nil
}

// AlertHistoryOrActive returns the alert history, or the active alerts
// with a notice when the server does not offer history (an optional
// extension: not advertised, 404, or the action refused).
func (r *Runner) AlertHistoryOrActive(ctx context.Context, from, to time.Time, severities Matcher, tr *trace) ([]parse.Alert, error) {
	if tr == nil {
		tr = &trace{}
	}
	alerts, err := r.AlertHistory(ctx, from, to, severities, tr)
	if err == nil {
		return alerts, nil
	}
	if !isMissing(err) || client.IsKind(err, client.KindBadRequest) && r.Client.Capabilities(ctx).Has(parse.ExtAlertsHistory) {
		return nil, err
	}
	tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("The server does not offer alert history (%s?action=history); showing active alerts.", client.PathAlerts))
	return r.ActiveAlerts(ctx, severities, tr)
}

// AlertHistory returns alerts overlapping [from, to]; it needs the
// server's alerts.history extension.
func (r *Runner) AlertHistory(ctx context.Context, from, to time.Time, severities Matcher, tr *trace) ([]parse.Alert, error) {
	if tr == nil {
		tr = &trace{}
	}
	caps := r.extensions(ctx, tr)
	if !caps.Has(parse.ExtAlertsHistory) {
		return nil, client.Unsupported(r.Client.BaseURL().Host, client.PathAlerts,
			fmt.Sprintf("alert history (the optional %s extension of the monitoring contract); use the \"active\" alerts action, or add the extension to the server", parse.ExtAlertsHistory))
	}
	if from.IsZero() || !to.After(from) {
		return nil, badQueryf("alert history needs a time range; set the dashboard's time range")
	}
	params := url.Values{"action": {"history"}}
	params.Set("from", strconv.FormatInt(from.Truncate(historyAlignment).UnixMilli(), 10))
	alignedTo := to.Truncate(historyAlignment)
	if alignedTo.Before(to) {
		alignedTo = alignedTo.Add(historyAlignment)
	}
	params.Set("to", strconv.FormatInt(alignedTo.UnixMilli(), 10))
	if names, ok := severities.Exact(); ok && len(names) == 1 {
		params.Set("severity", names[0])
	}
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathAlerts, Query: params})
	if err != nil {
		return nil, err
	}
	a, err := parsed(r.Client, resp, "alerts", func() (parse.Alerts, error) { return parse.ParseAlerts(resp.Body) })
	if err != nil {
		return nil, err
	}
	readerNotes(tr, "alert history", a.Notes)
	return filterAlerts(a.Alerts, severities), nil
}

func filterAlerts(in []parse.Alert, severities Matcher) []parse.Alert {
	if severities.All() {
		return in
	}
	out := make([]parse.Alert, 0, len(in))
	for _, a := range in {
		if severities.Match(a.Severity) {
			out = append(out, a)
		}
	}
	return out
}

func (r *Runner) alertConfiguration(ctx context.Context, tr *trace) (data.Frames, error) {
	var c parse.AlertConfig
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathAlerts, Query: url.Values{"action": {"configuration"}}})
	switch {
	case isMissing(err):
		// Not every application publishes its rules: empty tables that say so.
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("The server does not offer its alert configuration (%s?action=configuration); the rules, channels and thresholds tables are empty.", client.PathAlerts))
	case err != nil:
		return nil, err
	default:
		c, err = parsed(r.Client, resp, "alertConfig", func() (parse.AlertConfig, error) { return parse.ParseAlertConfig(resp.Body) })
		if err != nil {
			return nil, err
		}
		readerNotes(tr, "alert configuration", c.Notes)
	}
	n := len(c.Rules)
	names, titles, sevs, metrics, ops, units, descs, escs := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	thresholds, fors := make([]*float64, n), make([]*float64, n)
	for i, rule := range c.Rules {
		names[i], titles[i], sevs[i], metrics[i], ops[i] = rule.Name, rule.Title, rule.Severity, rule.Metric, rule.Operator
		units[i], descs[i], escs[i], thresholds[i], fors[i] = rule.Unit, rule.Description, rule.Escalation, rule.Threshold, rule.ForSeconds
	}
	rules := data.NewFrame("rules",
		data.NewField("name", nil, names), data.NewField("title", nil, titles),
		data.NewField("severity", nil, sevs), data.NewField("metric", nil, metrics),
		data.NewField("operator", nil, ops), data.NewField("threshold", nil, thresholds),
		data.NewField("unit", nil, units),
		data.NewField("for", nil, fors).SetConfig(&data.FieldConfig{Unit: "s"}),
		data.NewField("description", nil, descs), data.NewField("escalation", nil, escs),
	).SetMeta(&data.FrameMeta{PreferredVisualization: data.VisTypeTable})

	chNames, chEnabled := make([]string, len(c.Channels)), make([]bool, len(c.Channels))
	for i, ch := range c.Channels {
		chNames[i], chEnabled[i] = ch.Name, ch.Enabled
	}
	channels := data.NewFrame("channels", data.NewField("name", nil, chNames), data.NewField("enabled", nil, chEnabled))

	thNames, thValues := make([]string, len(c.Thresholds)), make([]*float64, len(c.Thresholds))
	for i, th := range c.Thresholds {
		thNames[i], thValues[i] = th.Name, th.Value
	}
	thresholdsFrame := data.NewFrame("thresholds", data.NewField("name", nil, thNames), data.NewField("value", nil, thValues))
	return data.Frames{rules, channels, thresholdsFrame}, nil
}

func (r *Runner) incidents(ctx context.Context, from, to time.Time, tr *trace) (parse.Incidents, error) {
	caps := r.extensions(ctx, tr)
	if !caps.Has(parse.ExtIncidents) {
		return parse.Incidents{}, client.Unsupported(r.Client.BaseURL().Host, client.PathIncidents,
			fmt.Sprintf("incidents (the optional %s extension of the monitoring contract); use alert annotations instead, or add the extension to the server", parse.ExtIncidents))
	}
	params := url.Values{}
	params.Set("from", strconv.FormatInt(from.Truncate(historyAlignment).UnixMilli(), 10))
	params.Set("to", strconv.FormatInt(to.Truncate(historyAlignment).Add(historyAlignment).UnixMilli(), 10))
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathIncidents, Query: params})
	if err != nil {
		return parse.Incidents{}, err
	}
	return parsed(r.Client, resp, "incidents", func() (parse.Incidents, error) { return parse.ParseIncidents(resp.Body) })
}
