package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	framenames "github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/slo"
)

// ObjectiveForm is one objective as the editor shows and saves it: the
// jsonData "slos" shape with every default filled in.
type ObjectiveForm struct {
	ID          string   `json:"id"`
	Title       string   `json:"title,omitempty"`
	Kind        string   `json:"kind"`
	Target      float64  `json:"target"`
	Window      string   `json:"window"`
	TimeZone    string   `json:"time_zone,omitempty"`
	ThresholdMs *float64 `json:"threshold_ms,omitempty"`
	Metric      string   `json:"metric,omitempty"`
}

// ObjectiveValue is one objective's current state, computed by the slo
// query against the configured application. Unknown values are null.
type ObjectiveValue struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Window          string   `json:"window"`
	Target          float64  `json:"target"`
	Actual          *float64 `json:"actual"`
	Compliant       *bool    `json:"compliant"`
	BudgetRemaining *float64 `json:"budget_remaining_ratio"`
}

// ObjectivesPreview is each objective's current value, or why there is none.
type ObjectivesPreview struct {
	Objectives []ObjectiveValue `json:"objectives"`
	Notices    []string         `json:"notices"`
	Error      string           `json:"error,omitempty"`
}

// ObjectivesValidation answers POST /validate/objectives.
type ObjectivesValidation struct {
	Errors []FieldError `json:"errors"`
	// Objectives is the form as the data source reads it (defaults
	// filled in); null when there are errors.
	Objectives []ObjectiveForm `json:"objectives"`
	// Windows lists the window names the data source accepts.
	Windows []string           `json:"windows"`
	Preview *ObjectivesPreview `json:"preview"`
}

// windowCandidates are offered in the editor when the parser accepts them,
// so the list follows the SLO package.
var windowCandidates = []string{"7d", "28d", "30d", "90d", "calendar_month", "calendar_quarter", "calendar_year"}

func acceptedWindows() []string {
	out := []string{}
	for _, w := range windowCandidates {
		if _, err := slo.ParseWindow(w, ""); err == nil {
			out = append(out, w)
		}
	}
	return out
}

// validateObjectives serves POST /validate/objectives.
func (d *Datasource) validateObjectives(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Objectives json.RawMessage `json:"objectives"`
	}
	if !readEditBody(w, r, &req, `{"objectives": [{"kind": "availability", "target": 99.9, "window": "30d"}]}`) {
		return
	}
	out := ObjectivesValidation{Errors: []FieldError{}, Windows: acceptedWindows()}
	objs, err := slo.ParseObjectives(jsonDataWith(slo.JSONDataKey, req.Objectives))
	var ce *slo.ConfigError
	switch {
	case errors.As(err, &ce):
		out.Errors = formErrors(ce.Fields(), slo.JSONDataKey, "objectives", "objectives")
	case err != nil:
		out.Errors = append(out.Errors, FieldError{Field: "objectives", Message: err.Error()})
	default:
		out.Objectives = objectiveForms(objs)
		out.Preview = d.objectivesPreview(r.Context(), objs)
	}
	writeJSON(w, http.StatusOK, out)
}

// objectiveForms writes validated objectives back in the jsonData shape.
// A title the data source would generate anyway is left out, so it keeps
// following the kind and threshold.
func objectiveForms(objs []slo.Objective) []ObjectiveForm {
	out := make([]ObjectiveForm, 0, len(objs))
	for _, o := range objs {
		f := ObjectiveForm{ID: o.ID, Kind: string(o.Kind), Target: o.Target, Window: o.Window.Name, Metric: o.Metric}
		if o.Window.Location != nil && o.Window.Location.String() != "UTC" {
			f.TimeZone = o.Window.Location.String()
		}
		if o.Kind == slo.KindLatency {
			t := o.ThresholdMs
			f.ThresholdMs = &t
		}
		if o.Title != generatedTitle(f) {
			f.Title = o.Title
		}
		out = append(out, f)
	}
	return out
}

// generatedTitle is the title the parser gives the objective without one.
func generatedTitle(f ObjectiveForm) string {
	f.Title, f.ID = "", ""
	b, _ := json.Marshal([]ObjectiveForm{f})
	objs, err := slo.ParseObjectives(jsonDataWith(slo.JSONDataKey, b))
	if err != nil || len(objs) != 1 {
		return ""
	}
	return objs[0].Title
}

// objectivesPreview runs the slo query with the candidate objectives
// against the configured application: what the panels would show after
// saving.
func (d *Datasource) objectivesPreview(ctx context.Context, objs []slo.Objective) *ObjectivesPreview {
	p := &ObjectivesPreview{Objectives: []ObjectiveValue{}, Notices: []string{}}
	if d.runner == nil {
		p.Error = "Current values need working data source settings; save first. " + errString(d.configErr)
		return p
	}
	if len(objs) == 0 {
		return p
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	runner := &query.Runner{Client: d.runner.Client, DataSourceUID: d.runner.DataSourceUID, Now: d.runner.Now, Objectives: objs}
	frames, err := runner.Run(ctx, query.Query{Model: query.Model{QueryType: string(query.TypeSLO)}, Type: query.TypeSLO, MaxDataPoints: 2})
	if err != nil {
		p.Error = err.Error()
		return p
	}
	if len(frames) == 0 || frames[0].Name != framenames.FrameSLO {
		p.Error = "the SLO computation returned no objectives"
		return p
	}
	f := frames[0]
	for i := 0; i < f.Rows(); i++ {
		p.Objectives = append(p.Objectives, ObjectiveValue{
			ID: stringAt(f, "objective", i), Title: stringAt(f, "title", i), Window: stringAt(f, "window", i),
			Target: floatAt(f, "target", i), Actual: nullableFloatAt(f, "actual", i),
			Compliant: nullableBoolAt(f, "compliant", i), BudgetRemaining: nullableFloatAt(f, "budget_remaining_ratio", i),
		})
	}
	if f.Meta != nil {
		for _, n := range f.Meta.Notices {
			p.Notices = append(p.Notices, n.Text)
		}
	}
	return p
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func stringAt(f *data.Frame, name string, i int) string {
	if fld, _ := f.FieldByName(name); fld != nil {
		if v, ok := fld.ConcreteAt(i); ok {
			return fmt.Sprint(v)
		}
	}
	return ""
}

func floatAt(f *data.Frame, name string, i int) float64 {
	if v := nullableFloatAt(f, name, i); v != nil {
		return *v
	}
	return 0
}

func nullableFloatAt(f *data.Frame, name string, i int) *float64 {
	if fld, _ := f.FieldByName(name); fld != nil {
		if v, ok := fld.ConcreteAt(i); ok {
			if x, ok := v.(float64); ok {
				return &x
			}
		}
	}
	return nil
}

func nullableBoolAt(f *data.Frame, name string, i int) *bool {
	if fld, _ := f.FieldByName(name); fld != nil {
		if v, ok := fld.ConcreteAt(i); ok {
			if b, ok := v.(bool); ok {
				return &b
			}
		}
	}
	return nil
}
