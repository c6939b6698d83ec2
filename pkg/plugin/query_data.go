package plugin

import (
	"context"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/experimental/concurrent"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/query"
)

// maxConcurrentQueries bounds the queries of one request run at once.
const maxConcurrentQueries = 10

// queryData (QueryData, redacted, in redact_boundary.go) runs each query
// independently: a failing endpoint fails only the queries that need it.
// Queries of one request that need the same upstream URL share one fetch.
func (d *Datasource) queryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	if d.configErr != nil {
		resp := backend.NewQueryDataResponse()
		for _, q := range req.Queries {
			resp.Responses[q.RefID] = errorResponse(d.configErr)
		}
		return resp, nil
	}
	ctx = client.WithRequestScope(ctx)
	fromAlert := isFromAlert(req.Headers)
	if len(req.Queries) == 1 {
		// Grafana sends one request per panel, usually with one query:
		// run it inline, without the worker pool.
		q := req.Queries[0]
		resp := backend.NewQueryDataResponse()
		resp.Responses[q.RefID] = d.querySafely(ctx, concurrent.Query{PluginContext: req.PluginContext, Headers: req.GetHTTPHeaders(), DataQuery: q}, fromAlert)
		return resp, nil
	}
	return concurrent.QueryData(ctx, req, func(ctx context.Context, cq concurrent.Query) backend.DataResponse {
		return d.queryOne(ctx, cq, fromAlert)
	}, maxConcurrentQueries)
}

// isFromAlert reports whether Grafana's alerting engine sent the request:
// it sets the header "FromAlert: true" (backend.FromAlertHeaderName) in
// the request's plain header map, which GetHTTPHeaders does not return.
// The "http_" spelling of forwarded headers is accepted too.
func isFromAlert(headers map[string]string) bool {
	for k, v := range headers {
		k = strings.TrimPrefix(k, "http_")
		if strings.EqualFold(k, backend.FromAlertHeaderName) && strings.EqualFold(strings.TrimSpace(v), "true") {
			return true
		}
	}
	return false
}

// querySafely turns a panic in one query into that query's error, as the
// SDK's concurrent runner does for multi-query requests.
func (d *Datasource) querySafely(ctx context.Context, cq concurrent.Query, fromAlert bool) (res backend.DataResponse) {
	defer func() {
		if r := recover(); r != nil {
			d.log(ctx).Error("query panicked", "refId", cq.DataQuery.RefID, "panic", fmt.Sprint(r))
			res = backend.DataResponse{Error: fmt.Errorf("internal error in the AppMon data source: %v", r), Status: backend.StatusInternal, ErrorSource: backend.ErrorSourcePlugin}
		}
	}()
	return d.queryOne(ctx, cq, fromAlert)
}

func (d *Datasource) queryOne(ctx context.Context, cq concurrent.Query, fromAlert bool) backend.DataResponse {
	q, err := query.Parse(cq.DataQuery)
	if err != nil {
		return errorResponse(err)
	}
	q.FromAlert = fromAlert
	frames, err := d.runQuery(ctx, q)
	if err != nil {
		d.log(ctx).Debug("query failed", "refId", q.RefID, "queryType", q.Type, "error", err.Error())
		return errorResponse(err)
	}
	return backend.DataResponse{Frames: frames}
}
