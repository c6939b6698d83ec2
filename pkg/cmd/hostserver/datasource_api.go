package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

const rpcTimeout = 30 * time.Second

// query is POST /api/ds/query: queries grouped by data source, each group one
// QueryData call, answered as Grafana does ({results: {refId: {status, frames, error}}}).
func (g *grafana) query(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Queries []json.RawMessage `json:"queries"`
		From    string            `json:"from"`
		To      string            `json:"to"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad request body: " + err.Error()})
		return
	}
	from, errFrom := strconv.ParseInt(body.From, 10, 64)
	to, errTo := strconv.ParseInt(body.To, 10, 64)
	if errFrom != nil || errTo != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "from and to must be epoch milliseconds"})
		return
	}
	groups := map[string][]*pluginv2.DataQuery{}
	for _, raw := range body.Queries {
		var q struct {
			RefID         string `json:"refId"`
			QueryType     string `json:"queryType"`
			IntervalMS    int64  `json:"intervalMs"`
			MaxDataPoints int64  `json:"maxDataPoints"`
			Datasource    struct {
				UID string `json:"uid"`
			} `json:"datasource"`
		}
		if err := json.Unmarshal(raw, &q); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "bad query: " + err.Error()})
			return
		}
		groups[q.Datasource.UID] = append(groups[q.Datasource.UID], &pluginv2.DataQuery{
			RefId: q.RefID, QueryType: q.QueryType, Json: raw, IntervalMS: q.IntervalMS, MaxDataPoints: q.MaxDataPoints,
			TimeRange: &pluginv2.TimeRange{FromEpochMS: from, ToEpochMS: to},
		})
	}
	results := map[string]any{}
	status := http.StatusOK
	for uid, queries := range groups {
		d, ok := g.source(uid)
		if !ok {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Data source " + strconv.Quote(uid) + " not found"})
			return
		}
		pc, err := g.pluginContext(d)
		if err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), rpcTimeout)
		res, err := g.plugin.data.QueryData(ctx, &pluginv2.QueryDataRequest{PluginContext: pc, Queries: queries})
		cancel()
		if err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Plugin error: " + err.Error()})
			return
		}
		for refID, dr := range res.Responses {
			out, code := dataResponseJSON(dr)
			if code >= 400 && status == http.StatusOK {
				status = code
			}
			results[refID] = out
		}
	}
	writeJSON(w, status, map[string]any{"results": results})
}

// dataResponseJSON turns the plugin's Arrow frames into the JSON frames Grafana's
// frontend receives, with the response's status and error.
func dataResponseJSON(dr *pluginv2.DataResponse) (map[string]any, int) {
	out := map[string]any{}
	code := int(dr.Status)
	if code == 0 {
		code = http.StatusOK
	}
	frames, err := data.UnmarshalArrowFrames(dr.Frames)
	if err != nil {
		out["error"] = "frames do not decode: " + err.Error()
		code = http.StatusInternalServerError
	} else {
		out["frames"] = frames
	}
	if dr.Error != "" {
		out["error"] = dr.Error
		out["errorSource"] = dr.ErrorSource
		if code < 400 {
			code = http.StatusBadRequest
		}
	}
	out["status"] = code
	return out, code
}

// requestContext finds the data source named by the request's uid and builds its
// plugin context; when it cannot, it has answered the request as Grafana does.
func (g *grafana) requestContext(w http.ResponseWriter, r *http.Request) (*pluginv2.PluginContext, bool) {
	d, ok := g.source(r.PathValue("uid"))
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Data source not found"})
		return nil, false
	}
	pc, err := g.pluginContext(d)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
		return nil, false
	}
	return pc, true
}

// health is GET /api/datasources/uid/<uid>/health: 200 with status OK, else 400.
func (g *grafana) health(w http.ResponseWriter, r *http.Request) {
	pc, ok := g.requestContext(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), rpcTimeout)
	defer cancel()
	res, err := g.plugin.diagnostics.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: pc})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Plugin health check failed: " + err.Error()})
		return
	}
	out := map[string]any{"status": res.Status.String(), "message": res.Message}
	if len(res.JsonDetails) > 0 {
		var details any
		if json.Unmarshal(res.JsonDetails, &details) == nil {
			out["details"] = details
		}
	}
	code := http.StatusOK
	if res.Status != pluginv2.CheckHealthResponse_OK {
		code = http.StatusBadRequest
	}
	writeJSON(w, code, out)
}

// resource forwards /api/datasources/uid/<uid>/resources/<path> to CallResource
// and streams the answer back.
func (g *grafana) resource(w http.ResponseWriter, r *http.Request) {
	pc, ok := g.requestContext(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
		return
	}
	path := r.PathValue("path")
	url := path
	if r.URL.RawQuery != "" {
		url += "?" + r.URL.RawQuery
	}
	headers := map[string]*pluginv2.StringList{}
	for _, k := range []string{"Accept", "Content-Type"} {
		if v := r.Header.Values(k); len(v) > 0 {
			headers[k] = &pluginv2.StringList{Values: v}
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), rpcTimeout)
	defer cancel()
	stream, err := g.plugin.resource.CallResource(ctx, &pluginv2.CallResourceRequest{
		PluginContext: pc, Method: r.Method, Path: path, Url: url, Headers: headers, Body: body,
	})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Plugin resource call failed: " + err.Error()})
		return
	}
	for first := true; ; first = false {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if first {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "the plugin sent no response"})
			}
			return
		}
		if err != nil {
			if first {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"message": err.Error()})
			}
			return
		}
		if first {
			for k, v := range chunk.Headers {
				for _, s := range v.Values {
					w.Header().Add(k, s)
				}
			}
			w.WriteHeader(int(chunk.Code))
		}
		_, _ = w.Write(chunk.Body)
	}
}
