package query

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/live"
)

// Live paths: "metrics/<category|all>[/<filter>]", "health", "uptime",
// "dashboard". The metric name filter is base64url encoded because channel
// paths only allow [A-Za-z0-9_-/=.].
const livePathAll = "all"

// checkLive refuses, at parse time, a live query Grafana Live cannot
// stream: a type whose model has no live field, or a filter a channel
// path cannot carry.
func checkLive(q Query) error {
	if !q.Live {
		return nil
	}
	if !Streams(q.Type) {
		return badQueryf("live mode streams %s queries; turn it off for %s queries", streamingTypes(), q.Type)
	}
	if !q.Endpoints.All() {
		// Channel paths carry the category and name filters only; one
		// stream serves every viewer of a path, so the filter cannot be
		// applied per panel.
		return badQueryf("live mode does not apply the endpoint filter; turn live off or clear the endpoint filter")
	}
	return nil
}

// LivePath is the Grafana Live path that streams a query's current values.
func LivePath(q Query) (string, error) {
	if err := checkLive(Query{Model: Model{LiveOptions: LiveOptions{Live: true}}, Type: q.Type, Endpoints: q.Endpoints}); err != nil {
		return "", err
	}
	if q.Type == TypeMetrics {
		cat := livePathAll
		if len(q.Categories) == 1 {
			cat = q.Categories[0]
		} else if len(q.Categories) > 1 {
			cat = strings.Join(q.Categories, ".")
		}
		p := "metrics/" + cat
		if !q.Names.All() {
			p += "/" + base64.RawURLEncoding.EncodeToString([]byte(q.Names.String()))
		}
		return p, nil
	}
	p := string(q.Type)
	if !q.Services.All() {
		p += "/" + base64.RawURLEncoding.EncodeToString([]byte(q.Services.String()))
	}
	return p, nil
}

// ParseLivePath rebuilds the query a live path streams.
func ParseLivePath(path string) (Query, error) {
	parts := strings.Split(path, "/")
	q := Query{Model: Model{LiveOptions: LiveOptions{Live: true}}}
	decode := func(s string) (Matcher, error) {
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil {
			return Matcher{}, fmt.Errorf("live path %q: bad filter encoding", path)
		}
		return NewMatcher(string(b))
	}
	switch Type(parts[0]) {
	case TypeMetrics:
		if len(parts) < 2 || len(parts) > 3 {
			return Query{}, fmt.Errorf("live path %q: want metrics/<category>[/<filter>]", path)
		}
		q.Type = TypeMetrics
		if parts[1] != livePathAll {
			cats, err := parseCategories(strings.ReplaceAll(parts[1], ".", ","))
			if err != nil {
				return Query{}, err
			}
			q.Categories = cats
		}
		if len(parts) == 3 {
			m, err := decode(parts[2])
			if err != nil {
				return Query{}, err
			}
			q.Names = m
		}
	default:
		if !Streams(Type(parts[0])) {
			return Query{}, fmt.Errorf("live path %q: unknown stream; use metrics/<category>, health, uptime or dashboard", path)
		}
		if len(parts) > 2 {
			return Query{}, fmt.Errorf("live path %q: want %s[/<service filter>]", path, parts[0])
		}
		q.Type = Type(parts[0])
		if len(parts) == 2 {
			m, err := decode(parts[1])
			if err != nil {
				return Query{}, err
			}
			q.Services = m
		}
	}
	return q, nil
}

// LiveFrame reads current values of a live query as one wide frame, the
// shape Grafana Live appends to a panel row by row.
func (r *Runner) LiveFrame(ctx context.Context, q Query) (*data.Frame, error) {
	return r.liveFrame(ctx, q, &trace{})
}

func (r *Runner) liveFrame(ctx context.Context, q Query, tr *trace) (*data.Frame, error) {
	d, ok := lookupType(q.Type)
	if !ok || d.Snapshot == nil {
		return nil, badQueryf("live mode streams %s queries; turn it off for %s queries", streamingTypes(), q.Type)
	}
	ts, ss, err := d.Snapshot(r, ctx, q, tr)
	if err != nil {
		return nil, err
	}
	return wideFrame(string(q.Type), ts, ss), nil
}

// liveFrames answers a live query: current values plus the channel the
// frontend subscribes to for updates.
func (r *Runner) liveFrames(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	path, err := LivePath(q)
	if err != nil {
		return nil, err
	}
	ch := live.Channel{Scope: live.ScopeDatasource, Namespace: r.DataSourceUID, Path: path}
	channel := ch.String()
	if !ch.IsValid() || len(channel) > 160 {
		return nil, badQueryf("this query cannot be streamed (the live channel would be %d characters, the limit is 160); shorten the metric name filter", len(channel))
	}
	f, err := r.liveFrame(ctx, q, tr)
	if err != nil {
		return nil, err
	}
	f.Meta.Channel = channel
	return data.Frames{f}, nil
}
