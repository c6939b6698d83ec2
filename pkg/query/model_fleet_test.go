package query

import (
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestParseFleetView(t *testing.T) {
	for raw, want := range map[string]string{"": FleetInstances, "instances": FleetInstances, " Fleet ": FleetView} {
		q, err := Parse(backend.DataQuery{JSON: []byte(`{"fleetView":"` + raw + `"}`)})
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if q.FleetView != want {
			t.Errorf("%q: fleet view %q, want %q", raw, q.FleetView, want)
		}
	}
	_, err := Parse(backend.DataQuery{JSON: []byte(`{"queryType":"health","fleetView":"cluster"}`)})
	if err == nil || !strings.Contains(err.Error(), `unknown fleet view "cluster": use instances`) {
		t.Errorf("bad fleet view: %v", err)
	}
}
