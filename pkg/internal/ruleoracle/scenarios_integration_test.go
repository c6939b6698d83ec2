package ruleoracle

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// phase: after the scenario has run for warmUp (or, with sync, up to the
// wall clock), these rules must reach Alerting within their query range
// and pending period plus slack, stepping one minute (the rule groups'
// interval) at a time.
type phase struct {
	warmUp time.Duration
	sync   bool
	rules  []string
}

// scenarios of the reference server's admin API and the rules each one
// must fire, in the order they run. error_spike comes last: the SLO
// queries read windows ending at the wall clock, so the simulated clock,
// started hours behind it, jumps to it with the errors still running.
var scenarios = []struct {
	name   string
	phases []phase
}{
	{"payment_failures", []phase{{rules: []string{"appmon-payment-failures", "appmon-dependency-degraded"}}}},
	{"slow_database", []phase{{rules: []string{"appmon-latency-p95-warning", "appmon-latency-p95", "appmon-slow-api",
		"appmon-latency-p99", "appmon-db-slow-queries", "appmon-db-response"}}}},
	{"memory_pressure", []phase{{rules: []string{"appmon-high-memory", "appmon-memory-high"}}}},
	{"resource_exhaustion", []phase{{rules: []string{"appmon-cpu", "appmon-cpu-critical", "appmon-memory-critical",
		"appmon-disk-warning", "appmon-disk", "appmon-cache-hit-rate", "appmon-db-cache-hit-ratio", "appmon-db-deadlocks",
		"appmon-db-connections"}}}},
	{"auth_attack", []phase{{rules: []string{"appmon-auth-failures"}}}},
	{"database_down", []phase{{rules: []string{"appmon-database-unavailable", "appmon-service-down", "appmon-dependency-unhealthy"}}}},
	{"error_spike", []phase{
		{rules: []string{"appmon-error-rate-warning", "appmon-high-error-rate"}},
		{sync: true, rules: []string{"appmon-slo-fast-burn", "appmon-slo-slow-burn"}},
	}},
}

// sloRules read windows ending at the wall clock; their baseline is taken
// on a second, calm server whose clock is the wall clock.
var sloRules = map[string]bool{"appmon-slo-fast-burn": true, "appmon-slo-slow-burn": true}

const (
	step          = time.Minute      // the rule groups' evaluation interval
	settle        = 15 * time.Minute // longest query range (10 m) plus the server's 5-minute windows
	baselineSteps = 3
	slack         = 4 * time.Minute // the scenario reaching the metric, and the history's complete minutes
	// clockBehind starts the simulated clock this far behind the wall
	// clock: room for every scenario's minutes (under 5 h), leaving the
	// error spike hours of history before the SLO phase jumps to now.
	clockBehind = 10 * time.Hour
)

type verdict struct {
	baseline, scenario, noData State
	firedAfter                 time.Duration
	pendingSeen                bool
}

