package plugin

import (
	"context"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/slo"
)

// sloFleet answers an slo query in the fleet view: every instance's
// inputs (history, uptime, incidents) fetched at one instant, combined
// (fleet.CombineSLOInputs) and evaluated once, so error budgets and burn
// rates are the fleet's. An instance that fails is left out with a notice.
func (d *Datasource) sloFleet(ctx context.Context, q query.Query) (data.Frames, error) {
	runners := []*query.Runner{d.runner}
	names := []string{fleet.InstanceOf(d.settings.BaseURL)}
	sem := chan struct{}(nil)
	if d.fleet != nil {
		members, err := d.fleet.current(ctx)
		if err != nil {
			return nil, listError(err)
		}
		runners, names, sem = make([]*query.Runner, len(members)), instanceNames(members), d.fleet.sem
		for i, m := range members {
			runners[i] = m.runner
		}
	}
	now := d.runner.CurrentTime().UTC()
	inputs := make([]query.SLOInputs, len(runners))
	results := fleet.FanOut(ctx, names, sem, func(ctx context.Context, i int) (data.Frames, error) {
		var err error
		inputs[i], err = runners[i].FetchSLOInputs(ctx, q, now)
		return nil, err
	})
	var (
		ins      []slo.Inputs
		insts    []string
		notices  [][]data.Notice
		requests []string
	)
	for i, r := range results {
		if r.Err != nil {
			continue
		}
		ins = append(ins, inputs[i].Inputs)
		insts = append(insts, r.Instance)
		notices = append(notices, inputs[i].Notices)
		requests = append(requests, fleet.PrefixLines(r.Instance, inputs[i].Requests)...)
	}
	answered, failed := fleet.Split(results)
	if len(answered) == 0 {
		return nil, allFailed(failed)
	}
	out, err := d.runner.AnswerSLO(q, fleet.CombineSLOInputs(ins), fleet.MergeNotices(insts, notices))
	if err != nil {
		return nil, err
	}
	if q.FromAlert && d.runner.Schedule != nil {
		query.AddOncallLabels(out, d.runner.Schedule, d.runner.CurrentTime())
	}
	if len(out) > 0 && out[0].Meta != nil {
		out[0].Meta.ExecutedQueryString = strings.Join(requests, "\n")
	}
	fleet.Annotate(out, failureNotices(failed, len(results))...)
	return out, nil
}
