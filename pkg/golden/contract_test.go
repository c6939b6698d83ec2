package golden

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/query"
)

// TestGoldenFramesFollowTheContract: every frame of a golden response that
// the contract names has the contract's fields, so the files the frontend
// tests read are the contract's frames.
func TestGoldenFramesFollowTheContract(t *testing.T) {
	specs := map[string]frames.FrameSpec{}
	for _, s := range frames.Contract {
		specs[s.Name] = s
	}
	runner := newRunner(t, fakeapi.New(t).URL)
	checked := map[string]bool{}
	for _, c := range cases {
		q, err := query.Parse(backend.DataQuery{
			RefID: "A", QueryType: c.queryType, JSON: json.RawMessage(c.model),
			TimeRange: backend.TimeRange{From: now.Add(-time.Hour), To: now}, Interval: time.Minute, MaxDataPoints: 500,
		})
		if err != nil {
			t.Fatal(err)
		}
		out, err := runner.Run(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if c.name == cases[0].name {
			for _, fc := range fleetCases { // fleet_test.go
				out = append(out, fleetFrames(t, runner, fc.queryType, fc.view)...)
			}
		}
		for _, f := range out {
			spec, ok := specs[f.Name]
			if !ok {
				continue
			}
			checked[f.Name] = true
			if len(f.Fields) != len(spec.Fields) {
				t.Fatalf("%s: %s has %d fields, the contract %d", c.name, f.Name, len(f.Fields), len(spec.Fields))
			}
			for i, fs := range spec.Fields {
				if f.Fields[i].Name != fs.Name || f.Fields[i].Type() != fs.Type {
					t.Errorf("%s: %s field %d is %s (%s), the contract says %s (%s)", c.name, f.Name, i, f.Fields[i].Name, f.Fields[i].Type(), fs.Name, fs.Type)
				}
			}
		}
	}
	for name := range specs {
		if !checked[name] {
			t.Errorf("no golden response has a %s frame; add a case", name)
		}
	}
}
