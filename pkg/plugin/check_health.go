package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
)

// Health levels of JSONDetails.level. Grafana's health result has only OK
// and ERROR; a warning is an OK result whose message starts with
// "Warning:" and whose level is "warning" (the config page shows it
// yellow).
const (
	levelOK      = "ok"
	levelWarning = "warning"
	levelError   = "error"
)

// maxHealthMessage bounds the first line Grafana shows; the details carry
// the rest.
const maxHealthMessage = 299

// EndpointResult is one line of the health check's details.
type EndpointResult struct {
	Name      string `json:"name"`
	Endpoint  string `json:"endpoint"`
	Required  bool   `json:"required"`
	OK        bool   `json:"ok"`
	Status    int    `json:"status,omitempty"`
	LatencyMs int64  `json:"latencyMs"`
	// Format is the metrics format that was read (metrics only).
	Format  string `json:"format,omitempty"`
	Message string `json:"message,omitempty"`

	err error
}

// HealthDetails is the health check's JSONDetails: Grafana shows
// verboseMessage; the config editor can render the rest.
type HealthDetails struct {
	Level          string `json:"level"`
	VerboseMessage string `json:"verboseMessage"`
	// Endpoints are the six core endpoints, in contract order.
	Endpoints []EndpointResult `json:"endpoints"`
	// ExtensionEndpoints are the advertised extensions, probed.
	ExtensionEndpoints []EndpointResult `json:"extensionEndpoints"`
	// MetricsFormat is the metrics format queries use ("" when none reads).
	MetricsFormat   string   `json:"metricsFormat,omitempty"`
	Warnings        []string `json:"warnings"`
	Extensions      []string `json:"extensions"`
	ContractVersion string   `json:"contractVersion,omitempty"`
	CapabilitiesErr string   `json:"capabilitiesError,omitempty"`
}

// checkHealth (CheckHealth, redacted, in redact_boundary.go) probes the
// core endpoints at once (metrics by format negotiation), rediscovers the
// extensions and probes the advertised ones. OK needs the health check and
// one metrics format; every other part that is missing or unreadable is a
// warning line.
func (d *Datasource) checkHealth(ctx context.Context, req *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	if d.configErr != nil {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: shorten(capitalize(d.configErr.Error()))}, nil
	}
	if d.fleet != nil {
		return d.checkFleetHealth(ctx, req) // check_health_fleet.go
	}
	probes := coreProbes()
	results := make([]EndpointResult, len(probes))
	var (
		metrics EndpointResult
		neg     query.Negotiation
		caps    client.Capabilities
		wg      sync.WaitGroup
	)
	for i, p := range probes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = d.runProbe(ctx, p)
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		metrics, neg = d.metricsProbe(ctx)
	}()
	go func() {
		defer wg.Done()
		caps = d.client.RefreshCapabilities(ctx)
	}()
	wg.Wait()
	// Contract order: health, uptime, metrics, dashboard, alerts, configuration.
	results = append(results[:2], append([]EndpointResult{metrics}, results[2:]...)...)

	var historyName string
	if len(neg.Metrics.Metrics) > 0 {
		historyName = neg.Metrics.Metrics[0].Name
	}
	extProbes := extensionProbes(caps, historyName, time.Now())
	ext := make([]EndpointResult, len(extProbes))
	for i, p := range extProbes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ext[i] = d.runProbe(ctx, p)
		}()
	}
	wg.Wait()

	details := HealthDetails{
		Endpoints: results, ExtensionEndpoints: ext, MetricsFormat: neg.Format,
		Extensions: caps.Extensions, ContractVersion: caps.ContractVersion,
	}
	if details.Extensions == nil {
		details.Extensions = []string{}
	}
	if caps.Err != nil {
		details.CapabilitiesErr = caps.Err.Error()
	}
	details.Warnings = warnings(results, ext, caps)
	status, level, msg := d.summarize(results, details.Warnings, neg.Format, caps)
	details.Level = level
	details.VerboseMessage = verbose(results, ext, details.Warnings, caps)
	body, err := json.Marshal(details)
	if err != nil {
		return nil, err
	}
	return &backend.CheckHealthResult{Status: status, Message: shorten(msg), JSONDetails: body}, nil
}

