package main

import (
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
)

// Grafana's alerting API, played from fixtures in the shapes Grafana 12 documents (the same
// files the jest tests read): the Prometheus-compatible rules API and the state history API.
// The alert timeline panel reads both with the viewer's session.
var alertingFixtures = flag.String("grafana-alerting", "tests/host/grafana-alerting",
	"folder with rules.json and history.json, the answers of Grafana's alerting API")

func alertingRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/prometheus/grafana/api/v1/rules", serveRules(*alertingFixtures))
	mux.HandleFunc("GET /api/v1/rules/history", serveHistory(*alertingFixtures))
}

func readFixture(dir, name string, v any) error {
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

func serveRules(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		var body json.RawMessage
		if err := readFixture(dir, "rules.json", &body); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, body)
	}
}

// historyFrame is the data frame JSON Grafana returns: columns time (ms), line and labels.
type historyFrame struct {
	Schema json.RawMessage `json:"schema"`
	Data   struct {
		Values [3][]json.RawMessage `json:"values"`
	} `json:"data"`
}

// serveHistory answers one rule's transitions within [from, to] (Unix seconds), as Grafana
// does; like Grafana's annotation-backed history it refuses a request without ruleUID.
func serveHistory(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		uid := q.Get("ruleUID")
		if uid == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "ruleUID is required to query annotations"})
			return
		}
		from, errFrom := strconv.ParseInt(q.Get("from"), 10, 64)
		to, errTo := strconv.ParseInt(q.Get("to"), 10, 64)
		if errFrom != nil || errTo != nil || to < from {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "from and to must be Unix seconds, from before to"})
			return
		}
		var all historyFrame
		if err := readFixture(dir, "history.json", &all); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
			return
		}
		out := historyFrame{Schema: all.Schema}
		for i := range out.Data.Values {
			out.Data.Values[i] = []json.RawMessage{}
		}
		for i, rawTime := range all.Data.Values[0] {
			var ms int64
			var line struct {
				RuleUID string `json:"ruleUID"`
			}
			if json.Unmarshal(rawTime, &ms) != nil || i >= len(all.Data.Values[1]) || json.Unmarshal(all.Data.Values[1][i], &line) != nil {
				continue
			}
			if line.RuleUID != uid || ms < from*1000 || ms > to*1000 {
				continue
			}
			for c := range out.Data.Values {
				if i < len(all.Data.Values[c]) {
					out.Data.Values[c] = append(out.Data.Values[c], all.Data.Values[c][i])
				}
			}
		}
		writeJSON(w, http.StatusOK, out)
	}
}
