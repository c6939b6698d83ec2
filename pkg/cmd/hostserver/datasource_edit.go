package main

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"time"
)

// editRoutes answers the data source saves of the app's configuration pages as Grafana does,
// and lets the host check act as an administrator who provisioned a data source with
// "editable: true" (POST /host/…, outside Grafana's API, never called by plugins).
func (g *grafana) editRoutes(mux *http.ServeMux) {
	mux.HandleFunc("PUT /api/datasources/uid/{uid}", g.putDataSource)
	mux.HandleFunc("POST /host/datasources/{uid}/editable", g.setEditable)
}

// dataSourceUpdate is the body of Grafana's PUT /api/datasources/uid/<uid>: the whole record.
// Fields Grafana's frontend sends back as it read them (secureJsonFields, readOnly, …) are ignored.
type dataSourceUpdate struct {
	Name           string            `json:"name"`
	Type           string            `json:"type"`
	Access         string            `json:"access"`
	URL            string            `json:"url"`
	IsDefault      bool              `json:"isDefault"`
	JSONData       map[string]any    `json:"jsonData"`
	SecureJSONData map[string]string `json:"secureJsonData"`
	Version        int64             `json:"version"`
}

// putDataSource replaces the data source as Grafana does: a read-only (provisioned) one is a
// 403, an update based on an older version a 409. Secrets not sent stay as they were. The
// version goes up and the update time moves on, so the next call carries new instance
// settings and the SDK's instance manager builds a new plugin instance, as after a save in Grafana.
func (g *grafana) putDataSource(w http.ResponseWriter, r *http.Request) {
	var body dataSourceUpdate
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(raw, &body)
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad request data"})
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	i := g.indexOf(r.PathValue("uid"))
	if i < 0 {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Data source not found"})
		return
	}
	d := g.sources[i]
	switch {
	case d.ReadOnly:
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Cannot update read-only data source"})
		return
	case body.Version != 0 && body.Version < d.Version:
		writeJSON(w, http.StatusConflict, map[string]string{"message": "Datasource has already been updated by someone else. Please reload and try again"})
		return
	case body.Name == "":
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Name is required"})
		return
	}
	d.Name, d.Access, d.URL, d.IsDefault = body.Name, body.Access, body.URL, body.IsDefault
	if body.Type != "" {
		d.Type = body.Type
	}
	d.JSONData = body.JSONData
	if d.JSONData == nil {
		d.JSONData = map[string]any{}
	}
	secrets := maps.Clone(d.SecureJSONData)
	if secrets == nil {
		secrets = map[string]string{}
	}
	maps.Copy(secrets, body.SecureJSONData)
	d.SecureJSONData = secrets
	d.Version++
	d.updated = laterThan(d.updated)
	g.sources[i] = d
	writeJSON(w, http.StatusOK, map[string]any{"datasource": d.public(), "id": d.ID, "message": "Datasource updated", "name": d.Name})
}

// setEditable is POST /host/datasources/<uid>/editable {"editable": bool}.
func (g *grafana) setEditable(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Editable bool `json:"editable"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad request data"})
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	i := g.indexOf(r.PathValue("uid"))
	if i < 0 {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Data source not found"})
		return
	}
	g.sources[i].ReadOnly = !body.Editable
	writeJSON(w, http.StatusOK, g.sources[i].public())
}

// indexOf finds a data source by uid; the caller holds g.mu.
func (g *grafana) indexOf(uid string) int {
	for i := range g.sources {
		if g.sources[i].UID == uid {
			return i
		}
	}
	return -1
}

// laterThan is now, or a millisecond after prev when the clock has not moved on: Grafana's
// instance manager compares update times in milliseconds.
func laterThan(prev time.Time) time.Time {
	now := time.Now()
	if now.UnixMilli() <= prev.UnixMilli() {
		return prev.Add(time.Millisecond)
	}
	return now
}
