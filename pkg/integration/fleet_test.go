package integration

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The acceptance case of a fleet: instances of the reference API on
// several ports and one stopped instance. Every view gives data from the
// answering instances and a notice naming the stopped one.
func TestFleetOneInstanceStopped(t *testing.T) {
	requireServer(t)
	urls, key := fleetOf(t, 3)
	urls = append(urls, stoppedInstance(t))
	stopped := hostPort(urls[3])
	ds := newFleetDS(t, key, urls...)
	one := newDS(t, urls[0], `{"retries":0}`, key)
	wantNotice := fmt.Sprintf("Instance %s did not answer (connection refused); showing 3 of 4 instances", stopped)

	t.Run("instances view labels each instance's series", func(t *testing.T) {
		res := queryAs(t, ds, nil, modelQuery(`{"queryType":"metrics","metricName":"system.cpu.usage"}`, time.Hour))
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		seen := map[string]bool{}
		for _, f := range res.Frames {
			inst := f.Fields[1].Labels["instance"]
			if inst == "" {
				t.Fatalf("series %s has no instance label: %v", f.Name, f.Fields[1].Labels)
			}
			seen[inst] = true
		}
		if len(seen) != 3 || seen[stopped] {
			t.Errorf("instances %v, want the three answering ones", seen)
		}
		requireNotice(t, res.Frames, wantNotice)
	})

	t.Run("fleet view gives one series per metric", func(t *testing.T) {
		model := `{"queryType":"metrics","metricName":"api.requests.rate","endpoint":"overall"%s}`
		single := queryAs(t, one, nil, modelQuery(fmt.Sprintf(model, ""), time.Hour))
		res := queryAs(t, ds, nil, modelQuery(fmt.Sprintf(model, `,"fleetView":"fleet"`), time.Hour))
		if res.Error != nil || single.Error != nil {
			t.Fatal(res.Error, single.Error)
		}
		if len(res.Frames) != 1 || len(single.Frames) != 1 {
			t.Fatalf("fleet %d series, one instance %d", len(res.Frames), len(single.Frames))
		}
		v := res.Frames[0].Fields[1]
		if v.Labels["fleet"] != "sum of instances" || v.Labels["instance"] != "" {
			t.Errorf("labels %v", v.Labels)
		}
		// Past minutes are history: the three instances (one workload) sum to three times one.
		fleetAt := pointsByTime(res.Frames[0])
		compared := 0
		for ts, v := range pointsByTime(single.Frames[0]) {
			sum, ok := fleetAt[ts]
			if !ok || v == nil || time.Since(ts) < 3*time.Minute {
				continue
			}
			if sum == nil || math.Abs(*sum-3**v) > 1e-6*math.Max(1, *sum) {
				t.Fatalf("at %v the fleet rate is %v, one instance %v", ts, sum, *v)
			}
			compared++
		}
		if compared < 10 {
			t.Errorf("only %d common minutes compared", compared)
		}
		requireNotice(t, res.Frames, wantNotice)
	})

	t.Run("fleet health counts the stopped instance as not healthy", func(t *testing.T) {
		single := queryAs(t, one, nil, modelQuery(`{"queryType":"health","metricName":"health.status","service":""}`, time.Hour))
		res := queryAs(t, ds, nil, modelQuery(`{"queryType":"health","fleetView":"fleet"}`, time.Hour))
		if res.Error != nil || single.Error != nil {
			t.Fatal(res.Error, single.Error)
		}
		healthy := 0
		if v := single.Frames[0].Fields[1]; v.Labels["service"] == "" {
			if s, _ := v.NullableFloatAt(0); s != nil && *s == 1 {
				healthy = 3 // one workload: all three answer alike
			}
		}
		f := frameNamed(t, res.Frames, "fleet_health")
		if got, want := text(t, f, "summary", 0), fmt.Sprintf("%d of 4 healthy", healthy); got != want {
			t.Errorf("summary %q, want %q", got, want)
		}
		if res.Frames[0] != f {
			t.Error("fleet_health is the first frame")
		}
		requireNotice(t, res.Frames, wantNotice)
	})

	t.Run("uptime: availability from the answering instances, N of M up", func(t *testing.T) {
		res := queryAs(t, ds, nil, modelQuery(`{"queryType":"uptime","fleetView":"fleet"}`, time.Hour))
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		if got := text(t, frameNamed(t, res.Frames, "fleet_uptime"), "summary", 0); got != "3 of 4 up" {
			t.Errorf("summary %q", got)
		}
		if pct := frameNamed(t, res.Frames, "uptime.percentage").Fields[1]; pct.Labels["fleet"] != "mean of instances" {
			t.Errorf("availability labels %v", pct.Labels)
		}
	})

	t.Run("alert rules: one series per instance, or one for the fleet", func(t *testing.T) {
		for view, want := range map[string]int{"instances": 3, "fleet": 1} {
			res := queryAs(t, ds, alertHeaders, modelQuery(`{"queryType":"metrics","metricName":"api.error_rate","endpoint":"overall","fleetView":"`+view+`"}`, 10*time.Minute))
			if res.Error != nil {
				t.Fatal(res.Error)
			}
			sets := map[string]bool{}
			for _, f := range res.Frames {
				sets[f.Fields[1].Labels.String()] = true
			}
			if len(res.Frames) != want || len(sets) != want {
				t.Errorf("%s view: %d series, %d label sets; want %d", view, len(res.Frames), len(sets), want)
			}
		}
	})

	t.Run("alerts are the union of the instances'", func(t *testing.T) {
		res := queryAs(t, ds, nil, modelQuery(`{"queryType":"alerts","alertsAction":"configuration"}`, time.Hour))
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		rules := frameNamed(t, res.Frames, "rules")
		if _, i := rules.FieldByName("instance"); i < 0 || rules.Rows()%3 != 0 || rules.Rows() == 0 {
			t.Errorf("rules: %d rows, instance column %d", rules.Rows(), i)
		}
	})

	t.Run("slo: per instance, or evaluated once over the fleet's combined inputs", func(t *testing.T) {
		per := queryAs(t, ds, nil, modelQuery(`{"queryType":"slo","sloField":"burn_rate_1h"}`, time.Hour))
		whole := queryAs(t, ds, nil, modelQuery(`{"queryType":"slo","sloField":"burn_rate_1h","fleetView":"fleet"}`, time.Hour))
		if per.Error != nil || whole.Error != nil {
			t.Fatal(per.Error, whole.Error)
		}
		p, w := frameNamed(t, per.Frames, "slo"), frameNamed(t, whole.Frames, "slo")
		if _, i := p.FieldByName("instance"); i < 0 || p.Rows() != 3*w.Rows() || w.Rows() == 0 {
			t.Errorf("per instance %d rows (instance column %d), fleet %d rows", p.Rows(), i, w.Rows())
		}
		if _, i := w.FieldByName("instance"); i >= 0 {
			t.Error("the fleet's objectives are not per instance")
		}
		requireNotice(t, whole.Frames, wantNotice)
	})

	t.Run("health check", func(t *testing.T) {
		res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
		if err != nil {
			t.Fatal(err)
		}
		want := "3 of 4 instances answered: " + stopped + " did not answer (connection refused)"
		if res.Status != backend.HealthStatusOk || !strings.HasPrefix(res.Message, want) {
			t.Errorf("%v %q, want OK starting %q", res.Status, res.Message, want)
		}
	})
}

func requireNotice(t *testing.T, frames data.Frames, want string) {
	t.Helper()
	if len(frames) == 0 || frames[0].Meta == nil {
		t.Fatalf("no notices; want %q", want)
	}
	for _, n := range frames[0].Meta.Notices {
		if n.Text == want {
			return
		}
	}
	t.Errorf("notices on the first frame %v, want %q", frames[0].Meta.Notices, want)
}

func pointsByTime(f *data.Frame) map[time.Time]*float64 {
	out := map[time.Time]*float64{}
	for i := 0; i < f.Rows(); i++ {
		v, _ := f.Fields[1].NullableFloatAt(i)
		out[f.Fields[0].At(i).(time.Time)] = v
	}
	return out
}
