// Package fakeapi is an in-process stand-in for the monitoring contract,
// for unit tests and benchmarks: fixed bodies, per-endpoint faults and a
// request counter. Integration tests use the real reference server.
package fakeapi

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
)

// APIKey is the key the fake server accepts.
const APIKey = "test-metrics-key-5f2c"

// Fault changes how an endpoint answers.
type Fault struct {
	Status      int
	Body        string
	ContentType string
	Header      http.Header
	Delay       time.Duration
	// Drop closes the connection without an answer.
	Drop bool
	// Times limits how often the fault applies (0 = always).
	Times int
}

// Server is a fake monitoring API.
type Server struct {
	*httptest.Server

	// NoCapabilities makes /api/monitoring/capabilities answer 404.
	NoCapabilities bool
	// Unhealthy makes the health check answer 503 with an unhealthy body.
	Unhealthy bool
	// HistoryValue, when set, gives the history value of a metric for the
	// bucket starting at t (ok=false: a gap) instead of the default
	// pattern. Set it before the first request.
	HistoryValue func(name string, t time.Time) (v float64, ok bool)
	// Extensions, when not nil, replaces the extensions the capabilities
	// document offers; the endpoints of the others answer 404 (alert
	// history: 400, as a server without it rejects the action).
	Extensions []string
	// MetricsFormats, when not nil, lists the metrics formats served
	// ("json", "prometheus", "datadog"); the default answers an HTML page
	// without "json", and other formats 400.
	MetricsFormats []string
	// MetricsJSON, when set, replaces the JSON metrics body.
	MetricsJSON string
	// IgnoreCategory makes the metrics endpoint answer every metric
	// whatever ?category= says.
	IgnoreCategory bool

	mu     sync.Mutex
	faults map[string]*Fault
	counts map[string]int
	seen   []string
	total  atomic.Int64
}

// New starts a fake server; it stops when the test ends.
func New(tb testing.TB) *Server {
	s := &Server{faults: map[string]*Fault{}, counts: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// SetFault makes path (e.g. "/api/monitoring/uptime") misbehave.
func (s *Server) SetFault(path string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[path] = &f
}

// ClearFaults removes all faults.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = map[string]*Fault{}
}

// Total is the number of requests received.
func (s *Server) Total() int64 { return s.total.Load() }

// Count is the number of requests for a path.
func (s *Server) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[path]
}

// Seen lists received request URIs in order.
func (s *Server) Seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

// ResetCounts zeroes the counters.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts = map[string]int{}
	s.seen = nil
	s.total.Store(0)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.total.Add(1)
	s.mu.Lock()
	s.counts[r.URL.Path]++
	s.seen = append(s.seen, r.URL.RequestURI())
	f := s.faults[r.URL.Path]
	if f != nil && f.Times > 0 {
		f.Times--
		if f.Times == 0 {
			delete(s.faults, r.URL.Path)
		}
	}
	s.mu.Unlock()

	if f != nil {
		if f.Delay > 0 {
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				return
			}
		}
		if f.Drop {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					_ = conn.Close()
				}
			}
			return
		}
		if f.Status != 0 {
			for k, vs := range f.Header {
				for _, v := range vs {
					w.Header().Add(k, v)
				}
			}
			ct := f.ContentType
			if ct == "" {
				ct = "application/json"
			}
			w.Header().Set("Content-Type", ct)
			w.WriteHeader(f.Status)
			_, _ = w.Write([]byte(f.Body))
			return
		}
	}

	public := r.URL.Path == "/api/health/check" || r.URL.Path == "/api/monitoring/uptime"
	if !public && r.Header.Get("X-API-Key") != APIKey {
		writeJSON(w, http.StatusUnauthorized, `{"error":{"status":401,"code":"unauthorized","message":"Missing or invalid API key: send it in the X-API-Key header."}}`)
		return
	}
	s.route(w, r)
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch r.URL.Path {
	case "/api/health/check":
		if s.Unhealthy {
			writeJSON(w, http.StatusServiceUnavailable, UnhealthyJSON)
			return
		}
		writeJSON(w, http.StatusOK, HealthJSON)
	case "/api/monitoring/uptime":
		writeJSON(w, http.StatusOK, UptimeJSON)
	case "/api/monitoring/metrics":
		if !s.servesFormat(q.Get("format")) {
			s.unreadableMetrics(w, q.Get("format"))
			return
		}
		if s.IgnoreCategory {
			q.Del("category")
		}
		if s.MetricsJSON != "" && q.Get("format") == "" {
			writeJSON(w, http.StatusOK, s.MetricsJSON)
			return
		}
		s.metrics(w, q.Get("format"), q.Get("category"))
	case "/api/monitoring/metrics/history":
		if !s.offers(parse.ExtMetricsHistory) {
			writeJSON(w, http.StatusNotFound, `{"error":{"status":404,"code":"not_found","message":"no such endpoint"}}`)
			return
		}
		s.history(w, r)
	case "/api/monitoring/dashboard":
		writeJSON(w, http.StatusOK, DashboardJSON)
	case "/api/monitoring/alerts":
		switch q.Get("action") {
		case "", "active":
			writeJSON(w, http.StatusOK, AlertsActiveJSON)
		case "history":
			if !s.offers(parse.ExtAlertsHistory) {
				writeJSON(w, http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"action must be active or configuration"}}`)
				return
			}
			writeJSON(w, http.StatusOK, AlertsHistoryJSON)
		case "configuration":
			writeJSON(w, http.StatusOK, AlertConfigJSON)
		default:
			writeJSON(w, http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"action must be active, history or configuration"}}`)
		}
	case "/api/monitoring/capabilities":
		if s.NoCapabilities {
			writeJSON(w, http.StatusNotFound, `{"error":{"status":404,"code":"not_found","message":"no such endpoint"}}`)
			return
		}
		s.capabilities(w)
	case "/api/monitoring/incidents":
		if !s.offers(parse.ExtIncidents) {
			writeJSON(w, http.StatusNotFound, `{"error":{"status":404,"code":"not_found","message":"no such endpoint"}}`)
			return
		}
		writeJSON(w, http.StatusOK, IncidentsJSON)
	default:
		writeJSON(w, http.StatusNotFound, `{"error":{"status":404,"code":"not_found","message":"no such endpoint"}}`)
	}
}

