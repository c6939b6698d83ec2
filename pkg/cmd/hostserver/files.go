package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// pluginInfo is one plugin of the bundle: the root app and its nested plugins.
type pluginInfo struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Dir    string `json:"dir"`    // relative to dist/
	Module string `json:"module"` // the URL Grafana imports
}

// findPlugins reads every plugin.json under dist/.
func findPlugins(dist string) ([]pluginInfo, error) {
	var out []pluginInfo
	err := filepath.WalkDir(dist, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() != "plugin.json" {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var meta struct{ ID, Type string }
		if err := json.Unmarshal(raw, &meta); err != nil || meta.ID == "" {
			return fmt.Errorf("%s: not a plugin.json with an id: %v", path, err)
		}
		rel, _ := filepath.Rel(dist, filepath.Dir(path))
		out = append(out, pluginInfo{ID: meta.ID, Type: meta.Type, Dir: filepath.ToSlash(rel), Module: "/public/plugins/" + meta.ID + "/module.js"})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no plugin.json under %s: build the bundle first (npm run build:frontend)", dist)
	}
	slices.SortFunc(out, func(a, b pluginInfo) int { return strings.Compare(a.Dir, b.Dir) })
	return out, nil
}

// serveFiles serves each plugin's folder at /public/plugins/<id>/ as Grafana does
// (a nested plugin's own folder, not the bundle root), and the host page from static.
func serveFiles(mux *http.ServeMux, dist string, plugins []pluginInfo, static string) {
	for _, p := range plugins {
		prefix := "/public/plugins/" + p.ID + "/"
		mux.Handle(prefix, noStore(http.StripPrefix(prefix, http.FileServer(http.Dir(filepath.Join(dist, p.Dir))))))
	}
	// The host page's 20 MB of shared modules may be cached between cases of one run.
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=3600")
		http.FileServer(http.Dir(static)).ServeHTTP(w, r)
	}))
}

func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}
