package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/plugin"
	"github.com/appmon/monitoring/pkg/query"
)

// Issue 7: every panel target of every provisioned dashboard runs through
// QueryData against the real server with the dashboard's default time
// range (and the panel's own relative time or shift), and returns what
// its panel type draws. A manual alert is fired first so alert tables and
// timelines have rows whatever the simulated workload did lately.
func TestProvisionedDashboardQueries(t *testing.T) {
	srv := requireAdmin(t)
	ctx := context.Background()
	id, err := srv.TriggerAlert(ctx, "medium", "Provisioning check", "Fired by TestProvisionedDashboardQueries so alert panels have rows")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.ResolveAlert(ctx, id) })
	ds := newDS(t, target.url, `{}`, target.apiKey)
	now := time.Now().UTC()
	for _, d := range loadDashboards(t) {
		t.Run(d.File, func(t *testing.T) {
			from, err := grafanaTime(d.Time.From, now, false)
			if err != nil {
				t.Fatal(err)
			}
			to, err := grafanaTime(d.Time.To, now, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range d.Templating.List {
				if v.Type == "query" {
					if _, err := variableOptions(t, ds, v); err != nil {
						t.Errorf("variable %s: %v", v.Name, err)
					}
				}
			}
			values, err := variableValues(d, func(v variableJSON) ([]string, error) { return variableOptions(t, ds, v) })
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range allPanels(d.Panels) {
				if len(p.Targets) == 0 {
					continue // text panels and the like
				}
				t.Run(fmt.Sprintf("panel %d %s", p.ID, p.Title), func(t *testing.T) {
					checkPanel(t, ds, p, values, from, to, now)
				})
			}
		})
	}
}

// variableOptions lists a variable's values: a query variable through the
// backend's resource calls, a custom one from its comma list.
func variableOptions(t *testing.T, ds *plugin.Datasource, v variableJSON) ([]string, error) {
	t.Helper()
	switch v.Type {
	case "custom":
		var out []string
		for _, it := range strings.Split(variableQuery(v.Query), ",") {
			if it = strings.TrimSpace(it); it != "" {
				out = append(out, it)
			}
		}
		return out, nil
	case "constant", "textbox":
		return []string{variableQuery(v.Query)}, nil
	case "query":
	default:
		return nil, fmt.Errorf("variable type %q is not handled by this test", v.Type)
	}
	if typ, uid := datasourceRef(v.Datasource); !isAppMon(typ, uid) {
		return nil, fmt.Errorf("reads from %s %s, not the AppMon data source", typ, uid)
	}
	path, err := variableResource(variableQuery(v.Query))
	if err != nil {
		return nil, err
	}
	var opts []plugin.Option
	if status := call(t, ds, path, &opts); status != 200 || len(opts) == 0 {
		return nil, fmt.Errorf("GET %s answered %d with %d options", path, status, len(opts))
	}
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out, nil
}

type targetJSON struct {
	RefID      string          `json:"refId"`
	QueryType  string          `json:"queryType"`
	MetricName string          `json:"metricName"`
	Service    string          `json:"service"`
	Endpoint   string          `json:"endpoint"`
	Hide       bool            `json:"hide"`
	Total      bool            `json:"total"`
	Datasource json.RawMessage `json:"datasource"`
}

