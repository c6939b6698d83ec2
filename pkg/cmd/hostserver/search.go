package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// search is GET /api/search?tag=…&type=dash-db over the bundle's dashboards, which
// Grafana imports when the app is enabled.
func (g *grafana) search(w http.ResponseWriter, r *http.Request) {
	if t := r.URL.Query().Get("type"); t != "" && t != "dash-db" {
		writeJSON(w, http.StatusOK, []any{})
		return
	}
	tags := r.URL.Query()["tag"]
	files, err := filepath.Glob(filepath.Join(g.dashboards, "*.json"))
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
		return
	}
	out := []map[string]any{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
			return
		}
		var d struct {
			UID   string   `json:"uid"`
			Title string   `json:"title"`
			Tags  []string `json:"tags"`
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": filepath.Base(f) + ": " + err.Error()})
			return
		}
		if !slices.ContainsFunc(tags, func(t string) bool { return !slices.Contains(d.Tags, t) }) {
			slug := strings.ToLower(strings.NewReplacer(" / ", "-", " ", "-", "/", "-").Replace(d.Title))
			out = append(out, map[string]any{"uid": d.UID, "title": d.Title, "tags": d.Tags, "type": "dash-db",
				"uri": "db/" + slug, "url": "/d/" + d.UID + "/" + slug})
		}
	}
	writeJSON(w, http.StatusOK, out)
}
