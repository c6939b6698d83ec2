package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
	"github.com/appmon/monitoring/pkg/settings"
)

// Applications implement the five endpoints in their own shapes. For each
// dialect of the reference server (monitoring-api --dialect, one captured
// response per endpoint in pkg/parse/testdata/dialects), the data source
// built as Grafana builds it must:
//   - pass the health check (OK or a warning, never an error) with a first
//     line under 300 characters;
//   - answer every provisioned dashboard query with data or a notice that
//     says what the server lacks, never an error;
//   - answer every provisioned alert-rule query with a number or no data,
//     never a 0 standing in for a figure the server does not report;
//   - never answer no data for a metric the server offers in another
//     format (Prometheus text).

const healthFirstLineMax = 300

type dialectTarget struct {
	name string
	srv  *testserver.Server
	ds   *plugin.Datasource
	// truth reads the same server in the contract's own shapes (the
	// server answers those to its admin key), for the alert-rule values.
	truth *plugin.Datasource
	// prometheus holds the metric names the server offers as Prometheus
	// text (format=prometheus), empty when it offers none.
	prometheus map[string]bool
}

func TestDialects(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" || target.server == nil {
		t.Skip("the dialect matrix starts its own servers: run it with APPMON_INTEGRATION=1")
	}
	names := dialectNames(t)
	// The reference row ("") shows the checks hold on the contract's own shapes.
	targets := startDialects(t, append([]string{""}, names...))
	matrix := newDialectMatrix()

	t.Run("matrix", func(t *testing.T) {
		for _, d := range targets {
			t.Run(d.name, func(t *testing.T) {
				t.Parallel()
				checkDialectHealth(t, d, matrix)
				checkDialectDashboards(t, d, matrix)
				checkDialectRules(t, d, matrix)
			})
		}
	})

	t.Log("dialect matrix (checks run; no data: queries answered without a value; notices: panel notices):\n" + matrix.render(append([]string{"reference"}, names...)))
	failures := matrix.failures()
	for _, cell := range sortedKeys(failures) {
		t.Errorf("%s:\n    %s", cell, strings.Join(failures[cell], "\n    "))
	}
}

// dialectNames are the dialects with captured responses: one folder each.
func dialectNames(t *testing.T) []string {
	entries, err := os.ReadDir(repoPath(t, "pkg", "parse", "testdata", "dialects"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	if len(out) < 8 {
		t.Fatalf("found %d dialects (%v), expected at least 8", len(out), out)
	}
	return out
}

// startsAtOnce bounds the servers backfilling history at the same time,
// so each listens within the start timeout on a busy machine.
const startsAtOnce = 3

// startDialects starts one server per dialect, a few at a time, and uses
// the shared reference server for the reference row (""). Each gets a
// manual alert firing so alert panels have rows.
func startDialects(t *testing.T, names []string) []*dialectTarget {
	out := make([]*dialectTarget, len(names))
	errs := make([]error, len(names))
	slots := make(chan struct{}, startsAtOnce)
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv := target.server
			if name != "" {
				// Nearly still simulated time: the dialect and the contract's shapes are read a moment apart.
				opts := testserver.Options{Dialect: name, HistoryDays: 1, CatchUp: 2 * time.Minute, ClockSpeed: 0.001}
				if name == "nestjs" {
					// A dialect with metric history gets what the dashboards read (up to a month).
					opts.HistoryDays = 30
				}
				slots <- struct{}{}
				started, err := testserver.Start(opts)
				<-slots
				if err != nil {
					errs[i] = err
					return
				}
				srv = started
			}
			out[i] = &dialectTarget{name: label(name), srv: srv}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			id, err := srv.TriggerAlert(ctx, "medium", "Dialect check", "Fired by TestDialects so alert panels have rows")
			errs[i] = err
			if err == nil && name == "" {
				// The shared server outlives this test: leave it as it was.
				t.Cleanup(func() { _ = srv.ResolveAlert(context.Background(), id) })
			}
		}()
	}
	wg.Wait()
	for i, d := range out {
		if d != nil && names[i] != "" {
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("server output (%s):\n%s", d.name, d.srv.Output())
				}
				d.srv.Stop()
			})
		}
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", label(names[i]), err)
		}
	}
	for _, d := range out {
		d.ds = newDS(t, d.srv.URL, `{}`, d.srv.APIKey)
		d.truth = newDS(t, asAdmin(t, d.srv), `{}`, "replaced-by-the-admin-proxy")
		d.prometheus = prometheusNames(t, d.srv)
	}
	return out
}

