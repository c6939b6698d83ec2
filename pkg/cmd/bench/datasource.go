package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/plugin"
)

// newDS builds a data source instance as Grafana does.
func newDS(url, apiKey, jsonData string) *plugin.Datasource {
	inst, err := plugin.NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "bench", Name: "AppMon", Type: plugin.PluginID, URL: url, JSONData: json.RawMessage(jsonData),
		DecryptedSecureJSONData: map[string]string{"apiKey": apiKey},
	})
	if err != nil {
		fail(err)
	}
	return inst.(*plugin.Datasource)
}

// query runs one query and fails the run on an error.
func query(ds *plugin.Datasource, model string) {
	now := time.Now()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{{
		RefID: "A", JSON: json.RawMessage(model), Interval: time.Minute, MaxDataPoints: 500,
		TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now},
	}}})
	if err == nil {
		err = resp.Responses["A"].Error
	}
	if err != nil {
		fail(fmt.Errorf("query %s: %w", model, err))
	}
}