func checkPanel(t *testing.T, ds *plugin.Datasource, p panelJSON, values map[string]string, from, to, now time.Time) {
	from, to, err := panelRange(p, from, to, now)
	if err != nil {
		t.Fatal(err)
	}
	mdp := p.MaxDataPoints
	if mdp <= 0 {
		mdp = 1000
	}
	interval := max(to.Sub(from)/time.Duration(mdp), time.Second)
	pType, pUID := datasourceRef(p.Datasource)
	var queries []backend.DataQuery
	targets := map[string]targetJSON{}
	for _, raw := range p.Targets {
		model := interpolate(raw, values)
		var tg targetJSON
		if err := json.Unmarshal(model, &tg); err != nil {
			t.Fatalf("target: %v", err)
		}
		if tg.Hide {
			continue
		}
		typ, uid := datasourceRef(tg.Datasource)
		if typ == "" && uid == "" {
			typ, uid = pType, pUID
		}
		if !isAppMon(typ, uid) {
			t.Errorf("target %s reads from %q %q, not the AppMon data source", tg.RefID, typ, uid)
			continue
		}
		if strings.Contains(strings.ReplaceAll(string(model), `"${datasource}"`, ""), "$") {
			t.Errorf("target %s has a variable the dashboard does not define: %s", tg.RefID, model)
		}
		targets[tg.RefID] = tg
		queries = append(queries, backend.DataQuery{RefID: tg.RefID, QueryType: tg.QueryType, JSON: model,
			TimeRange: backend.TimeRange{From: from, To: to}, Interval: interval, MaxDataPoints: mdp})
	}
	if len(queries) == 0 {
		return
	}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: queries})
	if err != nil {
		t.Fatal(err)
	}
	var all data.Frames
	for _, q := range queries {
		r := resp.Responses[q.RefID]
		if r.Error != nil || (r.Status != 0 && r.Status != backend.StatusOK) {
			t.Errorf("target %s (%s to %s): status %d: %v", q.RefID, from.Format(time.RFC3339), to.Format(time.RFC3339), r.Status, r.Error)
			continue
		}
		all = append(all, r.Frames...)
		checkTarget(t, p, targets[q.RefID], r.Frames)
	}
	if t.Failed() {
		return
	}
	checkPanelFrames(t, p, all)
}

// checkTarget asserts what each target of a numeric panel must return.
func checkTarget(t *testing.T, p panelJSON, tg targetJSON, frames data.Frames) {
	switch p.Type {
	case "stat", "gauge", "bargauge", "timeseries":
	default:
		return
	}
	series := numericSeriesOf(frames)
	if len(withValues(series)) == 0 {
		t.Errorf("target %s: no numeric series with a value; the panel would show No data (frames: %d)", tg.RefID, len(frames))
		return
	}
	if p.Type != "stat" && p.Type != "gauge" {
		return
	}
	// A stat or gauge draws one figure per series (after the panel's field
	// filter). One figure per query, or one per value of the dimension
	// the query breaks down by (service, endpoint): anything else is a
	// query that says less than the panel means.
	shown, err := reduceFieldsFilter(p.Options.ReduceOptions.Fields, series)
	if err != nil {
		t.Error(err)
		return
	}
	if len(shown) == 0 {
		t.Errorf("target %s: the field filter %q hides every series", tg.RefID, p.Options.ReduceOptions.Fields)
		return
	}
	for _, s := range shown {
		if m, ok := s.Labels[query.MetricLabel]; ok && tg.MetricName != "" && !strings.ContainsAny(tg.MetricName, "*,{") && m != tg.MetricName {
			t.Errorf("target %s: shows %s, the query asks for %s", tg.RefID, m, tg.MetricName)
		}
	}
	if len(shown) == 1 {
		return
	}
	if tg.Total && seriesList(shown) == "this_period{}, previous_period{}, change{}" {
		return // one figure: the period's total, with the previous period and the change beside it
	}
	dim := tg.breakdown()
	for _, s := range shown {
		if dim == "" || s.Labels[dim] == "" {
			t.Errorf("target %s: the %s panel shows %d figures (%s), not one; narrow the query (metricName, endpoint: overall), or break it down by service or endpoint", tg.RefID, p.Type, len(shown), seriesList(shown))
			return
		}
	}
}

// breakdown is the dimension a target asks one figure per value of.
func (tg targetJSON) breakdown() string {
	switch {
	case tg.Service != "":
		return "service"
	case tg.Endpoint != "" && !strings.EqualFold(tg.Endpoint, "overall"):
		return query.EndpointLabel
	}
	return ""
}

