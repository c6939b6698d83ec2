package query

import (
	"fmt"
	"strings"
)

// EndpointLabel is the label the contract puts on per-endpoint series.
const EndpointLabel = "endpoint"

// endpointOverall selects the whole-application series: the ones without
// an endpoint label. Endpoints are paths ("/api/..."), so the word cannot
// collide with one.
const endpointOverall = "overall"

// EndpointFilter keeps series by their endpoint label. The contract
// reports some API metrics twice: once for the whole application and once
// per endpoint. A stat panel or an alert rule about "the error rate" wants
// the first only; without a filter every series is kept. The zero value
// keeps everything.
type EndpointFilter struct {
	set       bool
	overall   bool    // keep series without an endpoint label
	endpoints Matcher // endpoints to keep; used when hasPaths
	hasPaths  bool
	raw       string
}

// NewEndpointFilter parses "", "overall", "/api/tickets", "/api/*" and
// lists of these ("overall,/api/tickets", "{...}").
func NewEndpointFilter(raw string) (EndpointFilter, error) {
	items := splitList(raw)
	if len(items) == 0 {
		return EndpointFilter{}, nil
	}
	f := EndpointFilter{set: true, raw: strings.Join(items, ",")}
	var paths []string
	for _, it := range items {
		if strings.EqualFold(it, endpointOverall) {
			f.overall = true
			continue
		}
		paths = append(paths, it)
	}
	if len(paths) > 0 {
		m, err := NewMatcher(strings.Join(paths, ","))
		if err != nil {
			return EndpointFilter{}, fmt.Errorf("%v; use %q for the whole application or endpoint paths such as /api/tickets", err, endpointOverall)
		}
		f.endpoints, f.hasPaths = m, true
	}
	return f, nil
}

// All reports whether the filter keeps every series.
func (f EndpointFilter) All() bool { return !f.set }

// Keep reports whether a series with these labels passes the filter.
func (f EndpointFilter) Keep(labels map[string]string) bool {
	if !f.set {
		return true
	}
	ep, ok := labels[EndpointLabel]
	if !ok {
		return f.overall
	}
	return f.hasPaths && f.endpoints.Match(ep)
}

// String is the filter as typed, for messages.
func (f EndpointFilter) String() string { return f.raw }

// filterEndpoints keeps the series the endpoint filter accepts.
func filterEndpoints(ss []series, f EndpointFilter) []series {
	if f.All() {
		return ss
	}
	out := ss[:0]
	for _, s := range ss {
		if f.Keep(s.Labels) {
			out = append(out, s)
		}
	}
	return out
}
