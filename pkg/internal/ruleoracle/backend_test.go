package ruleoracle

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/provcheck"
	"github.com/appmon/monitoring/pkg/plugin"
)

// repoFile reads a file of the repository.
func repoFile(t testing.TB, parts ...string) []byte {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(append([]string{filepath.Dir(file), "..", "..", ".."}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// repoRules are the provisioned rules with the shipped threshold defaults.
func repoRules(t testing.TB) []Rule {
	t.Helper()
	env, err := provcheck.ParseEnvFile(repoFile(t, "provisioning", "alerting", "thresholds.env"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := Load(repoFile(t, "provisioning", "alerting", "rules.yaml.tmpl"), env)
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// newDatasource is a data source instance as Grafana builds it, without
// a response cache so each evaluation reads the server afresh.
func newDatasource(t testing.TB, url, apiKey string) *plugin.Datasource {
	t.Helper()
	inst, err := plugin.NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "appmon", Name: "AppMon", Type: plugin.PluginID, URL: url, JSONData: json.RawMessage(`{"cacheTTLSeconds":0}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": apiKey},
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := inst.(*plugin.Datasource)
	t.Cleanup(ds.Dispose)
	return ds
}

// query runs a rule's data source queries as the alerting engine sends
// them (FromAlert header, relative range ending at now, 1 s interval,
// 43200 points) and reads the answers as expression input.
func query(ctx context.Context, ds *plugin.Datasource, rule Rule, now time.Time) (map[string][]Item, error) {
	var qs []backend.DataQuery
	for _, q := range rule.Data {
		if q.IsExpression() {
			continue
		}
		var m struct {
			QueryType string `json:"queryType"`
		}
		_ = json.Unmarshal(q.Model, &m)
		qs = append(qs, backend.DataQuery{RefID: q.RefID, QueryType: m.QueryType, JSON: q.Model,
			TimeRange: backend.TimeRange{From: now.Add(-q.From), To: now.Add(-q.To)}, Interval: time.Second, MaxDataPoints: 43200})
	}
	resp, err := ds.QueryData(ctx, &backend.QueryDataRequest{Headers: map[string]string{backend.FromAlertHeaderName: "true"}, Queries: qs})
	if err != nil {
		return nil, err
	}
	out := map[string][]Item{}
	for _, q := range qs {
		r := resp.Responses[q.RefID]
		if r.Error != nil {
			return nil, fmt.Errorf("query %s: %v", q.RefID, r.Error)
		}
		out[q.RefID] = ItemsFromFrames(r.Frames)
	}
	return out, nil
}
