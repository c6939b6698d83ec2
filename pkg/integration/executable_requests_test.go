package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"

	"github.com/appmon/monitoring/pkg/plugin"
)

const (
	// grafanaVersion is the Grafana the requests pretend to come from
	// (plugin.json requires >=12.3.0).
	grafanaVersion = "12.3.0"
	// rpcTimeout bounds every gRPC call so a hung plugin fails the test.
	rpcTimeout = 30 * time.Second
)

// dataSource is one configured AppMon data source as Grafana stores it.
type dataSource struct {
	id             int64
	uid, url       string
	jsonData       string
	secureJSONData map[string]string
}

// settings is the DataSourceInstanceSettings Grafana sends with every
// call, secrets already decrypted. Distinct id/uid per data source: the
// SDK caches one instance per id, uid and Grafana config.
func (d dataSource) settings(updated time.Time) *pluginv2.DataSourceInstanceSettings {
	return &pluginv2.DataSourceInstanceSettings{
		Id: d.id, Uid: d.uid, Name: "AppMon " + d.uid, Url: d.url,
		JsonData: []byte(d.jsonData), DecryptedSecureJsonData: d.secureJSONData,
		LastUpdatedMS: updated.UnixMilli(),
	}
}

// grafanaCaller builds requests the way Grafana's plugin client does.
type grafanaCaller struct {
	p             *pluginProcess
	pluginVersion string
	updated       time.Time
}

func (g grafanaCaller) pluginContext(ds dataSource) *pluginv2.PluginContext {
	return &pluginv2.PluginContext{
		OrgId:         1,
		PluginId:      plugin.PluginID,
		PluginVersion: g.pluginVersion,
		User:          &pluginv2.User{Login: "admin", Name: "admin", Email: "admin@localhost", Role: "Admin"},
		UserAgent:     fmt.Sprintf("Grafana/%s (%s; %s)", grafanaVersion, runtime.GOOS, runtime.GOARCH),
		// A few of the settings Grafana forwards on every request; the
		// backend reads GF_RESPONSE_LIMIT (0: no limit).
		GrafanaConfig: map[string]string{
			"GF_APP_URL":                   "http://127.0.0.1:3000/",
			"GF_CONCURRENT_QUERY_COUNT":    "10",
			"GF_USER_FACING_DEFAULT_ERROR": "Please inspect the Grafana server log for details.",
			"GF_RESPONSE_LIMIT":            "0",
		},
		DataSourceInstanceSettings: ds.settings(g.updated),
	}
}

func (g grafanaCaller) checkHealth(t *testing.T, ds dataSource) *pluginv2.CheckHealthResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	res, err := g.p.diagnostics.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: g.pluginContext(ds)})
	if err != nil {
		t.Fatalf("CheckHealth over gRPC: %v", err)
	}
	return res
}

func (g grafanaCaller) queryData(t *testing.T, ds dataSource, queries ...*pluginv2.DataQuery) *pluginv2.QueryDataResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	res, err := g.p.data.QueryData(ctx, &pluginv2.QueryDataRequest{PluginContext: g.pluginContext(ds), Queries: queries})
	if err != nil {
		t.Fatalf("QueryData over gRPC: %v", err)
	}
	return res
}

// resourceResponse is a CallResource answer with its streamed body joined.
type resourceResponse struct {
	code    int
	headers map[string][]string
	body    []byte
}

// callResource sends GET /api/datasources/uid/<uid>/resources/<pathAndQuery>
// as Grafana forwards it and reads the answer stream to its end.
func (g grafanaCaller) callResource(t *testing.T, ds dataSource, path, rawQuery string) resourceResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	url := path
	if rawQuery != "" {
		url += "?" + rawQuery
	}
	stream, err := g.p.resource.CallResource(ctx, &pluginv2.CallResourceRequest{
		PluginContext: g.pluginContext(ds), Method: "GET", Path: path, Url: url,
		Headers: map[string]*pluginv2.StringList{"Accept": {Values: []string{"application/json"}}},
	})
	if err != nil {
		t.Fatalf("CallResource %s over gRPC: %v", path, err)
	}
	var out resourceResponse
	for first := true; ; first = false {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("CallResource %s stream: %v", path, err)
		}
		if first {
			out.code = int(chunk.Code)
			out.headers = map[string][]string{}
			for k, v := range chunk.Headers {
				out.headers[k] = v.Values
			}
		}
		out.body = append(out.body, chunk.Body...)
	}
	if out.headers == nil {
		t.Fatalf("CallResource %s: the plugin sent no response", path)
	}
	return out
}

// grafanaQuery is a panel query over the last rng as Grafana sends it:
// the saved model plus refId and datasource, queryType copied out of it.
func grafanaQuery(refID, queryType, model string, ds dataSource, rng time.Duration) *pluginv2.DataQuery {
	var m map[string]any
	if err := json.Unmarshal([]byte(model), &m); err != nil {
		panic("test query model is not JSON: " + err.Error())
	}
	m["refId"], m["queryType"] = refID, queryType
	m["datasource"] = map[string]string{"type": plugin.PluginID, "uid": ds.uid}
	m["intervalMs"], m["maxDataPoints"] = 60000, 500
	body, _ := json.Marshal(m)
	now := time.Now()
	return &pluginv2.DataQuery{
		RefId: refID, QueryType: queryType, Json: body,
		IntervalMS: 60000, MaxDataPoints: 500,
		TimeRange: &pluginv2.TimeRange{FromEpochMS: now.Add(-rng).UnixMilli(), ToEpochMS: now.UnixMilli()},
	}
}
