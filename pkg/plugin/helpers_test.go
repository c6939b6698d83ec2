package plugin

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func newDS(t testing.TB, url, jsonData string, secure map[string]string) *Datasource {
	t.Helper()
	inst, err := NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "dsuid", Name: "AppMon", Type: PluginID, URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: secure,
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := inst.(*Datasource)
	t.Cleanup(ds.Dispose)
	return ds
}

func dataQuery(refID, model string) backend.DataQuery {
	now := time.Now()
	return backend.DataQuery{RefID: refID, JSON: json.RawMessage(model), TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, MaxDataPoints: 500, Interval: time.Minute}
}

type resourceResult struct {
	Status int
	Body   []byte
}

func callResource(t testing.TB, ds *Datasource, path string) resourceResult {
	t.Helper()
	var res resourceResult
	p, _, _ := strings.Cut(path, "?")
	err := ds.CallResource(context.Background(), &backend.CallResourceRequest{Method: "GET", Path: p, URL: path},
		backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
			res.Status = r.Status
			res.Body = append(res.Body, r.Body...)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return res
}
