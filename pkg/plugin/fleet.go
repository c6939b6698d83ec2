package plugin

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/settings"
)

// fleetSet is a data source over several instances (jsonData "fleet"):
// one member per instance, each with its own client (coalescing) and
// runner, kept by instance across the source's refreshes. The in-flight
// budget, response cache and history cache are the fleet's, so the
// data source's memory settings bound it whatever its size.
type fleetSet struct {
	source   fleet.Source
	settings *settings.Settings
	mapping  *parse.Mapping
	uid      string
	shared   *client.Shared
	history  *query.HistoryCache
	// sem bounds the instance queries in flight across all of the data
	// source's queries (fleet.maxConcurrency).
	sem chan struct{}

	mu      sync.Mutex
	members map[string]*member
	closed  bool
}

// member is one instance of the fleet.
type member struct {
	target fleet.Target
	client *client.Client
	runner *query.Runner
}

func newFleetSet(st *settings.Settings, mapping *parse.Mapping, uid string) *fleetSet {
	return &fleetSet{
		source:   fleet.SourceOf(st.BaseURL, st.Fleet, fleet.DNSOptions{}),
		settings: st, mapping: mapping, uid: uid,
		shared:  client.NewShared(st),
		history: query.NewHistoryCache(st.HistoryCacheBytes),
		sem:     make(chan struct{}, max(1, st.Fleet.MaxConcurrency)),
		members: map[string]*member{},
	}
}

// current returns the members for the source's targets, in its order:
// new instances get a member, ones no longer listed are closed.
func (f *fleetSet) current(ctx context.Context) ([]*member, error) {
	targets, err := f.source.Targets(ctx)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, errors.New("the data source settings changed while the query ran; run it again")
	}
	out := make([]*member, 0, len(targets))
	keep := make(map[string]bool, len(targets))
	for _, t := range targets {
		keep[t.Instance] = true
		m := f.members[t.Instance]
		if m != nil && (m.target.BaseURL.String() != t.BaseURL.String() || m.target.ServerName != t.ServerName) {
			m.close() // same instance name, another address: start afresh
			m = nil
		}
		if m == nil {
			if m, err = f.newMember(t); err != nil {
				return nil, err
			}
			f.members[t.Instance] = m
		}
		out = append(out, m)
	}
	for name, m := range f.members {
		if !keep[name] {
			m.close()
			delete(f.members, name)
		}
	}
	return out, nil
}

func (f *fleetSet) newMember(t fleet.Target) (*member, error) {
	c, err := client.NewForInstance(f.settings, t.BaseURL, t.ServerName)
	if err != nil {
		return nil, err
	}
	c.SetMapping(f.mapping)
	c.Share(f.shared)
	st := f.settings
	return &member{target: t, client: c, runner: &query.Runner{
		Client: c, DataSourceUID: f.uid, Objectives: st.Objectives, Schedule: st.Schedule,
		History: f.history,
	}}, nil
}

// notice is the source's remark on its answer (DNS served an older list).
func (f *fleetSet) notice() string {
	if n, ok := f.source.(fleet.Noticer); ok {
		return n.Notice()
	}
	return ""
}

func (f *fleetSet) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.members {
		m.close()
	}
	clear(f.members)
	if !f.closed {
		f.shared.Close()
	}
	f.closed = true
}

func (m *member) close() { m.client.Close() }

// instanceNames lists the members' instance labels.
func instanceNames(ms []*member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.target.Instance
	}
	return slices.Clip(out)
}
