package golden

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/experimental"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/query"
)

// fleetCases are the fleet views whose frames only a fleet answers: two
// instances answering (the same fake) out of three.
var fleetCases = []struct {
	name, queryType string
	view            func([]fleet.Result, int, fleet.Keep) data.Frames
}{
	{"fleet_health", "health", fleet.Health},
	{"fleet_uptime", "uptime", fleet.Uptime},
}

func fleetFrames(t *testing.T, runner *query.Runner, queryType string, view func([]fleet.Result, int, fleet.Keep) data.Frames) data.Frames {
	t.Helper()
	q, err := query.Parse(backend.DataQuery{
		RefID: "A", QueryType: queryType, JSON: json.RawMessage(`{"fleetView":"fleet"}`),
		TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, Interval: time.Minute, MaxDataPoints: 500,
	})
	if err != nil {
		t.Fatal(err)
	}
	var answered []fleet.Result
	for _, inst := range []string{"10.0.0.1:4000", "10.0.0.2:4000"} {
		out, err := runner.Run(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range out {
			if f.Meta != nil {
				f.Meta.ExecutedQueryString = "" // fetch order varies; not contract
			}
		}
		answered = append(answered, fleet.Result{Instance: inst, Frames: out})
	}
	return view(answered, 3, nil)
}

func TestGoldenFleetFrames(t *testing.T) {
	runner := newRunner(t, fakeapi.New(t).URL)
	for _, c := range fleetCases {
		t.Run(c.name, func(t *testing.T) {
			frames := fleetFrames(t, runner, c.queryType, c.view)
			for _, f := range frames {
				f.RefID = "A"
			}
			experimental.CheckGoldenJSONResponse(t, "testdata", c.name, &backend.DataResponse{Frames: frames}, *update)
		})
	}
}
