package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/settings"
)

// previewRows bounds what the preview shows: enough to judge a mapping,
// never a copy of the upstream body.
const (
	previewRows        = 20
	previewRequestSize = 64 << 10
)

// PreviewRequest is the body of POST /preview. Mapping is one endpoint's
// candidate mapping ({"items": …, "fields": {…}}); without it the saved
// mapping is used, and an empty object previews the endpoint unmapped.
type PreviewRequest struct {
	Endpoint string          `json:"endpoint"`
	Mapping  json.RawMessage `json:"mapping,omitempty"`
}

// PreviewField is one document-level figure as read.
type PreviewField struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Preview is what the readers made of an endpoint's response: the
// browser sees values read through the contract, never the raw body.
type Preview struct {
	Endpoint string `json:"endpoint"`
	Path     string `json:"path"`
	// Mapping is "candidate", "saved" or "none".
	Mapping   string         `json:"mapping"`
	Status    int            `json:"status"`
	Count     int            `json:"count"`
	Fields    []PreviewField `json:"fields"`
	Columns   []string       `json:"columns"`
	Rows      [][]any        `json:"rows"`
	Truncated bool           `json:"truncated"`
	Notes     []string       `json:"notes"`
	// Error is the mapping's or the reader's finding; the fetch itself
	// worked (upstream failures are a 502 like every other resource).
	Error string `json:"error,omitempty"`
}

// preview serves POST /preview: fetch one endpoint fresh, apply the
// candidate (or saved) mapping, run the normal reader and show a few rows.
// It works while the saved mapping is broken, so a fix can be tried
// before it is saved.
func (d *Datasource) preview(w http.ResponseWriter, r *http.Request) {
	if d.client == nil {
		writeError(w, http.StatusBadRequest, d.configErr.Error())
		return
	}
	var req PreviewRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, previewRequestSize))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, `the preview request must be JSON like {"endpoint": "alerts", "mapping": {"items": "$.data[*]"}} (at most 64 KiB)`)
		return
	}
	ep := strings.TrimSpace(req.Endpoint)
	if !slices.Contains(parse.MappingEndpoints, ep) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("endpoint must be one of %s, got %q", strings.Join(parse.MappingEndpoints, ", "), req.Endpoint))
		return
	}
	mapping, which, notes, err := d.previewMapping(ep, req.Mapping)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	creq := previewRequest(ep, mapping)
	resp, err := d.client.Get(r.Context(), creq)
	if err != nil {
		status := http.StatusBadGateway
		if errors.Is(err, r.Context().Err()) {
			status = http.StatusGatewayTimeout
		}
		writeError(w, status, err.Error())
		return
	}
	out := Preview{Endpoint: ep, Path: creq.Path, Mapping: which, Status: resp.Status, Notes: notes, Fields: []PreviewField{}, Columns: []string{}, Rows: [][]any{}}
	mapped, err := mapping.Apply(ep, resp.Body)
	if err == nil {
		err = readPreview(ep, resp.ContentType, mapped, &out)
	}
	var me *parse.MappingError
	switch {
	case errors.As(err, &me):
		out.Error = me.Error()
	case err != nil:
		out.Error = d.client.BodyError(resp, err).Error()
	}
	writeJSON(w, http.StatusOK, out)
}

// previewMapping picks the mapping to try and says which one it is.
func (d *Datasource) previewMapping(ep string, candidate json.RawMessage) (*parse.Mapping, string, []string, error) {
	if len(candidate) == 0 {
		if m := d.client.Mapping(); m.Has(ep) {
			return m, "saved", nil, nil
		}
		var notes []string
		if d.configErr != nil {
			notes = append(notes, "the saved settings have problems, so no saved mapping is in use: "+d.configErr.Error())
		}
		return nil, "none", notes, nil
	}
	wrapped, _ := json.Marshal(map[string]json.RawMessage{ep: candidate})
	m, err := settings.CompileMappings(wrapped)
	if err != nil {
		return nil, "", nil, err
	}
	if !m.Has(ep) {
		return nil, "none", nil, nil
	}
	return m, "candidate", nil, nil
}

