package query

import (
	"context"
	"fmt"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/slo"
)

// SLOInputs is what one instance of a fleet contributes to an slo query:
// its inputs to the objectives, and the notices and requests of fetching
// them.
type SLOInputs struct {
	Inputs   slo.Inputs
	Notices  []data.Notice
	Requests []string
}

// FetchSLOInputs fetches from this runner's instance what the query's
// objectives need at now, for a fleet that evaluates them once over every
// instance's inputs combined (AnswerSLO).
func (r *Runner) FetchSLOInputs(ctx context.Context, q Query, now time.Time) (SLOInputs, error) {
	objs, err := r.selectObjectives(q)
	if err != nil || len(objs) == 0 {
		return SLOInputs{Inputs: slo.Inputs{Now: now}}, err
	}
	tr := &trace{}
	in, err := r.sloInputs(ctx, withSLOWindow(objs, q.SloWindow), now, tr)
	return SLOInputs{Inputs: in, Notices: tr.notices, Requests: tr.requests}, err
}

// AnswerSLO evaluates the query's objectives over in (a fleet's combined
// inputs) and answers as the slo query does, notices on the first frame.
func (r *Runner) AnswerSLO(q Query, in slo.Inputs, notices []data.Notice) (data.Frames, error) {
	objs, err := r.selectObjectives(q)
	if err != nil {
		return nil, err
	}
	objs = withSLOWindow(objs, q.SloWindow)
	tr := &trace{}
	if len(r.Objectives) == 0 {
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("No SLO objectives are configured: the data source settings have an empty jsonData.%s list; remove it for the defaults or add objectives.", slo.JSONDataKey))
	}
	for _, n := range notices {
		tr.notice(n.Severity, n.Text)
	}
	var results []slo.Result
	if len(objs) > 0 {
		results = slo.Evaluate(objs, in)
	}
	out := sloAnswer(q, results, tr)
	tr.annotate(out)
	return out, nil
}
