package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
)

// Option is a picker entry / template variable value.
type Option struct {
	Value       string `json:"value"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
}

// routes are the resource calls of the editors, template variables, panels
// and app pages.
func (d *Datasource) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /categories", d.handle(d.categories))
	mux.HandleFunc("GET /metrics", d.handle(d.metricNames))
	mux.HandleFunc("GET /services", d.handle(d.services))
	mux.HandleFunc("GET /severities", d.handle(severities))
	mux.HandleFunc("GET /objectives", d.handle(d.objectives))
	mux.HandleFunc("GET /oncall/schedule", d.handle(d.oncallSchedule))
	mux.HandleFunc("GET /sla-report", d.handle(d.slaReport))
	mux.HandleFunc("POST /preview", d.preview) // resources_preview.go
	mux.HandleFunc("GET /actions", d.actions)
	mux.HandleFunc("POST /actions/acknowledge", d.serveAction(acknowledgeAction))
	mux.HandleFunc("POST /actions/test-alert", d.serveAction(testAlertAction))
	mux.HandleFunc("POST /actions/test-channel", d.serveAction(testChannelAction))
	mux.HandleFunc("POST /validate/objectives", d.validateObjectives)
	mux.HandleFunc("POST /validate/schedule", d.validateSchedule)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("unknown resource %s %s: use GET /categories, /metrics, /services, /severities, /objectives, /oncall/schedule, /sla-report or /actions; POST /preview, /actions/acknowledge, /actions/test-alert, /actions/test-channel, /validate/objectives or /validate/schedule", r.Method, r.URL.Path))
	})
	return mux
}

// handle adapts a handler returning (value, error) and maps errors to
// statuses. Upstream failures are 502 with the message, never the
// upstream's own 401/403: Grafana's frontend would read those as the
// user's Grafana session failing.
func (d *Datasource) handle(fn func(ctx context.Context, r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if d.configErr != nil {
			writeError(w, http.StatusBadRequest, d.configErr.Error())
			return
		}
		v, err := fn(r.Context(), r)
		if err != nil {
			var ce *client.Error
			var bq *query.BadQueryError
			switch {
			case errors.As(err, &bq):
				writeError(w, http.StatusBadRequest, err.Error())
			case errors.As(err, &ce):
				writeError(w, http.StatusBadGateway, err.Error())
			default:
				d.log(r.Context()).Error("resource call failed", "path", r.URL.Path, "error", err.Error())
				writeError(w, http.StatusInternalServerError, err.Error())
			}
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// categories lists the categories the server reports metrics in,
// contract order first.
func (d *Datasource) categories(ctx context.Context, _ *http.Request) (any, error) {
	m, err := d.runner.FetchMetrics(ctx, "")
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, mt := range m.Metrics {
		if mt.Category != "" {
			counts[mt.Category]++
		}
	}
	out := []Option{}
	for _, c := range parse.Categories {
		if n, ok := counts[c]; ok {
			out = append(out, Option{Value: c, Label: c, Description: plural(n, "metric")})
			delete(counts, c)
		}
	}
	rest := make([]string, 0, len(counts))
	for c := range counts {
		rest = append(rest, c)
	}
	sort.Strings(rest)
	for _, c := range rest {
		out = append(out, Option{Value: c, Label: c, Description: plural(counts[c], "metric")})
	}
	return out, nil
}

// metricNames lists metric names (optionally of one category) with unit
// and description.
func (d *Datasource) metricNames(ctx context.Context, r *http.Request) (any, error) {
	cat := strings.TrimSpace(r.URL.Query().Get("category"))
	if strings.EqualFold(cat, "all") {
		cat = ""
	}
	m, err := d.runner.FetchMetrics(ctx, cat)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := []Option{}
	ms := append([]parse.Metric(nil), m.Metrics...)
	parse.SortMetrics(ms)
	for _, mt := range ms {
		if seen[mt.Name] {
			continue
		}
		seen[mt.Name] = true
		desc := mt.Description
		if mt.Unit != "" {
			desc = strings.TrimSpace(desc + " (" + mt.Unit + ")")
		}
		out = append(out, Option{Value: mt.Name, Label: mt.Name, Description: desc})
	}
	return out, nil
}

// services lists the dependencies the health check reports.
func (d *Datasource) services(ctx context.Context, _ *http.Request) (any, error) {
	h, _, err := d.runner.FetchHealth(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Option, 0, len(h.Services))
	for _, s := range h.Services {
		out = append(out, Option{Value: s.Name, Label: s.Name, Description: s.Status})
	}
	return out, nil
}

func severities(context.Context, *http.Request) (any, error) {
	out := make([]Option, 0, len(parse.Severities))
	for _, s := range parse.Severities {
		out = append(out, Option{Value: s, Label: capitalize(s)})
	}
	return out, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
