package main

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

func TestFleetPanelsAskForTheView(t *testing.T) {
	for _, view := range []string{"instances", "fleet"} {
		panels, err := fleetPanels(view)
		if err != nil {
			t.Fatal(err)
		}
		if len(panels) < 20 {
			t.Fatalf("%d panels with queries in the four dashboards, want at least 20", len(panels))
		}
		for _, p := range panels {
			for _, raw := range p {
				var q struct{ QueryType, FleetView string }
				if err := json.Unmarshal(raw, &q); err != nil {
					t.Fatal(err)
				}
				if q.QueryType == "" || q.FleetView != view {
					t.Errorf("target %s: want a queryType and fleetView %q", raw, view)
				}
			}
		}
	}
}

func TestParseSizes(t *testing.T) {
	if got, err := parseSizes("100, 10,10"); err != nil || !slices.Equal(got, []int{10, 100}) {
		t.Errorf("parseSizes = %v, %v; want [10 100]", got, err)
	}
	for _, bad := range []string{"", "0,10", "10,201", "ten"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) accepted", bad)
		}
	}
}

func TestMedianRefreshTakesEachFigureOnItsOwn(t *testing.T) {
	got := medianRefresh([]fleetRefresh{
		{took: 3 * time.Second, requests: 10, peak: 5, held: 1},
		{took: 1 * time.Second, requests: 30, peak: 9, held: 3, errors: 2},
		{took: 2 * time.Second, requests: 20, peak: 7, held: 2},
	})
	want := fleetRefresh{took: 2 * time.Second, requests: 20, peak: 7, held: 2, errors: 2}
	if got != want {
		t.Errorf("medianRefresh = %+v, want %+v", got, want)
	}
}
