package client

import (
	"net/url"

	"github.com/appmon/monitoring/pkg/parse"
)

// SetMapping installs the data source's response mapping
// (jsonData.mappings). Call it before the client is used. Mapped bodies
// are what the cache keeps, so every query, the health check and the
// pickers read the contract's shape, and each body is mapped once.
func (c *Client) SetMapping(m *parse.Mapping) { c.mapping = m }

// Mapping is the installed response mapping (nil when none).
func (c *Client) Mapping() *parse.Mapping { return c.mapping }

// MappingEndpoint names the mapping setting that applies to a request:
// "health", "metrics", "alerts", "dashboard", "uptime", or "" for what a
// mapping does not cover (history, incidents, capabilities, alert
// configuration, and metrics asked for in another format: a Prometheus
// or Datadog body has a shape of its own).
func MappingEndpoint(path string, q url.Values) string {
	switch path {
	case PathHealth:
		return "health"
	case PathMetrics:
		if f := q.Get("format"); f != "" && f != "json" {
			return ""
		}
		return "metrics"
	case PathDashboard:
		return "dashboard"
	case PathUptime:
		return "uptime"
	case PathAlerts:
		if q.Get("action") == "configuration" {
			return ""
		}
		return "alerts"
	}
	return ""
}

func (c *Client) mapBody(r Request, body []byte) ([]byte, error) {
	if r.Raw || c.mapping == nil {
		return body, nil
	}
	return c.mapping.Apply(MappingEndpoint(r.Path, r.Query), body)
}