func (s *Server) metrics(w http.ResponseWriter, format, category string) {
	switch format {
	case "prometheus":
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		_, _ = w.Write([]byte(MetricsPrometheus))
		return
	case "datadog":
		writeJSON(w, http.StatusOK, MetricsDatadog)
		return
	}
	if category == "" || category == "all" {
		writeJSON(w, http.StatusOK, MetricsJSON)
		return
	}
	var doc struct {
		Timestamp string           `json:"timestamp"`
		Category  string           `json:"category"`
		Metrics   []map[string]any `json:"metrics"`
	}
	_ = json.Unmarshal([]byte(MetricsJSON), &doc)
	kept := doc.Metrics[:0]
	for _, m := range doc.Metrics {
		if m["category"] == category {
			kept = append(kept, m)
		}
	}
	doc.Metrics, doc.Category = kept, category
	b, _ := json.Marshal(doc)
	writeJSON(w, http.StatusOK, string(b))
}

// history generates a deterministic series per catalog metric of the
// requested category or name: value = index + minutes since epoch mod 10,
// or HistoryValue's. Points are bucket starts in [from, to), as the
// contract says.
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, err1 := strconv.ParseInt(q.Get("from"), 10, 64)
	to, err2 := strconv.ParseInt(q.Get("to"), 10, 64)
	step, err3 := strconv.Atoi(q.Get("step"))
	if err1 != nil || err2 != nil || err3 != nil || step <= 0 || from >= to {
		writeJSON(w, http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"from, to and step are required and from must be before to"}}`)
		return
	}
	if (to-from)/int64(step*1000) > 11000 {
		writeJSON(w, http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"too many points: raise step"}}`)
		return
	}
	type series struct {
		Name     string            `json:"name"`
		Unit     string            `json:"unit"`
		Category string            `json:"category"`
		Labels   map[string]string `json:"labels,omitempty"`
		Points   [][2]float64      `json:"points"`
	}
	var out []series
	for i, e := range parse.Catalog {
		if (q.Get("category") != "" && e.Category != q.Get("category")) || (q.Get("name") != "" && e.Name != q.Get("name")) {
			continue
		}
		se := series{Name: e.Name, Unit: e.Unit, Category: e.Category, Points: [][2]float64{}}
		first := int64(math.Ceil(float64(from)/float64(step*1000))) * int64(step*1000)
		for t := first; t < to; t += int64(step * 1000) {
			v, ok := float64(i)+float64((t/60000)%10), true
			if s.HistoryValue != nil {
				v, ok = s.HistoryValue(e.Name, time.UnixMilli(t).UTC())
			}
			if ok {
				se.Points = append(se.Points, [2]float64{float64(t), v})
			}
		}
		out = append(out, se)
	}
	b, _ := json.Marshal(map[string]any{"from": q.Get("from"), "to": q.Get("to"), "step": step, "series": out})
	writeJSON(w, http.StatusOK, string(b))
}

// offers reports whether the fake has an extension (Extensions nil: all).
func (s *Server) offers(ext string) bool {
	return s.Extensions == nil || slices.Contains(s.Extensions, ext)
}

func (s *Server) capabilities(w http.ResponseWriter) {
	if s.Extensions == nil {
		writeJSON(w, http.StatusOK, CapabilitiesJSON)
		return
	}
	var doc map[string]any
	_ = json.Unmarshal([]byte(CapabilitiesJSON), &doc)
	doc["extensions"] = append([]string{}, s.Extensions...)
	b, _ := json.Marshal(doc)
	writeJSON(w, http.StatusOK, string(b))
}

func (s *Server) servesFormat(format string) bool {
	if format == "" {
		format = "json"
	}
	return s.MetricsFormats == nil || slices.Contains(s.MetricsFormats, format)
}

// unreadableMetrics is what a server without the format answers: an HTML
// page for the default, 400 for a format parameter it does not know.
func (s *Server) unreadableMetrics(w http.ResponseWriter, format string) {
	if format == "" {
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprint(w, "<html><body><h1>Metrics</h1></body></html>")
		return
	}
	writeJSON(w, http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"unknown format"}}`)
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = fmt.Fprint(w, strings.TrimSpace(body))
}
