// Package leakyapi is a hostile upstream for redaction tests: every answer
// echoes the API key it was sent and the admin key it knows, in every
// spelling a careless server produces (other case, cut to 8–12
// characters, URL-encoded, base64, hex, inside a header dump), as JSON
// error bodies, HTML and text pages, error headers, contract documents
// with the key in their texts, and redirects within its origin and to a
// second server (another port on 127.0.0.1: another origin) that records
// whether a key ever reached it.
package leakyapi

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// Modes are the first path segment of a data source URL
// (Server.URL + "/" + mode) and choose how every endpoint answers.
var Modes = []string{
	"json400", "json401", "json403", "json404", "json429", "json500", "json503",
	"html500", "text502", "headers500", "html200", "badjson200", "data",
	"redirect-same", "redirect-other", "redirect-other-key-in-url",
}

// Server is the echoing upstream and its cross-origin neighbour.
type Server struct {
	*httptest.Server
	// Other is the second origin redirects point to.
	Other *httptest.Server

	APIKey, AdminKey string

	mu sync.Mutex
	// withKey counts requests per mode that carried the API key.
	withKey map[string]int
	// otherHits and otherKeyed count what reached the other origin.
	otherHits, otherKeyed atomic.Int64
}

// New starts both servers; they stop when the test ends. Keys need
// characters URL encoding changes ("/", "+", "=") so every spelling
// differs.
func New(tb testing.TB, apiKey, adminKey string) *Server {
	tb.Helper()
	s := &Server{APIKey: apiKey, AdminKey: adminKey, withKey: map[string]int{}}
	s.Other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.otherHits.Add(1)
		if r.Header.Get("X-API-Key") != "" {
			s.otherKeyed.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"error":"other origin got %s"}`, jsonText(r.Header.Get("X-API-Key")))
	}))
	tb.Cleanup(s.Other.Close)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Server.Close)
	return s
}

// URL is the data source URL for a mode.
func (s *Server) URL(mode string) string { return s.Server.URL + "/" + mode }

// OtherHits is how many requests reached the other origin, and how many
// of them carried an X-API-Key header.
func (s *Server) OtherHits() (all, withKey int64) { return s.otherHits.Load(), s.otherKeyed.Load() }

// OtherHost is the other origin's host:port.
func (s *Server) OtherHost() string { return strings.TrimPrefix(s.Other.URL, "http://") }

// KeyedRequests is how many requests of a mode carried the API key.
func (s *Server) KeyedRequests(mode string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.withKey[mode]
}

// Echo is every spelling of both keys the server puts into its answers.
func (s *Server) Echo() string {
	return strings.Join(append(Spellings(s.APIKey), Spellings(s.AdminKey)...), " ")
}

// Spellings of a key a server may send back.
func Spellings(k string) []string {
	b64 := func(enc *base64.Encoding, v string) string { return enc.EncodeToString([]byte(v)) }
	return []string{
		k, strings.ToUpper(k), strings.ToLower(k), SwapCase(k),
		k[:8], k[3:12], k[len(k)-12:], strings.ToUpper(k[2:12]), SwapCase(k[5:15]),
		url.QueryEscape(k), url.PathEscape(k), strings.ToLower(url.QueryEscape(k)),
		b64(base64.StdEncoding, k), b64(base64.RawURLEncoding, k), b64(base64.URLEncoding, k),
		b64(base64.StdEncoding, "apikey:"+k), b64(base64.RawStdEncoding, "x-"+k+"!"),
		hex.EncodeToString([]byte(k)),
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	mode, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if r.Header.Get("X-API-Key") == s.APIKey {
		s.mu.Lock()
		s.withKey[mode]++
		s.mu.Unlock()
	}
	path := "/" + rest
	echo := s.Echo() + " headers: " + headerDump(r.Header)
	// Error headers echo too; Grafana never sees them, but a client that
	// copied them into a message would.
	w.Header().Set("X-Error-Detail", "key "+s.APIKey+" "+strings.ToUpper(s.AdminKey))
	w.Header().Set("WWW-Authenticate", `ApiKey realm="`+url.QueryEscape(s.APIKey)+`"`)
	switch mode {
	case "json400", "json401", "json403", "json404", "json429", "json500", "json503":
		var status int
		fmt.Sscanf(mode, "json%d", &status)
		if status == 429 || status == 503 {
			w.Header().Set("Retry-After", "0")
		}
		writeJSON(w, status, fmt.Sprintf(`{"error":{"status":%d,"code":"echo","message":"key %s was sent to %s"}}`, status, jsonText(echo), jsonText(path)))
	case "html500":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(500)
		fmt.Fprintf(w, "<html><body><h1>Error</h1><p>key %s</p></body></html>", echo)
	case "text502":
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(502)
		fmt.Fprintf(w, "bad gateway for key %s", echo)
	case "headers500":
		w.Header().Set("X-Api-Key-Echo", echo)
		writeJSON(w, 500, `{"error":{"status":500,"message":"see headers: `+jsonText(headerDump(r.Header))+`"}}`)
	case "html200":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body>login with %s</body></html>", echo)
	case "badjson200":
		e := jsonText(echo)
		writeJSON(w, 200, fmt.Sprintf(`{"status":"%s","health_score":"%s","metrics":"%s","alerts":"%s","series":"%s","uptime":"%s","rules":"%s","summary":"%s","%s":1}`, e, e, e, e, e, e, e, e, e))
	case "data":
		s.data(w, r, path)
	case "redirect-same":
		http.Redirect(w, r, "/json400"+path+"?"+r.URL.RawQuery, http.StatusFound)
	case "redirect-other":
		http.Redirect(w, r, s.Other.URL+path+"?"+r.URL.RawQuery, http.StatusFound)
	case "redirect-other-key-in-url":
		http.Redirect(w, r, s.Other.URL+"/"+url.PathEscape(s.APIKey)+path+"?key="+url.QueryEscape(s.APIKey), http.StatusTemporaryRedirect)
	default:
		writeJSON(w, 404, `{"error":"unknown mode `+jsonText(mode)+` for key `+jsonText(echo)+`"}`)
	}
}

// data answers contract documents whose free texts (descriptions,
// service errors, titles, runbook links, service names) carry the keys.
func (s *Server) data(w http.ResponseWriter, r *http.Request, path string) {
	e := jsonText(s.Echo())
	cut := s.APIKey[1:10]
	texts := strings.NewReplacer(
		`"description":"`, `"description":"`+e+` `,
		`"error":"`, `"error":"`+e+` `,
		`"title":"`, `"title":"`+e+` `,
		`"runbook_url":"https://runbooks.example/`, `"runbook_url":"https://runbooks.example/`+url.PathEscape(s.APIKey)+`/`,
		`"database":{`, `"db-`+jsonText(cut)+`":{`,
		`"service":"api"`, `"service":"api-`+jsonText(strings.ToUpper(cut))+`"`,
	)
	var body string
	switch path {
	case "/api/health/check":
		body = fakeapi.UnhealthyJSON
	case "/api/monitoring/uptime":
		body = fakeapi.UptimeJSON
	case "/api/monitoring/metrics":
		switch r.URL.Query().Get("format") {
		case "prometheus":
			w.Header().Set("Content-Type", "text/plain; version=0.0.4")
			fmt.Fprint(w, strings.ReplaceAll(fakeapi.MetricsPrometheus, "# HELP system_cpu_usage CPU usage", "# HELP system_cpu_usage CPU usage "+s.Echo()))
			return
		case "datadog":
			body = strings.Replace(fakeapi.MetricsDatadog, `"tags":["category:system"]`, `"tags":["category:system","key:`+jsonText(cut)+`"]`, 1)
		default:
			body = fakeapi.MetricsJSON
		}
	case "/api/monitoring/dashboard":
		body = fakeapi.DashboardJSON
	case "/api/monitoring/alerts":
		switch r.URL.Query().Get("action") {
		case "history":
			body = fakeapi.AlertsHistoryJSON
		case "configuration":
			body = fakeapi.AlertConfigJSON
		default:
			body = fakeapi.AlertsActiveJSON
		}
	case "/api/monitoring/capabilities":
		body = `{"contract_version":"1.0 ` + e + `","extensions":["alerts.history","incidents","x-` + jsonText(cut) + `"]}`
	case "/api/monitoring/incidents":
		body = fakeapi.IncidentsJSON
	default:
		writeJSON(w, 404, `{"error":"no `+jsonText(path)+` for key `+e+`"}`)
		return
	}
	writeJSON(w, 200, texts.Replace(body))
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// jsonText is s escaped for a JSON string literal, without the quotes.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

func headerDump(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s; ", k, strings.Join(h[k], ", "))
	}
	return b.String()
}

// SwapCase flips the case of every ASCII letter: the key as a server that
// upper- or lower-cases what it echoes would send it back.
func SwapCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[i] = c - 32
		case 'A' <= c && c <= 'Z':
			b[i] = c + 32
		}
	}
	return string(b)
}