// previewRequest fetches fresh and unmapped: the mapping under test is
// applied here, not the saved one.
func previewRequest(ep string, m *parse.Mapping) client.Request {
	req := client.Request{NoCache: true, Raw: true}
	switch ep {
	case "health":
		req.Path = client.PathHealth
		req.Accept = func(status int, body []byte) bool {
			mapped, err := m.Apply(ep, body)
			return status == http.StatusServiceUnavailable && err == nil && parse.LooksLikeHealth(mapped)
		}
	case "metrics":
		req.Path = client.PathMetrics
	case "alerts":
		req.Path, req.Query = client.PathAlerts, url.Values{"action": {"active"}}
	case "dashboard":
		req.Path = client.PathDashboard
	case "uptime":
		req.Path = client.PathUptime
	}
	return req
}

// readPreview runs the endpoint's reader and keeps the first rows, with
// the reader's own notes (values it skipped and why).
func readPreview(ep, contentType string, body []byte, out *Preview) error {
	switch ep {
	case "alerts":
		a, err := parse.ParseAlerts(body)
		if err != nil {
			return err
		}
		out.Notes = append(out.Notes, a.Notes...)
		out.Columns = []string{"id", "name", "severity", "status", "started_at", "value", "threshold", "metric"}
		unknownSeverity := map[string]bool{}
		for _, al := range a.Alerts {
			out.add(al.ID, al.Name, al.Severity, al.Status, al.StartedAt.UTC().Format(time.RFC3339), num(al.Value), num(al.Threshold), al.Metric)
			if !slices.Contains(parse.Severities, al.Severity) {
				unknownSeverity[al.Severity] = true
			}
		}
		for _, s := range slices.Sorted(maps.Keys(unknownSeverity)) {
			out.Notes = append(out.Notes, fmt.Sprintf("severity %q is not one of %s; map the field that holds it", s, strings.Join(parse.Severities, ", ")))
		}
	case "metrics":
		m, err := parse.ParseMetrics(contentType, body)
		if err != nil {
			return err
		}
		out.Notes = append(out.Notes, m.Notes...)
		ms := append([]parse.Metric(nil), m.Metrics...)
		parse.SortMetrics(ms)
		out.Columns = []string{"name", "value", "unit", "category", "labels"}
		unknown := 0
		for _, mt := range ms {
			out.add(mt.Name, num(mt.Value), mt.Unit, mt.Category, parse.LabelsKey(mt.Labels))
			if mt.Value == nil {
				unknown++
			}
		}
		if unknown > 0 {
			out.Notes = append(out.Notes, fmt.Sprintf("%d of %d metrics have no value (shown empty, never as 0)", unknown, len(ms)))
		}
	case "health":
		h, err := parse.ParseHealth(body)
		if err != nil {
			return err
		}
		out.Notes = append(out.Notes, h.Notes...)
		out.field("status", h.Status)
		out.field("score", num(h.Score))
		out.field("timestamp", when(h.Timestamp))
		out.services(h.Services)
	case "dashboard":
		db, err := parse.ParseDashboard(body)
		if err != nil {
			return err
		}
		out.Notes = append(out.Notes, db.Notes...)
		out.field("status", db.Status)
		out.field("health_score", num(db.HealthScore))
		out.field("uptime_percentage", num(db.UptimePercentage))
		for _, s := range db.Summary {
			out.field("summary."+s.Key, num(s.Value))
		}
		out.services(db.Services)
	case "uptime":
		u, err := parse.ParseUptime(body)
		if err != nil {
			return err
		}
		out.Notes = append(out.Notes, u.Notes...)
		out.field("status", u.Status)
		out.field("percentage", num(u.Percentage))
		out.field("seconds", num(u.Seconds))
		out.field("sla_target", num(u.SLATarget))
		for _, c := range u.Compliance {
			var v any
			if c.Met != nil {
				v = *c.Met
			}
			out.field("compliance."+c.Objective, v)
		}
	}
	for _, f := range out.Fields {
		if f.Value == nil || f.Value == "" {
			out.Notes = append(out.Notes, fmt.Sprintf("%s was not found (unknown)", f.Name))
		}
	}
	return nil
}

func (p *Preview) add(cells ...any) {
	p.Count++
	if len(p.Rows) >= previewRows {
		p.Truncated = true
		return
	}
	p.Rows = append(p.Rows, cells)
}

func (p *Preview) field(name string, v any) {
	p.Fields = append(p.Fields, PreviewField{Name: name, Value: v})
}

func (p *Preview) services(ss []parse.ServiceHealth) {
	p.Columns = []string{"service", "status", "response_time_ms", "error"}
	for _, s := range ss {
		p.add(s.Name, s.Status, num(s.ResponseTimeMs), s.Error)
	}
}

// num keeps unknown as null in the preview, never 0.
func num(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func when(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}
