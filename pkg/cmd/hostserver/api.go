package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// grafana answers the subset of Grafana's HTTP API the AppMon frontend calls.
type grafana struct {
	plugin     *backendPlugin
	sources    []dataSource
	dashboards string
	version    string

	mu          sync.Mutex
	appSettings map[string]bool // plugin id -> enabled
}

func (g *grafana) routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/ds/query", g.query)
	mux.HandleFunc("GET /api/datasources", g.listDataSources)
	mux.HandleFunc("GET /api/datasources/uid/{uid}", g.getDataSource)
	mux.HandleFunc("GET /api/datasources/uid/{uid}/health", g.health)
	mux.HandleFunc("/api/datasources/uid/{uid}/resources/{path...}", g.resource)
	mux.HandleFunc("GET /api/search", g.search)
	mux.HandleFunc("GET /api/plugins/{id}/settings", g.pluginSettings)
	mux.HandleFunc("POST /api/plugins/{id}/settings", g.savePluginSettings)
	g.editRoutes(mux) // datasource_edit.go
	alertingRoutes(mux)
	// Anything else under /api/ is a call the host does not know: a 404 the driver reports.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "the host does not serve " + r.Method + " " + r.URL.Path})
	})
}

func (g *grafana) source(uid string) (dataSource, bool) {
	g.mu.Lock() // a PUT may be replacing the data source
	defer g.mu.Unlock()
	for _, d := range g.sources {
		if d.UID == uid {
			return d, true
		}
	}
	return dataSource{}, false
}

// pluginContext is what Grafana sends with every call to a data source.
func (g *grafana) pluginContext(d dataSource) (*pluginv2.PluginContext, error) {
	s, err := d.settings()
	if err != nil {
		return nil, err
	}
	return &pluginv2.PluginContext{
		OrgId: 1, PluginId: dataSourcePluginID, PluginVersion: "1.0.0",
		User:      &pluginv2.User{Login: "admin", Name: "admin", Email: "admin@localhost", Role: "Admin"},
		UserAgent: fmt.Sprintf("Grafana/%s (%s; %s)", g.version, runtime.GOOS, runtime.GOARCH),
		GrafanaConfig: map[string]string{
			"GF_APP_URL": "http://127.0.0.1:3000/", "GF_CONCURRENT_QUERY_COUNT": "10",
			"GF_USER_FACING_DEFAULT_ERROR": "Please inspect the Grafana server log for details.", "GF_RESPONSE_LIMIT": "0",
		},
		DataSourceInstanceSettings: s,
	}, nil
}

func (g *grafana) listDataSources(w http.ResponseWriter, _ *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]map[string]any, 0, len(g.sources))
	for _, d := range g.sources {
		out = append(out, d.public())
	}
	writeJSON(w, http.StatusOK, out)
}

func (g *grafana) getDataSource(w http.ResponseWriter, r *http.Request) {
	d, ok := g.source(r.PathValue("uid"))
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Data source not found"})
		return
	}
	writeJSON(w, http.StatusOK, d.public())
}

func (g *grafana) pluginSettings(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	g.mu.Lock()
	enabled := g.appSettings[id]
	g.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "enabled": enabled, "pinned": enabled, "jsonData": map[string]any{}})
}

func (g *grafana) savePluginSettings(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Enabled bool `json:"enabled"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad plugin settings: " + err.Error()})
		return
	}
	g.mu.Lock()
	g.appSettings[r.PathValue("id")] = body.Enabled
	g.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"message": "Plugin settings updated"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
