package query

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/slo"
)

// maxTrendPoints bounds the trend frames whatever MaxDataPoints asks for.
const maxTrendPoints = maxPointsPerSeries

// sloFieldNames lists the columns of the "slo" frame a query may pick with
// sloField: every number, plus compliant (returned as 1/0).
var sloFieldNames = sync.OnceValue(func() []string {
	var names []string
	for _, f := range frames.SLOFrame(nil).Fields {
		if f.Type().Numeric() || f.Type() == data.FieldTypeNullableBool || f.Type() == data.FieldTypeBool {
			names = append(names, f.Name)
		}
	}
	return names
})

// parseSLOFields validates the slo query's options.
func parseSLOFields(q *Query) error {
	if q.Type != TypeSLO {
		return nil
	}
	var err error
	if q.Objectives, err = NewMatcher(q.Objective); err != nil {
		return badQueryf("objective filter: %v", err)
	}
	q.SloField = strings.TrimSpace(q.SloField)
	if q.SloField != "" && !contains(sloFieldNames(), q.SloField) {
		return badQueryf("sloField %q is not a number of the slo frame: use one of %s", q.SloField, strings.Join(sloFieldNames(), ", "))
	}
	return parseSLOWindow(q)
}

// runSLO evaluates the data source's objectives at now. Panels get the
// "slo" frame and one "slo_trend" frame per objective; alert rules get the
// "slo" frame alone (Grafana's expressions read one numeric-long frame per
// query), or with sloField a single column of it.
func (r *Runner) runSLO(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	objs, err := r.selectObjectives(q)
	if err != nil {
		return nil, err
	}
	objs = withSLOWindow(objs, q.SloWindow)
	if len(r.Objectives) == 0 {
		tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("No SLO objectives are configured: the data source settings have an empty jsonData.%s list; remove it for the defaults or add objectives.", slo.JSONDataKey))
	}
	now := r.now().UTC()
	var results []slo.Result
	if len(objs) > 0 {
		in, err := r.sloInputs(ctx, objs, now, tr)
		if err != nil {
			return nil, err
		}
		results = slo.Evaluate(objs, in)
	}
	return sloAnswer(q, results, tr), nil
}

// sloAnswer is the frames of an slo query for its evaluated objectives
// (slo_fleet.go evaluates a fleet's combined inputs through it too).
func sloAnswer(q Query, results []slo.Result, tr *trace) data.Frames {
	switch {
	case q.SloField != "":
		return data.Frames{knownRows(sloFieldFrame(results, q.SloField), q.SloField, tr)}
	case q.FromAlert:
		return data.Frames{frames.SLOFrame(results)}
	}
	return frames.SLOFrames(results, int(min(q.MaxDataPoints, maxTrendPoints)))
}

// selectObjectives applies the objective filter; a filter matching none
// of the configured objectives is a query to fix.
func (r *Runner) selectObjectives(q Query) ([]slo.Objective, error) {
	if q.Objectives.All() {
		return r.Objectives, nil
	}
	var out []slo.Objective
	ids := make([]string, 0, len(r.Objectives))
	for _, o := range r.Objectives {
		ids = append(ids, o.ID)
		if q.Objectives.Match(o.ID) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return nil, badQueryf("no SLO objective matches %q: this data source has %s", q.Objectives.String(), orNone(ids))
	}
	return out, nil
}

func orNone(ids []string) string {
	if len(ids) == 0 {
		return "no objectives"
	}
	return strings.Join(ids, ", ")
}

// sloFieldFrame is the "slo" frame cut down to its string columns (the
// labels: objective, title, window) and one number: a numeric-long frame
// with one value per objective, which an alert condition compares
// directly (e.g. fast_burn > 0). compliant becomes 1 (met) or 0.
func sloFieldFrame(results []slo.Result, name string) *data.Frame {
	full := frames.SLOFrame(results)
	out := data.NewFrame(full.Name)
	for _, f := range full.Fields {
		switch {
		case f.Type() == data.FieldTypeString:
			out.Fields = append(out.Fields, f)
		case f.Name == name:
			out.Fields = append(out.Fields, numericField(f))
		}
	}
	out.Meta = full.Meta
	return out
}

// knownRows drops the objectives whose value is unknown (null) from a
// sloField frame. Grafana's expressions read a null as NaN, which a
// threshold compares as false: an unknown burn flag would read "not
// burning" and the rule could never report no data. Without the row the
// rule sees no data for that objective; with no row left the frame is
// empty, which alerting treats as NoData.
func knownRows(f *data.Frame, name string, tr *trace) *data.Frame {
	idx := len(f.Fields) - 1
	if idx < 0 || f.Fields[idx].Name != name {
		return f
	}
	var unknown []string
	objectives, _ := f.FieldByName("objective")
	for i := 0; i < f.Rows(); i++ {
		if _, ok := f.Fields[idx].ConcreteAt(i); !ok && objectives != nil {
			unknown = append(unknown, fmt.Sprint(objectives.At(i)))
		}
	}
	if len(unknown) == 0 {
		return f
	}
	out, err := f.FilterRowsByField(idx, func(v any) (bool, error) {
		p, ok := v.(*float64)
		return !ok || p != nil, nil
	})
	if err != nil {
		return f
	}
	for i, fld := range f.Fields {
		out.Fields[i].Config = fld.Config
	}
	out.Meta = f.Meta
	tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("%s is unknown for %s (no data in its windows, e.g. the server keeps no metric history); an alert rule gets no data for it, not 0.",
		name, strings.Join(unknown, ", ")))
	return out
}

// numericField turns a bool field into 1/0 numbers; numbers pass through.
func numericField(f *data.Field) *data.Field {
	if f.Type() != data.FieldTypeNullableBool && f.Type() != data.FieldTypeBool {
		return f
	}
	values := make([]*float64, f.Len())
	for i := range values {
		if v, ok := f.ConcreteAt(i); ok {
			n := 0.0
			if v.(bool) {
				n = 1
			}
			values[i] = &n
		}
	}
	out := data.NewField(f.Name, f.Labels, values)
	out.Config = f.Config
	return out
}