// Issue: each provisioned rule fires in its scenario of the reference
// server, going through Pending for its pending period, stays Normal at
// baseline, and is never Normal when its data is missing. The queries go
// through the real backend to the real server; the server's clock is
// stepped a minute at a time.
func TestRulesFireInTheirScenarios(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("set APPMON_INTEGRATION=1 to run the rules against the reference server (node + npm ci in monitoring-api/)")
	}
	rules := repoRules(t)
	byUID := map[string]Rule{}
	for _, r := range rules {
		byUID[r.UID] = r
	}
	covered := map[string]string{}
	for _, sc := range scenarios {
		for _, ph := range sc.phases {
			for _, uid := range ph.rules {
				if _, ok := byUID[uid]; !ok {
					t.Fatalf("scenario %s names rule %s, which rules.yaml does not have", sc.name, uid)
				}
				covered[uid] = sc.name
			}
		}
	}
	for _, r := range rules {
		if covered[r.UID] == "" {
			t.Errorf("rule %s has no scenario that fires it: add one here", r.UID)
		}
	}

	srv, err := testserver.Start(testserver.Options{ClockControl: true, ClockStart: time.Now().Add(-clockBehind), HistoryDays: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	ctx := context.Background()
	o := &oracle{t: t, ctx: ctx, srv: srv, ds: newDatasource(t, srv.URL, srv.APIKey)}
	verdicts := map[string]*verdict{}
	for _, r := range rules {
		verdicts[r.UID] = &verdict{}
	}

	// Baseline: every rule Normal on a calm server, a few evaluations long.
	o.reset(settle)
	var stepped, slo []Rule
	for _, r := range rules {
		if sloRules[r.UID] {
			slo = append(slo, r)
		} else {
			stepped = append(stepped, r)
		}
	}
	baseline := o.run(stepped, baselineSteps, nil)
	for uid, st := range sloBaseline(t, slo) {
		baseline[uid] = st
	}
	for uid, st := range baseline {
		verdicts[uid].baseline = st.state
		if st.state != Normal || st.everNotNormal != "" {
			t.Errorf("%s at baseline: %s (went %s): %s", uid, st.state, st.everNotNormal, st.detail)
		}
	}

	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			o.t = t
			o.reset(settle)
			if err := srv.SetScenario(ctx, sc.name); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.SetScenario(ctx, "normal") })
			elapsed := time.Duration(0)
			for _, ph := range sc.phases {
				if ph.warmUp > elapsed {
					o.advance(ph.warmUp - elapsed)
					elapsed = ph.warmUp
				}
				if ph.sync {
					if err := srv.SyncClock(ctx); err != nil {
						t.Fatal(err)
					}
					o.advance(time.Second) // reads the clock back
				}
				var rs []Rule
				longest := time.Duration(0)
				for _, uid := range ph.rules {
					rs = append(rs, byUID[uid])
					longest = max(longest, byUID[uid].For+queryRange(byUID[uid]))
				}
				n := int((longest + slack) / step)
				for uid, st := range o.run(rs, n, func(states map[string]*ruleRun) bool {
					for _, s := range states {
						if s.state != Alerting {
							return false
						}
					}
					return true
				}) {
					v, r := verdicts[uid], byUID[uid]
					v.scenario, v.firedAfter, v.pendingSeen = st.state, st.alertingAfter, st.pendingSeen
					switch {
					case st.state != Alerting:
						t.Errorf("%s (%s): %s after %d evaluations in %s, want Alerting: %s", uid, r.Title, st.state, n, sc.name, st.detail)
					case r.For > 0 && !st.pendingSeen:
						t.Errorf("%s: Alerting without Pending first (for %s)", uid, r.For)
					case st.alertingAfter < r.For:
						t.Errorf("%s: Alerting %s after it first fired, before its pending period %s", uid, st.alertingAfter, r.For)
					}
				}
				elapsed += time.Duration(n) * step
			}
		})
	}
	o.t = t

	// The application unreachable: the service-down rule pages through its
	// error state (execErrState Alerting) after its pending period.
	t.Run("unreachable", func(t *testing.T) {
		o.t = t
		o.reset(0)
		if _, err := srv.AddFault(ctx, testserver.Fault{Endpoint: "*", Mode: "drop"}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = srv.ClearFaults(ctx) })
		r := byUID["appmon-service-down"]
		st := o.run([]Rule{r}, int((r.For+step)/step), nil)[r.UID]
		if st.state != Alerting || !st.pendingSeen {
			t.Errorf("service down with the endpoints unreachable: %s (pending seen %v): %s", st.state, st.pendingSeen, st.detail)
		}
	})
	o.t = t

	noDataVerdicts(t, rules, verdicts)
	t.Log("\n" + verdictTable(rules, verdicts, covered))
}

// oracle drives the reference server and evaluates rules against it.
type oracle struct {
	t   *testing.T
	ctx context.Context
	srv *testserver.Server
	ds  *plugin.Datasource
	now time.Time
}

