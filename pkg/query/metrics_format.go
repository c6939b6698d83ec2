package query

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Metrics wire formats a query may ask for. Auto (the default) negotiates:
// JSON first, then ?format=prometheus, then ?format=datadog, and the data
// source instance remembers the one that worked for client.MetricsFormatTTL.
const (
	FormatAuto       = "auto"
	FormatJSON       = "json"
	FormatPrometheus = "prometheus"
	FormatDatadog    = "datadog"
)

// negotiationOrder is the order auto tries the formats in.
var negotiationOrder = []string{FormatJSON, FormatPrometheus, FormatDatadog}

// FormatLabel names a format the way users see it in messages.
func FormatLabel(format string) string {
	switch format {
	case FormatPrometheus:
		return "Prometheus text (?format=prometheus)"
	case FormatDatadog:
		return "Datadog series (?format=datadog)"
	case FormatJSON:
		return "JSON"
	}
	return format
}

// FormatName is a format's short name for sentences.
func FormatName(format string) string {
	switch format {
	case FormatPrometheus:
		return "Prometheus text"
	case FormatDatadog:
		return "Datadog series"
	case FormatJSON:
		return "JSON"
	}
	return format
}

// metricsFetch is one read of the metrics endpoint.
type metricsFetch struct {
	category string
	format   string // json, prometheus or datadog (never auto)
	noCache  bool
}

// fetchMetrics reads current metrics in the query's format; auto ("" too)
// uses the remembered format, negotiating when none is known or it stopped
// working.
func (r *Runner) fetchMetrics(ctx context.Context, category, format string, tr *trace) (parse.Metrics, error) {
	if format != "" && format != FormatAuto {
		m, err := r.fetchMetricsAs(ctx, metricsFetch{category: category, format: format}, tr)
		if err != nil && otherFormatMayHelp(err) {
			return m, &formatChoiceError{format: format, err: err}
		}
		return m, err
	}
	if known := r.Client.MetricsFormat(); known != "" {
		m, err := r.fetchMetricsAs(ctx, metricsFetch{category: category, format: known}, tr)
		if err == nil || !otherFormatMayHelp(err) {
			return m, err
		}
		r.Client.ForgetMetricsFormat(known)
	}
	n, err := r.negotiateMetrics(ctx, category, false, tr)
	return n.Metrics, err
}

// FormatAttempt is one format negotiation tried and why it failed (nil
// Err: it was read).
type FormatAttempt struct {
	Format string
	Err    error
}

// Negotiation is what NegotiateMetrics found.
type Negotiation struct {
	Metrics parse.Metrics
	// Format is the format that was read; "" when none could be.
	Format   string
	Attempts []FormatAttempt
}

// NegotiateMetrics reads all current metrics trying every format in
// order, bypassing the cache, and remembers the format that worked (the
// health check calls it, so queries after a Save & test use its finding).
func (r *Runner) NegotiateMetrics(ctx context.Context) (Negotiation, error) {
	return r.negotiateMetrics(ctx, "", true, &trace{})
}

// negotiateMetrics takes the first format whose body reads and has
// metrics. When every readable body is empty (a category without
// metrics), the first readable one is the answer and nothing is
// remembered. When none reads, the error lists every attempt.
func (r *Runner) negotiateMetrics(ctx context.Context, category string, noCache bool, tr *trace) (Negotiation, error) {
	var (
		out       Negotiation
		empty     *Negotiation
		failures  []string
		firstErr  error
		sameError = true
	)
	for _, f := range negotiationOrder {
		m, err := r.fetchMetricsAs(ctx, metricsFetch{category: category, format: f, noCache: noCache}, tr)
		out.Attempts = append(out.Attempts, FormatAttempt{Format: f, Err: err})
		if err != nil {
			if !otherFormatMayHelp(err) {
				return out, err
			}
			if firstErr == nil {
				firstErr = err
			} else if err.Error() != firstErr.Error() {
				sameError = false
			}
			failures = append(failures, FormatLabel(f)+": "+err.Error())
			continue
		}
		if len(m.Metrics) > 0 {
			if f == FormatJSON && m.Skipped > 0 {
				m, f = r.richerThanPartialJSON(ctx, m, category, noCache, &out, tr)
			}
			r.Client.RememberMetricsFormat(f)
			out.Metrics, out.Format = m, f
			return out, nil
		}
		if empty == nil {
			empty = &Negotiation{Metrics: m, Format: f}
		}
	}
	if empty != nil {
		out.Metrics, out.Format = empty.Metrics, empty.Format
		return out, nil
	}
	if sameError {
		return out, firstErr
	}
	return out, &formatsError{first: firstErr, attempts: failures}
}