// prometheusNames lists the metric names of the server's Prometheus text.
func prometheusNames(t *testing.T, srv *testserver.Server) map[string]bool {
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/api/monitoring/metrics?format=prometheus", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-API-Key", srv.APIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		return out
	}
	for _, line := range strings.Split(string(body), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if end := strings.IndexAny(line, "{ "); end > 0 {
			out[line[:end]] = true
		}
	}
	return out
}

// offeredAsPrometheus reports whether a query for one exact metric name
// could have been answered from the server's Prometheus text.
func (d *dialectTarget) offeredAsPrometheus(queryType, metricName string) bool {
	if columnOf(queryType) != "metrics" || metricName == "" || strings.ContainsAny(metricName, "*,{}$") {
		return false
	}
	return d.prometheus[strings.NewReplacer(".", "_", "-", "_").Replace(metricName)]
}

// asAdmin is a local proxy that reads the five core endpoints with the
// server's admin key (the contract's own shapes) and everything else with
// its read key, so the optional extensions are the dialect's: both reads
// take the same path through the data source.
func asAdmin(t *testing.T, srv *testserver.Server) string {
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	direct := proxy.Director
	proxy.Director = func(r *http.Request) {
		direct(r)
		r.Header.Del("X-API-Key")
		if coreRequest(r) {
			r.Header.Set("X-Admin-Key", srv.AdminKey)
		} else {
			r.Header.Set("X-API-Key", srv.APIKey)
		}
	}
	front := httptest.NewServer(proxy)
	t.Cleanup(front.Close)
	return front.URL
}

func coreRequest(r *http.Request) bool {
	switch r.URL.Path {
	case "/api/health/check", "/api/monitoring/uptime", "/api/monitoring/metrics", "/api/monitoring/dashboard":
		return true
	case "/api/monitoring/alerts":
		return r.URL.Query().Get("action") != "history"
	}
	return false
}

func label(dialect string) string {
	if dialect == "" {
		return "reference"
	}
	return dialect
}

// checkDialectHealth runs the health check: OK or a warning, one short first line.
func checkDialectHealth(t *testing.T, d *dialectTarget, m *dialectMatrix) {
	res, err := d.ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		m.setHealth(d.name, "ERROR")
		m.fail(d.name, "health", "health check: %v", err)
		return
	}
	first, _, _ := strings.Cut(res.Message, "\n")
	outcome := healthOutcome(res)
	m.setHealth(d.name, outcome)
	switch {
	case outcome == "ERROR" || outcome == "UNKNOWN":
		m.fail(d.name, "health", "health check %s: %s", outcome, first)
	case len(first) >= healthFirstLineMax:
		m.fail(d.name, "health", "health check's first line has %d characters (limit %d): %s", len(first), healthFirstLineMax, first)
	default:
		m.pass(d.name, "health", true, 0)
	}
	t.Logf("%s: health check %s: %s", d.name, outcome, first)
}

// healthOutcome is OK, WARNING, ERROR or UNKNOWN. Grafana's health result
// has no warning status: a warning is an OK result that says so, in its
// message or as a level in its details.
func healthOutcome(res *backend.CheckHealthResult) string {
	switch res.Status {
	case backend.HealthStatusError:
		return "ERROR"
	case backend.HealthStatusOk:
	default:
		return "UNKNOWN"
	}
	var details map[string]any
	_ = json.Unmarshal(res.JSONDetails, &details)
	for _, k := range []string{"level", "tier", "severity", "status"} {
		if s, ok := details[k].(string); ok && strings.EqualFold(s, "warning") {
			return "WARNING"
		}
	}
	first, _, _ := strings.Cut(res.Message, "\n")
	if strings.Contains(strings.ToLower(first), "warning") {
		return "WARNING"
	}
	return "OK"
}

