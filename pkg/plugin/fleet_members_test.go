package plugin

import (
	"context"
	"net/url"
	"sync"
	"testing"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// listSource is a Source whose list a test changes, as DNS refreshes do.
type listSource struct {
	mu      sync.Mutex
	targets []fleet.Target
}

func (s *listSource) Targets(context.Context) ([]fleet.Target, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]fleet.Target(nil), s.targets...), nil
}

func (s *listSource) set(ts ...fleet.Target) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.targets = ts
}

func target(t *testing.T, raw, serverName string) fleet.Target {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return fleet.Target{Instance: fleet.InstanceOf(u), BaseURL: u, ServerName: serverName}
}

// Members live as long as their instance is listed: a refresh keeps the
// ones still listed (with their caches), adds new ones and closes the
// rest; an instance listed at another address starts afresh.
func TestFleetMembersFollowTheSource(t *testing.T) {
	a, b, c := fakeapi.New(t).URL, fakeapi.New(t).URL, fakeapi.New(t).URL
	ds := newFleetDS(t, a, b)
	src := &listSource{}
	ds.fleet.source = src
	ctx := context.Background()

	src.set(target(t, a, ""), target(t, b, ""))
	first, err := ds.fleet.current(ctx)
	if err != nil || len(first) != 2 {
		t.Fatalf("%v %d", err, len(first))
	}
	src.set(target(t, b, ""), target(t, c, "app.internal"))
	second, err := ds.fleet.current(ctx)
	if err != nil || len(second) != 2 {
		t.Fatalf("%v %d", err, len(second))
	}
	if second[0] != first[1] {
		t.Error("the instance still listed lost its member (and its cache)")
	}
	if second[1].target.ServerName != "app.internal" {
		t.Errorf("server name %q", second[1].target.ServerName)
	}
	if _, kept := ds.fleet.members[fleet.InstanceOf(first[0].target.BaseURL)]; kept || len(ds.fleet.members) != 2 {
		t.Errorf("members %v: the unlisted instance must be closed and dropped", ds.fleet.members)
	}
	res := queryFleet(t, ds, `{"queryType":"uptime","metricName":"uptime.percentage"}`, nil)
	if res.Error != nil || len(res.Frames) != 2 {
		t.Fatalf("%v, %d series", res.Error, len(res.Frames))
	}
	ds.Dispose()
	if _, err := ds.fleet.current(ctx); err == nil {
		t.Error("a disposed data source made new members")
	}
}
