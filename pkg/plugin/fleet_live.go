package plugin

import (
	"context"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/query"
)

// fleetStreamPrefix marks the live paths of fleet-view queries: their
// stream sends the instances combined.
const fleetStreamPrefix = "fleet/"

// parseStreamPath reads a live path, with or without the fleet marker.
func parseStreamPath(path string) (query.Query, bool, error) {
	rest, fleetView := strings.CutPrefix(path, fleetStreamPrefix)
	q, err := query.ParseLivePath(rest)
	return q, fleetView, err
}

// liveFrame is one tick of a stream: the data source URL's current
// values, or every instance's in one wide frame.
func (d *Datasource) liveFrame(ctx context.Context, q query.Query, fleetView bool) (*data.Frame, error) {
	if d.fleet == nil && !fleetView {
		return d.runner.LiveFrame(ctx, q)
	}
	results, err := d.liveResults(ctx, func(ctx context.Context, r *query.Runner) (data.Frames, error) {
		f, err := r.LiveFrame(ctx, q)
		return data.Frames{f}, err
	})
	if err != nil {
		return nil, err
	}
	answered, failed := fleet.Split(results)
	if len(answered) == 0 {
		return nil, allFailed(failed)
	}
	out := fleet.Wide(answered, fleetView)
	fleet.Annotate(data.Frames{out}, failureNotices(failed, len(results))...)
	return out, nil
}

// liveQuery answers a live query of QueryData: current values in one wide
// frame and the channel of the stream that updates them.
func (d *Datasource) liveQuery(ctx context.Context, q query.Query) (data.Frames, error) {
	results, err := d.liveResults(ctx, func(ctx context.Context, r *query.Runner) (data.Frames, error) {
		return r.Run(ctx, q)
	})
	if err != nil {
		return nil, err
	}
	answered, failed := fleet.Split(results)
	if len(answered) == 0 {
		return nil, allFailed(failed)
	}
	var channel string
	if fs := answered[0].Frames; len(fs) > 0 && fs[0].Meta != nil {
		channel = fs[0].Meta.Channel
	}
	fleetView := q.FleetView == query.FleetView
	out := fleet.Wide(answered, fleetView)
	if fleetView && channel != "" {
		// ds/<uid>/<path> -> ds/<uid>/fleet/<path>
		if i := strings.Index(channel, "/"+d.runner.DataSourceUID+"/"); i >= 0 {
			cut := i + len(d.runner.DataSourceUID) + 2
			channel = channel[:cut] + fleetStreamPrefix + channel[cut:]
		}
	}
	if out.Meta == nil {
		out.Meta = &data.FrameMeta{}
	}
	out.Meta.Channel = channel
	fleet.Annotate(data.Frames{out}, failureNotices(failed, len(results))...)
	return data.Frames{out}, nil
}

// liveResults runs fn on the data source URL's runner (a single instance)
// or on every member of the fleet.
func (d *Datasource) liveResults(ctx context.Context, fn func(context.Context, *query.Runner) (data.Frames, error)) ([]fleet.Result, error) {
	if d.fleet == nil {
		out, err := fn(ctx, d.runner)
		if err != nil {
			return nil, err
		}
		return []fleet.Result{{Instance: fleet.InstanceOf(d.settings.BaseURL), Frames: out}}, nil
	}
	members, err := d.fleet.current(ctx)
	if err != nil {
		return nil, listError(err)
	}
	return fleet.FanOut(ctx, instanceNames(members), d.fleet.sem, func(ctx context.Context, i int) (data.Frames, error) {
		return fn(ctx, members[i].runner)
	}), nil
}
