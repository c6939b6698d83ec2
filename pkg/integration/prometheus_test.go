package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/dashgen"
	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// promBudget bounds the test from the reference API's start to the alert;
// stopping the two processes afterwards takes at most 5 s each, so a
// failing run ends within 90 s and no run hangs CI.
const promBudget = 75 * time.Second

// fastBurnFiring is the SLO page alert firing, for any objective.
const fastBurnFiring = `ALERTS{alertname="Error budget burning fast", alertstate="firing"}`

// Issue 20: a real Prometheus (Debian's 2.42) runs the shipped
// prometheus.yml and rule files against three reference API instances:
// every target is up, every query of the generated Prometheus dashboards
// returns data, every recording rule records and every rule evaluates
// without error; then the error-spike scenario makes the SLO page alert of
// the error-rate objective fire, and only that one.
func TestPrometheusScrapesTheFleet(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("the real-Prometheus test starts its own reference API: run it with APPMON_INTEGRATION=1")
	}
	bin := prometheusBinary(t)
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), promBudget)
	defer cancel()

	srv, err := testserver.Start(testserver.Options{Instances: 3, HistoryDays: 1, ClockControl: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("reference API output:\n%s", srv.Output())
		}
		srv.Stop()
	})
	if len(srv.URLs) != 3 {
		t.Fatalf("the reference API serves %d instances, want 3: %v", len(srv.URLs), srv.URLs)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "appmon-metrics-api-key")
	if err := os.WriteFile(keyFile, []byte(srv.APIKey), 0o600); err != nil {
		t.Fatal(err)
	}
	targets := hostPorts(t, srv.URLs)
	prom := startPrometheus(ctx, t, bin, testPrometheusConfig(t, repoPrometheusDir(t), targets, keyFile), dir)
	t.Logf("reference API and prometheus ready in %s", time.Since(start).Round(time.Millisecond))

	step := func(name string, f func() error) {
		t.Helper()
		began := time.Now()
		if err := poll(ctx, 250*time.Millisecond, f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %s", name, time.Since(began).Round(time.Millisecond))
	}
	step("every target up", func() error { return targetsUp(ctx, prom.url, targets) })
	queries := dashboardQueries(t)
	step(fmt.Sprintf("all %d dashboard queries return data", len(queries)), func() error {
		return queriesAnswer(ctx, prom.url, queries)
	})
	step("every rule evaluates, every recording rule records", func() error { return rulesHealthy(ctx, prom.url) })

	// Calm before the spike: no page.
	if firing, err := promQuery(ctx, prom.url, fastBurnFiring); err != nil || len(firing) > 0 {
		t.Fatalf("the page alert fires before the spike (%v): %v", err, firing)
	}
	// The spike, and a simulated minute of it at once: the API's error
	// rate is the share of the last minute.
	if err := srv.SetScenario(ctx, "error_spike"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.AdvanceClock(ctx, 70*time.Second); err != nil {
		t.Fatal(err)
	}
	step("error spike: the error-rate page alert fires", func() error {
		firing, err := promQuery(ctx, prom.url, fastBurnFiring)
		if err != nil {
			return err
		}
		var objectives []string
		for _, s := range firing {
			objectives = append(objectives, s.Metric["objective"])
		}
		sort.Strings(objectives)
		if strings.Join(objectives, ",") != "error_rate" {
			return fmt.Errorf("page alert firing for objectives %v, want only error_rate", objectives)
		}
		return nil
	})
	if burn, err := promQuery(ctx, prom.url, `slo:current_burn_rate:ratio{sloth_slo="error_rate"}`); err == nil && len(burn) == 1 {
		t.Logf("error-rate burn rate over 5m: %.1fx the budget", burn[0].last())
	}
	t.Logf("whole test: %s", time.Since(start).Round(time.Millisecond))
}

// targetsUp: exactly the given instances are scraped, all successfully.
func targetsUp(ctx context.Context, base string, want []string) error {
	got, err := promTargets(ctx, base)
	if err != nil {
		return err
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d active targets, want %d", len(got), len(want))
	}
	for _, tg := range got {
		if tg.Health != "up" || tg.Labels["job"] != "appmon" {
			return fmt.Errorf("target %s (job %s) is %s: %s", tg.Labels["instance"], tg.Labels["job"], tg.Health, tg.LastError)
		}
	}
	return nil
}

// dashboardQueries are the generated Prometheus dashboards' expressions
// with Grafana's variables replaced as Grafana does for "All" and a 15 s
// panel interval.
func dashboardQueries(t *testing.T) []dashgen.Query {
	t.Helper()
	qs, err := dashgen.PrometheusQueries(dashgen.RepoRoot())
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) == 0 {
		t.Fatal("the Prometheus dashboards have no queries")
	}
	vars := strings.NewReplacer("${__rate_interval}", "1m", "$__rate_interval", "1m", "${__interval}", "15s", "$__interval", "15s")
	for i := range qs {
		qs[i].Expr = vars.Replace(qs[i].Expr)
		if strings.Contains(qs[i].Expr, "$") {
			t.Fatalf("%s / %s: a variable is left in %s", qs[i].Dashboard, qs[i].Panel, qs[i].Expr)
		}
	}
	return qs
}

// queriesAnswer: every query returns at least one series over the last
// minute, as a panel asks.
func queriesAnswer(ctx context.Context, base string, qs []dashgen.Query) error {
	var empty []string
	for _, q := range qs {
		series, err := promQueryRange(ctx, base, q.Expr, time.Minute, time.Second)
		if err != nil {
			return fmt.Errorf("%s / %s (%s): %w", q.Dashboard, q.Panel, q.Expr, err)
		}
		if len(series) == 0 {
			empty = append(empty, fmt.Sprintf("%s / %s: %s", q.Dashboard, q.Panel, q.Expr))
		}
	}
	if len(empty) > 0 {
		return fmt.Errorf("%d queries return no data:\n%s", len(empty), strings.Join(empty, "\n"))
	}
	return nil
}

// rulesHealthy: every rule has been evaluated without error and every
// recording rule's series exists.
func rulesHealthy(ctx context.Context, base string) error {
	rules, err := promRules(ctx, base)
	if err != nil {
		return err
	}
	if len(rules) == 0 {
		return fmt.Errorf("prometheus has loaded no rules")
	}
	for _, r := range rules {
		switch r.Health {
		case "ok":
		case "unknown":
			return fmt.Errorf("%s / %s: not evaluated yet", r.Group, r.Name)
		default:
			// An evaluation error never heals by waiting: stop here.
			return permanent{fmt.Errorf("%s / %s: health %s: %s", r.Group, r.Name, r.Health, r.LastError)}
		}
		if r.Type != "recording" {
			continue
		}
		series, err := promQuery(ctx, base, selectorOf(r.Name, r.Labels))
		if err != nil {
			return err
		}
		if len(series) == 0 {
			return fmt.Errorf("%s / %s%v records no data (%s)", r.Group, r.Name, r.Labels, r.Query)
		}
	}
	return nil
}

func selectorOf(name string, labels map[string]string) string {
	var m []string
	for k, v := range labels {
		m = append(m, fmt.Sprintf("%s=%q", k, v))
	}
	sort.Strings(m)
	return name + "{" + strings.Join(m, ", ") + "}"
}
