package plugin

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
)

// probe is one endpoint the health check calls and parses.
type probe struct {
	name string
	// required probes (the health check and metrics) decide between a
	// working data source and an error; the others only warn.
	required bool
	req      client.Request
	parse    func(resp *client.Response) error
}

// Probe names; the summary names failed optional parts with them.
const (
	probeHealth       = "health check"
	probeUptime       = "uptime"
	probeMetrics      = "metrics"
	probeDashboard    = "dashboard"
	probeAlerts       = "active alerts"
	probeAlertConfig  = "alert configuration"
	probeCapabilities = "capabilities"
	probeHistory      = "metric history"
	probeAlertHistory = "alert history"
	probeIncidents    = "incidents"
)

func alertsRequest(action string) client.Request {
	return client.Request{Path: client.PathAlerts, Query: url.Values{"action": {action}}, NoCache: true}
}

// coreProbes are the contract's endpoints other than metrics, which is
// probed by format negotiation (metricsProbe).
func coreProbes() []probe {
	return []probe{
		{probeHealth, true, query.HealthRequest(true), func(r *client.Response) error { _, err := parse.ParseHealth(r.Body); return err }},
		{probeUptime, false, client.Request{Path: client.PathUptime, NoCache: true}, func(r *client.Response) error { _, err := parse.ParseUptime(r.Body); return err }},
		{probeDashboard, false, client.Request{Path: client.PathDashboard, NoCache: true}, func(r *client.Response) error { _, err := parse.ParseDashboard(r.Body); return err }},
		{probeAlerts, false, alertsRequest("active"), func(r *client.Response) error { _, err := parse.ParseAlerts(r.Body); return err }},
		{probeAlertConfig, false, alertsRequest("configuration"), func(r *client.Response) error { _, err := parse.ParseAlertConfig(r.Body); return err }},
	}
}

// extensionProbes read a small window of each extension the server
// advertises. historyName is a metric the server reported (the history
// endpoint needs a name or a category).
func extensionProbes(caps client.Capabilities, historyName string, now time.Time) []probe {
	now = now.UTC().Truncate(time.Minute)
	ms := func(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }
	var out []probe
	if caps.Has(parse.ExtMetricsHistory) {
		step := 60
		if len(caps.HistoryResolutionSeconds) > 0 {
			step = caps.HistoryResolutionSeconds[0]
		}
		q := url.Values{"from": {ms(now.Add(-10 * time.Duration(step) * time.Second))}, "to": {ms(now)}, "step": {strconv.Itoa(step)}}
		if historyName != "" {
			q.Set("name", historyName)
		} else {
			q.Set("category", parse.Categories[0])
		}
		out = append(out, probe{probeHistory, false, client.Request{Path: client.PathMetricsHistory, Query: q, NoCache: true},
			func(r *client.Response) error { _, err := parse.ParseHistory(r.Body); return err }})
	}
	if caps.Has(parse.ExtAlertsHistory) {
		req := alertsRequest("history")
		req.Query.Set("from", ms(now.Add(-time.Hour)))
		req.Query.Set("to", ms(now))
		out = append(out, probe{probeAlertHistory, false, req, func(r *client.Response) error { _, err := parse.ParseAlerts(r.Body); return err }})
	}
	if caps.Has(parse.ExtIncidents) {
		q := url.Values{"from": {ms(now.Add(-24 * time.Hour))}, "to": {ms(now)}}
		out = append(out, probe{probeIncidents, false, client.Request{Path: client.PathIncidents, Query: q, NoCache: true},
			func(r *client.Response) error { _, err := parse.ParseIncidents(r.Body); return err }})
	}
	return out
}

func (d *Datasource) runProbe(ctx context.Context, p probe) EndpointResult {
	res := EndpointResult{Name: p.name, Endpoint: endpointText(p.req.Path, p.req.Query), Required: p.required}
	start := time.Now()
	resp, err := d.client.Get(ctx, p.req)
	res.LatencyMs = time.Since(start).Milliseconds()
	if err == nil {
		res.Status = resp.Status
		err = d.client.BodyError(resp, p.parse(resp))
	} else if ce, ok := client.AsError(err); ok {
		res.Status = ce.Status
	}
	if err != nil {
		res.err, res.Message = err, err.Error()
		return res
	}
	res.OK = true
	return res
}

// metricsProbe negotiates the metrics format (JSON, Prometheus, Datadog)
// and records the one that works for the data source's queries.
func (d *Datasource) metricsProbe(ctx context.Context) (EndpointResult, query.Negotiation) {
	res := EndpointResult{Name: probeMetrics, Endpoint: endpointText(client.PathMetrics, nil), Required: true}
	start := time.Now()
	n, err := d.runner.NegotiateMetrics(ctx)
	res.LatencyMs = time.Since(start).Milliseconds()
	if err != nil {
		if ce, ok := client.AsError(err); ok {
			res.Status = ce.Status
		}
		res.err, res.Message = err, err.Error()
		return res, n
	}
	res.OK, res.Format = true, n.Format
	if n.Format != query.FormatJSON {
		res.Endpoint = endpointText(client.PathMetrics, url.Values{"format": {n.Format}})
	}
	var failed []string
	for _, a := range n.Attempts {
		if a.Err != nil {
			failed = append(failed, query.FormatLabel(a.Format)+": "+a.Err.Error())
		}
	}
	res.Message = "read as " + query.FormatLabel(n.Format)
	if len(failed) > 0 {
		res.Message += "; not readable as " + strings.Join(failed, "; ")
	}
	return res, n
}

func endpointText(path string, q url.Values) string {
	s := "GET " + path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}
