package plugin

import (
	"context"
	"fmt"
	"net/http"

	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/query"
)

// objectives lists the configured SLO objectives for the query editor's
// objective picker and template variables.
func (d *Datasource) objectives(context.Context, *http.Request) (any, error) {
	out := make([]Option, 0, len(d.runner.Objectives))
	for _, o := range d.runner.Objectives {
		out = append(out, Option{Value: o.ID, Label: o.Title,
			Description: fmt.Sprintf("%g %% over %s (%s)", o.Target, o.Window.Name, o.Kind)})
	}
	return out, nil
}

// oncallSchedule answers GET /oncall/schedule?weeks=N (1-52, default 4):
// every layer's shifts from now on, the escalation policy and the
// schedule's warnings, for the app's schedule page.
func (d *Datasource) oncallSchedule(_ context.Context, r *http.Request) (any, error) {
	weeks, err := oncall.ParseWeeks(r.URL.Query().Get("weeks"))
	if err != nil {
		return nil, &query.BadQueryError{Msg: err.Error()}
	}
	if d.runner.Schedule == nil {
		return nil, &query.BadQueryError{Msg: "this data source has no on-call schedule; add jsonData." + oncall.JSONDataKey + " to its settings"}
	}
	return d.runner.Schedule.ViewWeeks(d.runner.CurrentTime(), weeks), nil
}
