package parse

import (
	"slices"
	"sort"
)

// Extension names of the contract's optional features.
const (
	ExtMetricsHistory = "metrics.history"
	ExtAlertsHistory  = "alerts.history"
	ExtIncidents      = "incidents"
)

// Retention is how far back a server keeps each kind of history.
type Retention struct {
	MetricsDays   int `json:"metrics_days"`
	AlertsDays    int `json:"alerts_days"`
	IncidentsDays int `json:"incidents_days"`
}

// Capabilities is the body of GET /api/monitoring/capabilities. The zero
// value means "core contract only" (what a 404 means).
type Capabilities struct {
	ContractVersion          string    `json:"contract_version"`
	Extensions               []string  `json:"extensions"`
	Retention                Retention `json:"retention"`
	HistoryResolutionSeconds []int     `json:"history_resolution_seconds"`
	MaxPointsPerSeries       int       `json:"max_points_per_series"`
}

// Has reports whether the server offers an extension.
func (c Capabilities) Has(ext string) bool { return slices.Contains(c.Extensions, ext) }

// ParseCapabilities reads the capabilities document.
func ParseCapabilities(body []byte) (Capabilities, error) {
	return decodeDoc("capabilities", body, strict(readCapabilities), nil)
}

func readCapabilities(d *Capabilities) (Capabilities, error) {
	c := *d
	if c.Extensions == nil {
		return Capabilities{}, shapef("capabilities", `field "extensions" is missing`)
	}
	res := c.HistoryResolutionSeconds[:0:0]
	for _, r := range c.HistoryResolutionSeconds {
		if r > 0 {
			res = append(res, r)
		}
	}
	sort.Ints(res)
	c.HistoryResolutionSeconds = res
	return c, nil
}