// checkPanelFrames asserts what the panel as a whole must receive.
func checkPanelFrames(t *testing.T, p panelJSON, frames data.Frames) {
	switch p.Type {
	case "stat", "gauge", "bargauge", "timeseries":
		// checked per target
	case "table", "barchart", "appmon-alerttimeline-panel":
		rows := tableFrames(frames)
		if len(rows) == 0 {
			t.Errorf("no frame with rows: the %s panel would show No data", p.Type)
			return
		}
		if p.Type == "table" && len(rows) > 1 && !hasMergingTransformation(p) {
			t.Errorf("the table gets %d frames and shows one at a time; add a merge, joinByField, seriesToRows or reduce transformation", len(rows))
		}
	case "appmon-slacompliance-panel":
		f := frameNamed(t, frames, "slo")
		if f.Meta == nil || f.Meta.Type != data.FrameTypeNumericLong || f.Rows() == 0 {
			t.Fatalf("slo frame: meta %+v, %d rows", f.Meta, f.Rows())
		}
		for _, name := range sloFrameFields {
			if _, i := f.FieldByName(name); i < 0 {
				t.Errorf("slo frame lacks %q", name)
			}
		}
		if trend := frameNamed(t, frames, "slo_trend"); trend.Rows() == 0 {
			t.Error("slo_trend frame has no rows")
		}
	case "appmon-oncallstatus-panel":
		for _, f := range frames {
			if strings.HasPrefix(f.Name, "oncall_") && f.Rows() > 0 {
				return
			}
		}
		t.Errorf("no oncall_now, oncall_shifts or oncall_escalation frame with rows among %d frames", len(frames))
	default:
		t.Errorf("no expectation for panel type %q: add one to this test", p.Type)
	}
}

func hasMergingTransformation(p panelJSON) bool {
	for _, tr := range p.Transformations {
		if mergingTransformations[tr.ID] {
			return true
		}
	}
	return false
}

// Issue 7: every AppMon query of every provisioned alert rule, as the
// alerting engine sends it (FromAlert header, relative range, 1 s
// interval, 43200 points), returns alertable numbers carrying the on-call
// labels. A threshold rule on a metric fires once per series, so its
// query must return exactly one series; an SLO rule one per objective.
func TestProvisionedAlertRuleQueries(t *testing.T) {
	requireServer(t)
	ds := newDS(t, target.url, `{}`, target.apiKey)
	for _, rule := range loadRuleQueries(t) {
		t.Run(rule[0].RuleUID, func(t *testing.T) {
			now := time.Now()
			var queries []backend.DataQuery
			for _, rq := range rule {
				var m targetJSON
				if err := json.Unmarshal(rq.Model, &m); err != nil {
					t.Fatal(err)
				}
				queries = append(queries, backend.DataQuery{RefID: rq.RefID, QueryType: m.QueryType, JSON: rq.Model,
					TimeRange: backend.TimeRange{From: now.Add(-rq.From), To: now.Add(-rq.To)}, Interval: time.Second, MaxDataPoints: 43200})
			}
			resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Headers: alertHeaders, Queries: queries})
			if err != nil {
				t.Fatal(err)
			}
			for _, rq := range rule {
				r := resp.Responses[rq.RefID]
				if r.Error != nil || (r.Status != 0 && r.Status != backend.StatusOK) {
					t.Errorf("query %s: status %d: %v", rq.RefID, r.Status, r.Error)
					continue
				}
				checkRuleSeries(t, rq, numericSeriesOf(r.Frames))
			}
		})
	}
}

func checkRuleSeries(t *testing.T, rq ruleQuery, series []numericSeries) {
	if len(withValues(series)) == 0 {
		t.Errorf("query %s: no number with a value; the rule would report NoData", rq.RefID)
		return
	}
	for _, s := range series {
		if s.Labels[query.LabelOncallPrimary] == "" || s.Labels[query.LabelOncallSecondary] == "" {
			t.Errorf("query %s: series %s lacks the on-call labels the notification template prints", rq.RefID, s)
		}
	}
	var m targetJSON
	_ = json.Unmarshal(rq.Model, &m)
	if m.QueryType == string(query.TypeSLO) {
		objectives := map[string]bool{}
		for _, s := range series {
			objectives[s.Labels["objective"]] = true
		}
		if len(objectives) != len(series) {
			t.Errorf("query %s: %d series for %d objectives (%s); pick one column with sloField", rq.RefID, len(series), len(objectives), seriesList(series))
		}
		return
	}
	if m.Service != "" {
		// One alert instance per dependency: every series names its service, once.
		services := map[string]bool{}
		for _, s := range series {
			services[s.Labels["service"]] = true
		}
		if services[""] || len(services) != len(series) {
			t.Errorf("query %s: %d series for %d services (%s); each series must be one service", rq.RefID, len(series), len(services), seriesList(series))
		}
		return
	}
	if len(series) != 1 {
		t.Errorf("query %s: %d series (%s); the rule fires once per series, so narrow the query to the one it means (metricName, endpoint: overall)", rq.RefID, len(series), seriesList(series))
	}
}