// richerThanPartialJSON handles JSON that reads only in part (values
// skipped): often a digest of a few figures beside a full Prometheus
// registry. Prometheus text wins when it reads and has more metric names.
func (r *Runner) richerThanPartialJSON(ctx context.Context, js parse.Metrics, category string, noCache bool, out *Negotiation, tr *trace) (parse.Metrics, string) {
	pm, err := r.fetchMetricsAs(ctx, metricsFetch{category: category, format: FormatPrometheus, noCache: noCache}, tr)
	out.Attempts = append(out.Attempts, FormatAttempt{Format: FormatPrometheus, Err: err})
	if err == nil && distinctNames(pm.Metrics) > distinctNames(js.Metrics) {
		return pm, FormatPrometheus
	}
	return js, FormatJSON
}

func distinctNames(ms []parse.Metric) int {
	seen := make(map[string]bool, len(ms))
	for _, m := range ms {
		seen[m.Name] = true
	}
	return len(seen)
}

// otherFormatMayHelp reports whether a failed read is about the body or
// the format (so another format may work), not about reaching the server
// or the key, where trying more formats only delays the answer.
func otherFormatMayHelp(err error) bool {
	ce, ok := client.AsError(err)
	if !ok {
		return false
	}
	switch ce.Kind {
	case client.KindUnauthorized, client.KindForbidden, client.KindRateLimited, client.KindTimeout,
		client.KindUnreachable, client.KindDNS, client.KindTLS, client.KindConnectionLost,
		client.KindTransport, client.KindCanceled:
		return false
	}
	return true
}

// formatsError is the answer when no metrics format could be read. It
// unwraps to the JSON attempt's *client.Error, so it is reported as the
// server's problem with that status.
type formatsError struct {
	first    error
	attempts []string
}

func (e *formatsError) Error() string {
	return fmt.Sprintf("the metrics endpoint (%s) could not be read in any format; %s", client.PathMetrics, strings.Join(e.attempts, "; "))
}

func (e *formatsError) Unwrap() error { return e.first }

// formatChoiceError is a format the query insists on that the server does
// not answer readably; Auto would try the others. It unwraps to the
// server's *client.Error.
type formatChoiceError struct {
	format string
	err    error
}

func (e *formatChoiceError) Error() string {
	return fmt.Sprintf("the query asks for metrics as %s, which the server does not answer readably: %v; set the format to Auto to use the one it answers", FormatLabel(e.format), e.err)
}

func (e *formatChoiceError) Unwrap() error { return e.err }

// fetchMetricsAs reads the metrics endpoint in one format. JSON is the
// server's default, so it is requested without a format parameter (one
// cache entry per URL, and servers that reject unknown parameters work).
func (r *Runner) fetchMetricsAs(ctx context.Context, mf metricsFetch, tr *trace) (parse.Metrics, error) {
	params := url.Values{}
	if mf.category != "" {
		params.Set("category", mf.category)
	}
	if mf.format != "" && mf.format != FormatJSON {
		params.Set("format", mf.format)
	}
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathMetrics, Query: params, NoCache: mf.noCache})
	if err != nil {
		return parse.Metrics{}, err
	}
	return parsed(r.Client, resp, "metrics", func() (parse.Metrics, error) {
		m, err := parse.ParseMetrics(resp.ContentType, resp.Body)
		if err != nil {
			return m, err
		}
		if m.Timestamp.IsZero() {
			m.Timestamp = resp.FetchedAt.UTC()
		}
		m.Metrics = inCategory(m.Metrics, mf.category)
		return m, nil
	})
}

// inCategory keeps the metrics of the requested category. Servers that
// ignore ?category= answer with every metric, so the filter is applied
// here too: a metric whose category is known (from the body, or from its
// name's prefix) must match; one without a category is taken to be what
// the server was asked for and gets the requested category.
func inCategory(ms []parse.Metric, category string) []parse.Metric {
	if category == "" {
		return ms
	}
	out := make([]parse.Metric, 0, len(ms))
	for _, m := range ms {
		switch {
		case m.Category == "":
			m.Category = category
		case !strings.EqualFold(m.Category, category):
			continue
		}
		out = append(out, m)
	}
	return out
}
