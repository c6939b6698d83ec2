package plugin

import (
	"context"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/query"
)

// runQuery answers one parsed query: from the data source URL, or from
// every instance of the fleet. A single-instance data source answers the
// fleet view over its one instance, so fleet dashboards work anywhere.
func (d *Datasource) runQuery(ctx context.Context, q query.Query) (data.Frames, error) {
	if q.Live && (d.fleet != nil || q.FleetView == query.FleetView) {
		return d.liveQuery(ctx, q) // fleet_live.go
	}
	if q.Type == query.TypeSLO && q.FleetView == query.FleetView {
		return d.sloFleet(ctx, q) // fleet_slo.go
	}
	if d.fleet == nil {
		if q.FleetView != query.FleetView {
			return d.runner.Run(ctx, q)
		}
		mq := memberQuery(q)
		out, err := d.runner.Run(ctx, mq)
		if err != nil {
			return nil, err
		}
		return fleetView(q, []fleet.Result{{Instance: fleet.InstanceOf(d.settings.BaseURL), Frames: out}}, 1), nil
	}
	if q.Type == query.TypeOncall && q.OncallView != query.OncallViewEscalation {
		// Read from the settings alone: once, not once per instance.
		return d.runner.Run(ctx, q)
	}
	members, err := d.fleet.current(ctx)
	if err != nil {
		return nil, listError(err)
	}
	mq := memberQuery(q)
	results := fleet.FanOut(ctx, instanceNames(members), d.fleet.sem, func(ctx context.Context, i int) (data.Frames, error) {
		return members[i].runner.Run(ctx, mq)
	})
	answered, failed := fleet.Split(results)
	for _, r := range failed {
		d.log(ctx).Debug("instance failed", "refId", q.RefID, "instance", r.Instance, "error", r.Err.Error())
	}
	if len(answered) == 0 {
		if len(failed) == 0 {
			return nil, listError(errNoInstances)
		}
		return nil, allFailed(failed)
	}
	out := fleetView(q, answered, len(results))
	// The failing instances go last: Grafana's panel header shows the last
	// warning.
	var notices []data.Notice
	if n := d.fleet.notice(); n != "" {
		notices = append(notices, data.Notice{Severity: data.NoticeSeverityWarning, Text: n})
	}
	notices = append(notices, failureNotices(failed, len(results))...)
	fleet.Annotate(out, notices...)
	return out, nil
}

// memberQuery is what each instance runs. The health and uptime fleet
// views count healthy and up instances from the status series, so the
// instances answer in full and the view applies the filters.
func memberQuery(q query.Query) query.Query {
	if q.FleetView == query.FleetView && (q.Type == query.TypeHealth || q.Type == query.TypeUptime) {
		q.Names, _ = query.NewMatcher("")
		q.Services, _ = query.NewMatcher("")
	}
	return q
}

// fleetView combines the answering instances' frames as the query asks.
func fleetView(q query.Query, answered []fleet.Result, total int) data.Frames {
	if q.Type == query.TypeOncall {
		return oncallView(answered)
	}
	if q.FleetView != query.FleetView {
		return fleet.Instances(answered)
	}
	keep := func(name string, labels data.Labels) bool {
		svc, isService := labels["service"]
		if isService && !q.Services.Match(svc) || !isService && !q.Services.All() {
			return false
		}
		return q.Names.Match(name)
	}
	switch q.Type {
	case query.TypeHealth:
		return fleet.Health(answered, total, keep)
	case query.TypeUptime:
		return fleet.Uptime(answered, total, keep)
	case query.TypeAlerts:
		return fleet.Instances(answered) // the union: every instance's alerts, each with its instance
	}
	return fleet.Series(answered)
}

// oncallView: escalations of every instance's open alerts; the escalation
// policy comes from the settings, so it is shown once.
func oncallView(answered []fleet.Result) data.Frames {
	var policy *data.Frame
	for i, r := range answered {
		kept := r.Frames[:0:0]
		for _, f := range r.Frames {
			if f.Name == frames.FrameEscalationPolicy {
				if policy == nil {
					policy = f
				}
				continue
			}
			kept = append(kept, f)
		}
		answered[i].Frames = kept
	}
	out := fleet.Instances(answered)
	if policy != nil {
		out = append(out, policy)
	}
	return out
}