// summarize picks the one sentence Grafana shows: errors most actionable
// first (API key, reachability, the required endpoints), then warnings.
func (d *Datasource) summarize(results []EndpointResult, warns []string, format string, caps client.Capabilities) (backend.HealthStatus, string, string) {
	base := d.client.BaseURL().String()
	var failed, requiredFailed []EndpointResult
	for _, r := range results {
		if !r.OK {
			failed = append(failed, r)
			if r.Required {
				requiredFailed = append(requiredFailed, r)
			}
		}
	}
	for _, r := range requiredFailed {
		if ce, ok := client.AsError(r.err); ok && (ce.Kind == client.KindUnauthorized || ce.Kind == client.KindForbidden) {
			if ce.KeyMissing {
				return backend.HealthStatusError, levelError, fmt.Sprintf("API key missing: %s requires an API key for %s; add the metrics API key above and save again.", base, pathOf(r.Endpoint))
			}
			return backend.HealthStatusError, levelError, fmt.Sprintf("API key rejected: %s", ce.Error())
		}
	}
	if len(failed) == len(results) && sameKind(failed) {
		if ce, ok := client.AsError(failed[0].err); ok {
			switch ce.Kind {
			case client.KindUnreachable, client.KindDNS, client.KindTLS, client.KindTimeout, client.KindConnectionLost, client.KindTransport:
				return backend.HealthStatusError, levelError, capitalize(ce.Error())
			}
		}
	}
	if len(requiredFailed) > 0 {
		parts := make([]string, 0, len(requiredFailed))
		for _, r := range requiredFailed {
			parts = append(parts, fmt.Sprintf("%s (%s)", r.Name, r.Message))
		}
		return backend.HealthStatusError, levelError, fmt.Sprintf("%s cannot be used: %s", base, strings.Join(parts, "; "))
	}
	if len(warns) > 0 {
		names := make([]string, 0, len(warns))
		for _, w := range warns {
			name, _, _ := strings.Cut(w, ":")
			if name == probeCapabilities {
				name += " (so no metric history, alert history or incidents)"
			}
			names = append(names, name)
		}
		return backend.HealthStatusOk, levelWarning, fmt.Sprintf("Warning: connected to %s and the health check and metrics (%s) work, but these parts are missing or unreadable: %s; panels that need them show a notice.",
			base, query.FormatName(format), joinAnd(names))
	}
	msg := fmt.Sprintf("Connected to %s: all %d core endpoints answer", base, len(results))
	if format != query.FormatJSON {
		msg += " (metrics as " + query.FormatName(format) + ")"
	}
	return backend.HealthStatusOk, levelOK, msg + ". " + extensionsSentence(caps)
}

// warnings are the short lines for each optional part that is missing or
// unreadable: "name: what it means".
func warnings(core, ext []EndpointResult, caps client.Capabilities) []string {
	out := []string{}
	for _, r := range core {
		if !r.OK && !r.Required {
			out = append(out, warningLine(r))
		}
	}
	switch {
	case caps.Err != nil:
		out = append(out, probeCapabilities+": "+caps.Err.Error()+"; metric history, alert history and incidents are not used")
	case !caps.Discovered:
		out = append(out, probeCapabilities+": the server has no "+client.PathCapabilities+" endpoint, so metric history, alert history and incidents are not used (metrics show current values, alerts the active ones)")
	default:
		missing := map[string]string{
			parse.ExtMetricsHistory: probeHistory + ": not offered (extension " + parse.ExtMetricsHistory + "); metrics show current values and SLO burn rates are unknown",
			parse.ExtAlertsHistory:  probeAlertHistory + ": not offered (extension " + parse.ExtAlertsHistory + "); alert queries show the active alerts",
			parse.ExtIncidents:      probeIncidents + ": not offered (extension " + parse.ExtIncidents + "); MTBF and MTTR are unknown",
		}
		for _, e := range []string{parse.ExtMetricsHistory, parse.ExtAlertsHistory, parse.ExtIncidents} {
			if !caps.Has(e) {
				out = append(out, missing[e])
			}
		}
	}
	for _, r := range ext {
		if !r.OK {
			out = append(out, warningLine(r))
		}
	}
	return out
}

// warningLine says "not offered" for an endpoint the server does not have
// (404, or 400 for an action it does not know); other failures keep the
// error's own sentence.
func warningLine(r EndpointResult) string {
	ce, ok := client.AsError(r.err)
	if !ok || (ce.Kind != client.KindNotFound && ce.Kind != client.KindBadRequest) {
		return r.Name + ": " + r.Message
	}
	s := fmt.Sprintf("%s: not offered (%s answers %d %s", r.Name, r.Endpoint, ce.Status, http.StatusText(ce.Status))
	if ce.Detail != "" {
		s += ": " + ce.Detail
	}
	return s + ")"
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

func verbose(core, ext []EndpointResult, warns []string, caps client.Capabilities) string {
	var b strings.Builder
	for _, r := range append(append([]EndpointResult{}, core...), ext...) {
		switch {
		case r.OK && r.Format != "":
			fmt.Fprintf(&b, "OK      %s (%s, %d ms)\n", r.Endpoint, r.Message, r.LatencyMs)
		case r.OK:
			fmt.Fprintf(&b, "OK      %s (%d in %d ms)\n", r.Endpoint, r.Status, r.LatencyMs)
		case r.Required:
			fmt.Fprintf(&b, "FAILED  %s: %s\n", r.Endpoint, r.Message)
		default:
			fmt.Fprintf(&b, "WARNING %s: %s\n", r.Endpoint, r.Message)
		}
	}
	for _, w := range warns {
		if strings.HasPrefix(w, probeCapabilities+":") || strings.Contains(w, "not offered") {
			fmt.Fprintf(&b, "WARNING %s\n", w)
		}
	}
	b.WriteString(extensionsSentence(caps))
	return b.String()
}

// shorten keeps the first line under maxHealthMessage characters, cut at
// a word; the details have the full text.
func shorten(s string) string {
	if len(s) <= maxHealthMessage {
		return s
	}
	cut := strings.LastIndexByte(s[:maxHealthMessage-4], ' ')
	if cut < maxHealthMessage/2 {
		cut = maxHealthMessage - 4
	}
	return strings.TrimRight(s[:cut], " ,;:") + " …"
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func pathOf(endpoint string) string {
	_, p, _ := strings.Cut(endpoint, " ")
	p, _, _ = strings.Cut(p, "?")
	return p
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
