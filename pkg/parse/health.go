package parse

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"time"
)

// Health statuses of the contract.
const (
	StatusHealthy   = "healthy"
	StatusDegraded  = "degraded"
	StatusUnhealthy = "unhealthy"
)

// StatusValue maps a status to a number alerting can compare: healthy 1,
// degraded 0.5, unhealthy 0. Unknown statuses have no value.
func StatusValue(status string) *float64 {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case StatusHealthy, "ok", "up":
		return ptr(1)
	case StatusDegraded, "warning", "warn":
		return ptr(0.5)
	case StatusUnhealthy, "down", "error", "critical":
		return ptr(0)
	}
	return nil
}

// ServiceHealth is one dependency of the application.
type ServiceHealth struct {
	Name           string
	Status         string
	ResponseTimeMs *float64
	Error          string
}

// Health is the body of GET /api/health/check.
type Health struct {
	Status    string
	Score     *float64
	Timestamp time.Time
	Services  []ServiceHealth
}

type healthDoc struct {
	Status    *string                `json:"status"`
	Score     Number                 `json:"health_score"`
	Timestamp Time                   `json:"timestamp"`
	Services  map[string]serviceJSON `json:"services"`
}

type serviceJSON struct {
	Status       string `json:"status"`
	ResponseTime Number `json:"responseTime"`
	Error        string `json:"error"`
}

// ParseHealth reads a health check body (the same shape comes with 200 and
// with 503 when the application is unhealthy).
func ParseHealth(body []byte) (Health, error) {
	const doc = "health check"
	b := trimBody(body)
	if len(b) == 0 {
		return Health{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Health{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d healthDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return Health{}, malformed(doc, err)
	}
	if d.Status == nil {
		return Health{}, shapef(doc, `field "status" is missing`)
	}
	h := Health{Status: *d.Status, Score: d.Score.V, Timestamp: d.Timestamp.T}
	h.Services = parseServices(d.Services)
	return h, nil
}

func parseServices(in map[string]serviceJSON) []ServiceHealth {
	out := make([]ServiceHealth, 0, len(in))
	for name, s := range in {
		out = append(out, ServiceHealth{Name: name, Status: s.Status, ResponseTimeMs: s.ResponseTime.V, Error: s.Error})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LooksLikeHealth tells a health document (sent with 503 when the
// application is unhealthy) from a contract error body sent with 503.
func LooksLikeHealth(body []byte) bool {
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' || !bytes.Contains(b, []byte(`"status"`)) {
		return false
	}
	return hasTopLevelKey(b, "status") && !hasTopLevelKey(b, "error")
}
