package integration

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// One instance answers 503 and one too slowly: the panel shows the third
// and says, per instance, what went wrong, in the user's words.
func TestFleetInstanceFaults(t *testing.T) {
	requireAdmin(t)
	s, err := testserver.Start(testserver.Options{Instances: 3, HistoryDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	ctx := context.Background()
	if _, err := s.AddFaultAt(ctx, 1, testserver.Fault{Endpoint: "/api/monitoring/uptime", Mode: "status", Status: 503}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFaultAt(ctx, 2, testserver.Fault{Endpoint: "/api/monitoring/uptime", Mode: "latency", LatencyMs: 3000}); err != nil {
		t.Fatal(err)
	}
	ds := newDS(t, s.URLs[0], fmt.Sprintf(`{"retries":0,"timeoutSeconds":1,"fleet":{"instances":[%q,%q,%q]}}`, s.URLs[0], s.URLs[1], s.URLs[2]), s.APIKey)
	start := time.Now()
	res := queryAs(t, ds, nil, modelQuery(`{"queryType":"uptime","fleetView":"fleet"}`, time.Hour))
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("the slow instance held the answer %v: its timeout is 1 s", took)
	}
	if got := text(t, frameNamed(t, res.Frames, "fleet_uptime"), "summary", 0); got != "1 of 3 up" {
		t.Errorf("summary %q", got)
	}
	// One warning names both, and it is the last one: Grafana's panel
	// header shows only the last notice of each severity.
	want := fmt.Sprintf("2 instances gave no data: %s answered 503 Service Unavailable for /api/monitoring/uptime; %s did not answer (no answer within 1s); showing 1 of 3 instances",
		hostPort(s.URLs[1]), hostPort(s.URLs[2]))
	requireNotice(t, res.Frames, want)
	if ns := res.Frames[0].Meta.Notices; ns[len(ns)-1].Text != want {
		t.Errorf("the failing instances' notice is not the last: %v", ns)
	}
}