// checkDialectDashboards runs every target of every provisioned dashboard
// with the dashboard's time range: data or a notice, never an error, and
// the same values as the same server read in the contract's own shapes.
func checkDialectDashboards(t *testing.T, d *dialectTarget, m *dialectMatrix) {
	now := time.Now().UTC()
	compared := 0
	defer func() {
		t.Logf("%s: %d dashboard values compared with the contract's shapes", d.name, compared)
		if compared == 0 {
			m.fail(d.name, "dashboard", "no dashboard value could be compared with the contract's shapes")
		}
	}()
	for _, dash := range loadDashboards(t) {
		from, err := grafanaTime(dash.Time.From, now, false)
		if err != nil {
			t.Fatal(err)
		}
		to, err := grafanaTime(dash.Time.To, now, true)
		if err != nil {
			t.Fatal(err)
		}
		values, err := variableValues(dash, func(v variableJSON) ([]string, error) {
			opts, err := variableOptions(t, d.ds, v)
			if err != nil {
				// The panels still run, unfiltered, as Grafana's would with an empty variable.
				m.fail(d.name, "dashboard", "%s: variable %s: %v", dash.File, v.Name, err)
				return []string{""}, nil
			}
			return opts, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range allPanels(dash.Panels) {
			compared += checkDialectPanel(t, d, m, dash.File, p, values, from, to, now)
		}
	}
}

// checkDialectPanel runs one panel's targets and returns how many of their
// values it compared with the contract's shapes.
func checkDialectPanel(t *testing.T, d *dialectTarget, m *dialectMatrix, file string, p panelJSON, values map[string]string, from, to, now time.Time) (compared int) {
	from, to, err := panelRange(p, from, to, now)
	if err != nil {
		t.Fatal(err)
	}
	mdp := p.MaxDataPoints
	if mdp <= 0 {
		mdp = 1000
	}
	interval := max(to.Sub(from)/time.Duration(mdp), time.Second)
	var queries []backend.DataQuery
	targets := map[string]targetJSON{}
	for _, raw := range p.Targets {
		var tg targetJSON
		model := interpolate(raw, values)
		if err := json.Unmarshal(model, &tg); err != nil {
			t.Fatalf("%s panel %d target: %v", file, p.ID, err)
		}
		if tg.Hide {
			continue
		}
		targets[tg.RefID] = tg
		queries = append(queries, backend.DataQuery{RefID: tg.RefID, QueryType: tg.QueryType, JSON: model,
			TimeRange: backend.TimeRange{From: from, To: to}, Interval: interval, MaxDataPoints: mdp})
	}
	if len(queries) == 0 {
		return
	}
	resp, ref := evaluateAgreeing(t, d, &backend.QueryDataRequest{Queries: queries})
	for _, q := range queries {
		col := columnOf(q.QueryType)
		where := fmt.Sprintf("%s panel %d %q target %s (%s)", file, p.ID, p.Title, q.RefID, q.QueryType)
		got, want := lastValues(resp.Responses[q.RefID].Frames), lastValues(ref.Responses[q.RefID].Frames)
		compared += comparable(got, want)
		r := resp.Responses[q.RefID]
		notices := noticesOf(r.Frames)
		withData := hasData(r.Frames)
		switch {
		case r.Error != nil || (r.Status != 0 && r.Status != backend.StatusOK):
			m.fail(d.name, col, "%s: error response %d: %v", where, r.Status, r.Error)
		case !withData && len(notices) == 0:
			m.fail(d.name, col, "%s: no data and no notice saying what the server lacks", where)
		// Prometheus text carries current values only: a total over a
		// period still needs history.
		case !withData && !targets[q.RefID].Total && d.offeredAsPrometheus(q.QueryType, targets[q.RefID].MetricName):
			m.fail(d.name, col, "%s: no data, but the server offers %s as Prometheus text (format=prometheus); notices: %s", where, targets[q.RefID].MetricName, strings.Join(notices, " | "))
		case len(valueMismatches(got, want)) > 0:
			m.fail(d.name, col, "%s: %s", where, strings.Join(valueMismatches(got, want), "; "))
		default:
			if !withData {
				t.Logf("%s: no data; notices: %s", where, strings.Join(notices, " | "))
			}
			m.pass(d.name, col, withData, len(notices))
		}
	}
	return compared
}

// hasData: a number with a value, or rows of a table-like frame.
func hasData(frames data.Frames) bool {
	if len(withValues(numericSeriesOf(frames))) > 0 {
		return true
	}
	for _, f := range tableFrames(frames) {
		if f.Meta == nil || f.Meta.Type == "" || f.Meta.Type == data.FrameTypeTable {
			return true
		}
	}
	return false
}

func noticesOf(frames data.Frames) []string {
	var out []string
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		for _, n := range f.Meta.Notices {
			out = append(out, n.Text)
		}
	}
	return out
}

// checkDialectRules evaluates every provisioned alert-rule query as the
// alerting engine does: a number or no data; the same number as the same
// server read in the contract's own shapes, and a 0 only where that has a
// 0 too.
func checkDialectRules(t *testing.T, d *dialectTarget, m *dialectMatrix) {
	compared := 0
	defer func() {
		t.Logf("%s: %d alert-rule values compared with the contract's shapes", d.name, compared)
		if compared == 0 {
			m.fail(d.name, "metrics", "no alert-rule value could be compared with the contract's shapes")
		}
	}()
	for _, rule := range loadRuleQueries(t) {
		now := time.Now()
		var queries []backend.DataQuery
		targets := map[string]targetJSON{}
		for _, rq := range rule {
			var tg targetJSON
			if err := json.Unmarshal(rq.Model, &tg); err != nil {
				t.Fatal(err)
			}
			targets[rq.RefID] = tg
			queries = append(queries, backend.DataQuery{RefID: rq.RefID, QueryType: tg.QueryType, JSON: rq.Model,
				TimeRange: backend.TimeRange{From: now.Add(-rq.From), To: now.Add(-rq.To)}, Interval: time.Second, MaxDataPoints: 43200})
		}
		resp, ref := evaluateAgreeing(t, d, &backend.QueryDataRequest{Headers: alertHeaders, Queries: queries})
		for _, q := range queries {
			col := columnOf(q.QueryType)
			where := fmt.Sprintf("rule %s query %s (%s)", rule[0].RuleUID, q.RefID, q.QueryType)
			r := resp.Responses[q.RefID]
			if r.Error != nil || (r.Status != 0 && r.Status != backend.StatusOK) {
				m.fail(d.name, col, "%s: error response %d: %v", where, r.Status, r.Error)
				continue
			}
			if truth := ref.Responses[q.RefID]; truth.Error != nil {
				m.fail(d.name, col, "%s: reading the same server in the contract's shapes failed: %v", where, truth.Error)
				continue
			}
			got, want := lastValues(r.Frames), lastValues(ref.Responses[q.RefID].Frames)
			if zeros := misleadingZeros(got, want); len(zeros) > 0 {
				m.fail(d.name, col, "%s: %s", where, strings.Join(zeros, "; "))
				continue
			}
			compared += comparable(got, want)
			if wrong := valueMismatches(got, want); len(wrong) > 0 {
				m.fail(d.name, col, "%s: %s", where, strings.Join(wrong, "; "))
				continue
			}
			withData := len(withValues(numericSeriesOf(r.Frames))) > 0
			if !withData && d.offeredAsPrometheus(q.QueryType, targets[q.RefID].MetricName) {
				m.fail(d.name, col, "%s: no data (the rule would never fire), but the server offers %s as Prometheus text (format=prometheus)", where, targets[q.RefID].MetricName)
				continue
			}
			m.pass(d.name, col, withData, 0)
		}
	}
}

// evaluateBoth runs a rule's queries through the dialect and through the
// same server read in the contract's shapes.
func evaluateBoth(t *testing.T, d *dialectTarget, req *backend.QueryDataRequest) (resp, ref *backend.QueryDataResponse) {
	resp, err := d.ds.QueryData(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	ref, err = d.truth.QueryData(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return resp, ref
}

// evaluateAgreeing is evaluateBoth, read again once if the two disagree:
// on a server whose clock runs, a simulated minute may end between them.
func evaluateAgreeing(t *testing.T, d *dialectTarget, req *backend.QueryDataRequest) (resp, ref *backend.QueryDataResponse) {
	resp, ref = evaluateBoth(t, d, req)
	if anyMismatch(req.Queries, resp, ref) {
		time.Sleep(settings.DefaultCacheTTL + 500*time.Millisecond) // past the data source's cache
		resp, ref = evaluateBoth(t, d, req)
	}
	return resp, ref
}

func anyMismatch(queries []backend.DataQuery, resp, ref *backend.QueryDataResponse) bool {
	for _, q := range queries {
		got, want := lastValues(resp.Responses[q.RefID].Frames), lastValues(ref.Responses[q.RefID].Frames)
		if len(misleadingZeros(got, want))+len(valueMismatches(got, want)) > 0 {
			return true
		}
	}
	return false
}