func (o *oracle) advance(d time.Duration) {
	o.t.Helper()
	if d <= 0 {
		return
	}
	now, err := o.srv.AdvanceClock(o.ctx, d)
	if err != nil {
		o.t.Fatal(err)
	}
	o.now = now
}

// reset ends any scenario and fault and lets the workload settle.
func (o *oracle) reset(settle time.Duration) {
	o.t.Helper()
	if err := o.srv.SetScenario(o.ctx, "normal"); err != nil {
		o.t.Fatal(err)
	}
	if err := o.srv.ClearFaults(o.ctx); err != nil {
		o.t.Fatal(err)
	}
	o.advance(settle)
}

type ruleRun struct {
	tracker       *Tracker
	state         State
	everNotNormal State
	pendingSeen   bool
	firstActive   time.Time
	alertingAfter time.Duration
	detail        string
}

// run evaluates rules once now and then every step for n steps in all
// (the clock advanced a step before each later one), until done says so.
func (o *oracle) run(rules []Rule, n int, done func(map[string]*ruleRun) bool) map[string]*ruleRun {
	o.t.Helper()
	runs := map[string]*ruleRun{}
	for _, r := range rules {
		runs[r.UID] = &ruleRun{tracker: NewTracker(r), state: Normal}
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			o.advance(step)
		}
		for _, r := range rules {
			run := runs[r.UID]
			answers, err := query(o.ctx, o.ds, r, o.now)
			ev := Evaluate(r, answers, err)
			before := run.state
			run.state = run.tracker.Step(o.now, ev)
			run.detail = describe(ev)
			if run.state != Normal && run.everNotNormal == "" {
				run.everNotNormal = run.state
			}
			if before == Normal && run.state != Normal {
				run.firstActive = o.now
			}
			if run.state == Pending {
				run.pendingSeen = true
			}
			if run.state == Alerting && before != Alerting {
				run.alertingAfter = o.now.Sub(run.firstActive)
			}
		}
		if done != nil && done(runs) {
			break
		}
	}
	return runs
}

// queryRange is the longest range of the rule's data queries: how long a
// mean over it takes to follow a change.
func queryRange(r Rule) time.Duration {
	longest := time.Duration(0)
	for _, q := range r.Data {
		longest = max(longest, q.From-q.To)
	}
	return longest
}

// sloBaseline evaluates the SLO rules once on a calm server whose
// simulated clock is the wall clock.
func sloBaseline(t *testing.T, rules []Rule) map[string]*ruleRun {
	calm, err := testserver.Start(testserver.Options{HistoryDays: 2, CatchUp: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer calm.Stop()
	if err := calm.SyncClock(context.Background()); err != nil {
		t.Fatal(err)
	}
	o := &oracle{t: t, ctx: context.Background(), srv: calm, ds: newDatasource(t, calm.URL, calm.APIKey), now: time.Now()}
	return o.run(rules, 1, nil)
}

// describe says what an evaluation saw, for failure messages.
func describe(ev Evaluation) string {
	if ev.Err != nil {
		return "error: " + ev.Err.Error()
	}
	var parts []string
	for key, inst := range ev.Instances {
		v := "null"
		if inst.Value != nil {
			v = fmt.Sprintf("%g", *inst.Value)
		}
		parts = append(parts, fmt.Sprintf("{%s} %s (%s)", strings.TrimSuffix(key, ","), inst.Outcome, v))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

// verdictTable is the oracle's findings as a Markdown table.
func verdictTable(rules []Rule, verdicts map[string]*verdict, scenario map[string]string) string {
	var b strings.Builder
	b.WriteString("| rule | for | baseline | scenario | verdict | no data |\n|---|---|---|---|---|---|\n")
	for _, r := range rules {
		v := verdicts[r.UID]
		fired := string(v.scenario)
		if v.scenario == Alerting {
			fired = fmt.Sprintf("Alerting %s after firing", v.firedAfter)
			if v.pendingSeen {
				fired = "Pending → " + fired
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", r.UID, r.For, v.baseline, scenario[r.UID], fired, v.noData)
	}
	return b.String()
}
