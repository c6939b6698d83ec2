package plugin

import (
	"context"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// The burn-rate rule as Grafana's alerting evaluates it, against a server
// without metric history: a successful response whose frame has no rows
// (NoData), never an error and never fast_burn = 0.
func TestBurnRuleWithoutHistoryThroughQueryData(t *testing.T) {
	fake := fakeapi.New(t)
	fake.Extensions = []string{"alerts.history", "incidents"}
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{
		Headers: map[string]string{backend.FromAlertHeaderName: "true"},
		Queries: []backend.DataQuery{dataQuery("A", `{"queryType":"slo","sloField":"fast_burn"}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil || len(r.Frames) != 1 {
		t.Fatalf("err=%v frames=%d", r.Error, len(r.Frames))
	}
	if f := r.Frames[0]; f.Rows() != 0 {
		fb, _ := f.FieldByName("fast_burn")
		t.Fatalf("%d rows (fast_burn %v), want none", f.Rows(), fb.At(0))
	}
}
