package plugin

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func TestFleetHealthCheck(t *testing.T) {
	a, stopped := fakeapi.New(t).URL, stoppedURL(t)
	ds := newFleetDS(t, a, fakeapi.New(t).URL, stopped)
	res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := "2 of 3 instances answered: " + instanceOf(stopped) + " did not answer (connection refused). " + instanceOf(a) + ": "
	if res.Status != backend.HealthStatusOk || !strings.HasPrefix(res.Message, want) {
		t.Fatalf("%v %q, want OK starting %q", res.Status, res.Message, want)
	}
	var details fleetHealthDetails
	if err := json.Unmarshal(res.JSONDetails, &details); err != nil {
		t.Fatal(err)
	}
	if details.Level != levelWarning || len(details.Instances) != 3 || details.Instances[2].OK || len(details.Endpoints) == 0 {
		t.Errorf("details %+v", details)
	}
}

func TestFleetHealthCheckNoneAnswers(t *testing.T) {
	x, y := stoppedURL(t), stoppedURL(t)
	ds := newFleetDS(t, x, y)
	res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != backend.HealthStatusError || !strings.HasPrefix(res.Message, "0 of 2 instances answered: ") ||
		!strings.Contains(res.Message, instanceOf(x)+" did not answer") || !strings.Contains(res.Message, instanceOf(y)+" did not answer") {
		t.Fatalf("%v %q", res.Status, res.Message)
	}
}
