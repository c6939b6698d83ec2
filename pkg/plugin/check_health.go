package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
)

// probe is one core endpoint the health check calls and parses.
type probe struct {
	name  string
	req   client.Request
	parse func(resp *client.Response) error
}

func coreProbes() []probe {
	alerts := func(action string) client.Request {
		return client.Request{Path: client.PathAlerts, Query: url.Values{"action": {action}}, NoCache: true}
	}
	return []probe{
		{"health check", query.HealthRequest(true), func(r *client.Response) error { _, err := parse.ParseHealth(r.Body); return err }},
		{"uptime", client.Request{Path: client.PathUptime, NoCache: true}, func(r *client.Response) error { _, err := parse.ParseUptime(r.Body); return err }},
		{"metrics", client.Request{Path: client.PathMetrics, NoCache: true}, func(r *client.Response) error { _, err := parse.ParseMetrics(r.ContentType, r.Body); return err }},
		{"dashboard", client.Request{Path: client.PathDashboard, NoCache: true}, func(r *client.Response) error { _, err := parse.ParseDashboard(r.Body); return err }},
		{"active alerts", alerts("active"), func(r *client.Response) error { _, err := parse.ParseAlerts(r.Body); return err }},
		{"alert configuration", alerts("configuration"), func(r *client.Response) error { _, err := parse.ParseAlertConfig(r.Body); return err }},
	}
}

// EndpointResult is one line of the health check's details.
type EndpointResult struct {
	Name      string `json:"name"`
	Endpoint  string `json:"endpoint"`
	OK        bool   `json:"ok"`
	Status    int    `json:"status,omitempty"`
	LatencyMs int64  `json:"latencyMs"`
	Message   string `json:"message,omitempty"`

	err error
}

// HealthDetails is the health check's JSONDetails: Grafana shows
// verboseMessage; the config editor can render the rest.
type HealthDetails struct {
	VerboseMessage  string           `json:"verboseMessage"`
	Endpoints       []EndpointResult `json:"endpoints"`
	Extensions      []string         `json:"extensions"`
	ContractVersion string           `json:"contractVersion,omitempty"`
	CapabilitiesErr string           `json:"capabilitiesError,omitempty"`
}

// CheckHealth probes every core endpoint at once and reports which work,
// whether the API key is accepted, and which extensions the server offers.
func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	if d.configErr != nil {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: capitalize(d.configErr.Error())}, nil
	}
	probes := coreProbes()
	results := make([]EndpointResult, len(probes))
	var caps client.Capabilities
	var wg sync.WaitGroup
	for i, p := range probes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = d.runProbe(ctx, p)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		caps = d.client.RefreshCapabilities(ctx)
	}()
	wg.Wait()

	details := HealthDetails{Endpoints: results, Extensions: caps.Extensions, ContractVersion: caps.ContractVersion}
	if details.Extensions == nil {
		details.Extensions = []string{}
	}
	if caps.Err != nil {
		details.CapabilitiesErr = caps.Err.Error()
	}
	status, msg := d.summarize(results, caps)
	details.VerboseMessage = verbose(results, caps)
	body, err := json.Marshal(details)
	if err != nil {
		return nil, err
	}
	return &backend.CheckHealthResult{Status: status, Message: msg, JSONDetails: body}, nil
}

func (d *Datasource) runProbe(ctx context.Context, p probe) EndpointResult {
	res := EndpointResult{Name: p.name, Endpoint: "GET " + p.req.Path}
	if q := p.req.Query.Encode(); q != "" {
		res.Endpoint += "?" + q
	}
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

// summarize picks the one sentence Grafana shows: the most actionable
// failure first (configuration, then API key, then reachability).
func (d *Datasource) summarize(results []EndpointResult, caps client.Capabilities) (backend.HealthStatus, string) {
	base := d.client.BaseURL().String()
	var failed []EndpointResult
	for _, r := range results {
		if !r.OK {
			failed = append(failed, r)
		}
	}
	if len(failed) == 0 {
		return backend.HealthStatusOk, fmt.Sprintf("Connected to %s: all %d core endpoints answer. %s", base, len(results), extensionsSentence(caps))
	}
	for _, r := range failed {
		if ce, ok := client.AsError(r.err); ok && (ce.Kind == client.KindUnauthorized || ce.Kind == client.KindForbidden) {
			if ce.KeyMissing {
				return backend.HealthStatusError, fmt.Sprintf("API key missing: %s requires an API key for %s; add the metrics API key above and save again.", base, pathOf(r.Endpoint))
			}
			return backend.HealthStatusError, fmt.Sprintf("API key rejected: %s", ce.Error())
		}
	}
	if len(failed) == len(results) && sameKind(failed) {
		if ce, ok := client.AsError(failed[0].err); ok {
			switch ce.Kind {
			case client.KindUnreachable, client.KindDNS, client.KindTLS, client.KindTimeout, client.KindConnectionLost, client.KindTransport:
				return backend.HealthStatusError, capitalize(ce.Error())
			}
		}
	}
	parts := make([]string, 0, len(failed))
	for _, r := range failed {
		parts = append(parts, fmt.Sprintf("%s (%s)", r.Name, r.Message))
	}
	return backend.HealthStatusError, fmt.Sprintf("%d of %d core endpoints fail: %s", len(failed), len(results), strings.Join(parts, "; "))
}

func sameKind(rs []EndpointResult) bool {
	var first client.Kind
	for i, r := range rs {
		var ce *client.Error
		if !errors.As(r.err, &ce) {
			return false
		}
		if i == 0 {
			first = ce.Kind
		} else if ce.Kind != first {
			return false
		}
	}
	return true
}

func extensionsSentence(caps client.Capabilities) string {
	switch {
	case caps.Err != nil:
		return "Extensions unknown: " + caps.Err.Error() + "."
	case !caps.Discovered:
		return "Extensions: none (core contract only; no capabilities endpoint), so metrics show current values and alert history is unavailable."
	case len(caps.Extensions) == 0:
		return "Extensions: none (core contract only)."
	}
	s := "Extensions: " + strings.Join(caps.Extensions, ", ")
	if caps.ContractVersion != "" {
		s += " (contract " + caps.ContractVersion + ")"
	}
	return s + "."
}

func verbose(results []EndpointResult, caps client.Capabilities) string {
	var b strings.Builder
	for _, r := range results {
		if r.OK {
			fmt.Fprintf(&b, "OK      %s (%d in %d ms)\n", r.Endpoint, r.Status, r.LatencyMs)
		} else {
			fmt.Fprintf(&b, "FAILED  %s: %s\n", r.Endpoint, r.Message)
		}
	}
	b.WriteString(extensionsSentence(caps))
	return b.String()
}

func pathOf(endpoint string) string {
	_, p, _ := strings.Cut(endpoint, " ")
	return p
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
