package query

import "strings"

// grafanaUnits maps the contract's unit strings to Grafana unit IDs.
var grafanaUnits = map[string]string{
	"%": "percent", "percent": "percent", "pct": "percent",
	"ratio": "percentunit",
	"ms":    "ms", "milliseconds": "ms",
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"us": "µs", "µs": "µs", "microseconds": "µs",
	"ns": "ns", "nanoseconds": "ns",
	"bytes": "bytes", "byte": "bytes", "b": "bytes",
	"bytes/s": "Bps", "b/s": "Bps", "bytes/sec": "Bps",
	"req/s": "reqps", "requests/s": "reqps", "rps": "reqps", "reqps": "reqps",
	"req/min": "suffix: req/min", "requests/min": "suffix: req/min",
	"count/min": "cpm", "/min": "cpm", "per_min": "cpm", "cpm": "cpm",
	"count/s": "cps", "/s": "cps", "cps": "cps",
	"count": "none", "": "",
	"bool": "bool_yes_no",
	"usd":  "currencyUSD", "$": "currencyUSD", "currency": "currencyUSD",
	"usd/min": "suffix: USD/min",
}

// GrafanaUnit returns the Grafana unit for a contract unit; units it does
// not know are shown as a suffix rather than dropped.
func GrafanaUnit(u string) string {
	key := strings.ToLower(strings.TrimSpace(u))
	if g, ok := grafanaUnits[key]; ok {
		return g
	}
	return "suffix: " + strings.TrimSpace(u)
}
