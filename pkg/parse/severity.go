package parse

import "strings"

// severityWords maps the severities applications use onto the contract's
// five levels. Numbered priorities follow incident practice (P1 / SEV1 is
// the most severe).
var severityWords = map[string]string{
	"critical": "critical", "crit": "critical", "fatal": "critical", "emergency": "critical",
	"emerg": "critical", "disaster": "critical", "blocker": "critical",
	"p1": "critical", "sev1": "critical", "s1": "critical", "p0": "critical", "sev0": "critical",
	"high": "high", "error": "high", "err": "high", "major": "high", "alert": "high",
	"p2": "high", "sev2": "high", "s2": "high",
	"medium": "medium", "warning": "medium", "warn": "medium", "moderate": "medium", "average": "medium",
	"p3": "medium", "sev3": "medium", "s3": "medium",
	"low": "low", "minor": "low", "notice": "low", "trivial": "low",
	"p4": "low", "sev4": "low", "s4": "low",
	"info": "info", "information": "info", "informational": "info", "debug": "info", "none": "info",
	"p5": "info", "sev5": "info", "s5": "info",
}

// NormalizeSeverity maps a severity onto critical, high, medium, low or
// info; an unknown one is kept, lower-cased.
func NormalizeSeverity(s string) string {
	if v, ok := severityWords[s]; ok {
		return v // already lower-case (the contract's own words)
	}
	low := strings.ToLower(strings.TrimSpace(s))
	if v, ok := severityWords[low]; ok {
		return v
	}
	// SEV-1, sev 1, P-1 …
	folded := strings.NewReplacer("-", "", " ", "", "_", "").Replace(low)
	if v, ok := severityWords[folded]; ok {
		return v
	}
	return low
}

// alertStatusWords maps alert states onto firing, acknowledged, resolved.
var alertStatusWords = map[string]string{
	"firing": "firing", "active": "firing", "open": "firing", "triggered": "firing", "alerting": "firing",
	"new": "firing", "raised": "firing",
	"acknowledged": "acknowledged", "acked": "acknowledged", "ack": "acknowledged",
	"resolved": "resolved", "closed": "resolved", "ok": "resolved", "inactive": "resolved",
	"cleared": "resolved", "recovered": "resolved",
}

// normalizeAlertStatus maps a state onto the contract's words; an unknown
// one is kept, lower-cased.
func normalizeAlertStatus(s string) string {
	if v, ok := alertStatusWords[s]; ok {
		return v
	}
	low := strings.ToLower(strings.TrimSpace(s))
	if v, ok := alertStatusWords[low]; ok {
		return v
	}
	return low
}
