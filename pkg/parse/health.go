package parse

import (
	"bytes"
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

// statusWords maps the status words applications use (Spring Boot's UP,
// health-check RFC drafts' pass/warn/fail, traffic lights …) onto the
// contract's three, case-insensitively.
var statusWords = map[string]string{
	"healthy": StatusHealthy, "ok": StatusHealthy, "up": StatusHealthy, "pass": StatusHealthy,
	"passing": StatusHealthy, "passed": StatusHealthy, "green": StatusHealthy, "good": StatusHealthy,
	"available": StatusHealthy, "online": StatusHealthy, "operational": StatusHealthy, "running": StatusHealthy,
	"degraded": StatusDegraded, "warn": StatusDegraded, "warning": StatusDegraded, "partial": StatusDegraded,
	"yellow": StatusDegraded, "amber": StatusDegraded, "slow": StatusDegraded,
	"unhealthy": StatusUnhealthy, "down": StatusUnhealthy, "fail": StatusUnhealthy, "failed": StatusUnhealthy,
	"failing": StatusUnhealthy, "critical": StatusUnhealthy, "error": StatusUnhealthy, "red": StatusUnhealthy,
	"outofservice": StatusUnhealthy, "unavailable": StatusUnhealthy, "offline": StatusUnhealthy,
}

// NormalizeStatus maps a status word onto healthy, degraded or unhealthy;
// an unknown word is kept, lower-cased (its StatusValue is nil).
func NormalizeStatus(status string) string {
	low := strings.ToLower(strings.TrimSpace(status))
	if v, ok := statusWords[low]; ok {
		return v
	}
	if v, ok := statusWords[normKey(low)]; ok { // OUT_OF_SERVICE
		return v
	}
	return low
}

// statusText is a status as the server wrote it, lower-cased (StatusValue
// reads every spelling).
func statusText(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// StatusValue maps a status to a number alerting can compare: healthy 1,
// degraded 0.5, unhealthy 0. Unknown statuses have no value.
func StatusValue(status string) *float64 {
	switch NormalizeStatus(status) {
	case StatusHealthy:
		return ptr(1)
	case StatusDegraded:
		return ptr(0.5)
	case StatusUnhealthy:
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
	// Extra holds the other fields a service reported (Spring Boot's
	// details, versions …), flattened to dotted keys.
	Extra map[string]string
}

// Health is the body of GET /api/health/check.
type Health struct {
	Status    string
	Score     *float64
	Timestamp time.Time
	Services  []ServiceHealth
	// Extra holds other top-level text and numbers (version, region …).
	Extra map[string]string
	Notes []string
}

type healthDoc struct {
	Status    *string                `json:"status"`
	Score     Number                 `json:"health_score"`
	Timestamp Time                   `json:"timestamp"`
	Services  map[string]serviceJSON `json:"services"`
}

// keys counts the contract keys with a value (see keyTally).
func (d *healthDoc) keys() int {
	return 1 + count1(d.Score.V != nil) + count1(!d.Timestamp.T.IsZero()) + servicesKeys(d.Services)
}

type serviceJSON struct {
	Status       string `json:"status"`
	ResponseTime Number `json:"responseTime"`
	Error        string `json:"error"`
}

func (s *serviceJSON) keys() int {
	return count1(s.Status != "") + count1(s.ResponseTime.V != nil) + count1(s.Error != "")
}

// servicesKeys counts a services object's keys with a value (see keyTally).
func servicesKeys(in map[string]serviceJSON) int {
	if in == nil {
		return 0
	}
	n := 1 + len(in)
	for _, s := range in {
		n += s.keys()
	}
	return n
}

// ParseHealth reads a health check body (the same shape comes with 200 and
// with 503 when the application is unhealthy): the contract's shape
// directly, other shapes (Spring Boot actuator, health-check RFC drafts,
// services as a list …) through genericHealth.
func ParseHealth(body []byte) (Health, error) {
	return decodeDoc("health check", body, exactHealth, genericHealth)
}

func exactHealth(d *healthDoc, b []byte) (Health, bool, error) {
	if d.Status == nil || d.Services == nil || !tallyKeys(b).fits(d.keys()) {
		return Health{}, false, nil
	}
	return Health{
		Status: statusText(*d.Status), Score: d.Score.V, Timestamp: d.Timestamp.T,
		Services: parseServices(d.Services),
	}, true, nil
}

func parseServices(in map[string]serviceJSON) []ServiceHealth {
	out := make([]ServiceHealth, 0, len(in))
	for name, s := range in {
		out = append(out, ServiceHealth{Name: name, Status: statusText(s.Status), ResponseTimeMs: s.ResponseTime.V, Error: s.Error})
	}
	sortServices(out)
	return out
}

func sortServices(s []ServiceHealth) {
	sort.Slice(s, func(i, j int) bool { return s[i].Name < s[j].Name })
}

// LooksLikeHealth tells a health document (sent with 503 when the
// application is unhealthy) from a contract error body sent with 503.
func LooksLikeHealth(body []byte) bool {
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' || !(bytes.Contains(b, []byte(`"status"`)) || bytes.Contains(b, []byte(`"state"`)) || bytes.Contains(b, []byte(`"healthy"`))) {
		return false
	}
	return (hasTopLevelKey(b, "status") || hasTopLevelKey(b, "state") || hasTopLevelKey(b, "healthy")) && !hasTopLevelKey(b, "error")
}
