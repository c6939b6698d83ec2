package fleet

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

var t0 = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

func f64(v float64) *float64 { return &v }

// series builds a dataplane multi frame as the query package does.
func series(name string, labels data.Labels, unit string, times []time.Time, vals ...*float64) *data.Frame {
	l := data.Labels{"metric": name}
	for k, v := range labels {
		l[k] = v
	}
	v := data.NewField(name, l, vals).SetConfig(&data.FieldConfig{Unit: unit, DisplayNameFromDS: strings.ToUpper(name[:1]) + name[1:]})
	f := data.NewFrame(name, data.NewField("time", nil, times), v)
	f.SetMeta(&data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: data.FrameTypeVersion{0, 1}})
	return f
}

func minutes(n int, offset time.Duration) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = t0.Add(time.Duration(i)*time.Minute + offset)
	}
	return out
}

func values(f *data.Frame) []*float64 {
	fd := f.Fields[1]
	out := make([]*float64, fd.Len())
	for i := range out {
		out[i], _ = fd.NullableFloatAt(i)
	}
	return out
}

func same(a []*float64, b ...*float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (a[i] == nil) != (b[i] == nil) || a[i] != nil && *a[i] != *b[i] {
			return false
		}
	}
	return true
}

func show(v []*float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = "null"
		if x != nil {
			parts[i] = strconv.FormatFloat(*x, 'g', -1, 64)
		}
	}
	return strings.Join(parts, " ")
}

func TestSumIsNullWhereAnAnsweringInstanceHasNoPoint(t *testing.T) {
	// b misses the second minute and sends a null in the third; a sampled 40 ms later.
	a := series("api.requests.rate", nil, "reqpm", minutes(3, 40*time.Millisecond), f64(10), f64(20), f64(30))
	b := series("api.requests.rate", nil, "reqpm", []time.Time{t0, t0.Add(2 * time.Minute), t0.Add(3 * time.Minute)}, f64(1), nil, f64(4))
	out := Series([]Result{{Instance: "a:1", Frames: data.Frames{a}}, {Instance: "b:1", Frames: data.Frames{b}}})
	if len(out) != 1 {
		t.Fatalf("%d frames", len(out))
	}
	got := values(out[0])
	if !same(got, f64(11), nil, nil, nil) {
		t.Errorf("sums %s", show(got))
	}
	v := out[0].Fields[1]
	if v.Labels[FleetLabel] != "sum of instances" || v.Config.DisplayNameFromDS != "Api.requests.rate (sum of instances)" {
		t.Errorf("labels %v, display %q", v.Labels, v.Config.DisplayNameFromDS)
	}
	if tm := out[0].Fields[0].At(0).(time.Time); !tm.Equal(t0) {
		t.Errorf("first time %v, want the minute %v", tm, t0)
	}
}

func TestMeanAndMaxUseTheKnownValues(t *testing.T) {
	ta := []time.Time{t0}
	res := []Result{
		{Instance: "a:1", Frames: data.Frames{series("api.error_rate", nil, "percent", ta, f64(2)), series("api.response_time.p95", nil, "ms", ta, f64(300))}},
		{Instance: "b:1", Frames: data.Frames{series("api.error_rate", nil, "percent", ta, f64(4)), series("api.response_time.p95", nil, "ms", ta, nil)}},
		{Instance: "c:1", Frames: data.Frames{series("api.error_rate", nil, "percent", ta, nil), series("api.response_time.p95", nil, "ms", ta, f64(500))}},
	}
	out := Series(res)
	if len(out) != 2 {
		t.Fatalf("%d frames", len(out))
	}
	if !same(values(out[0]), f64(3)) || out[0].Fields[1].Labels[FleetLabel] != "mean of instances" {
		t.Errorf("error rate %v %v", values(out[0]), out[0].Fields[1].Labels)
	}
	if !same(values(out[1]), f64(500)) || out[1].Fields[1].Labels[FleetLabel] != "max of instances" {
		t.Errorf("p95 %v %v", values(out[1]), out[1].Fields[1].Labels)
	}
}

func TestCurrentValuesMeetAtTheNewestTime(t *testing.T) {
	a := series("users.active", nil, "", []time.Time{t0.Add(3 * time.Millisecond)}, f64(5))
	b := series("users.active", nil, "", []time.Time{t0.Add(900 * time.Millisecond)}, f64(7))
	out := Series([]Result{{Instance: "a:1", Frames: data.Frames{a}}, {Instance: "b:1", Frames: data.Frames{b}}})
	if !same(values(out[0]), f64(12)) || !out[0].Fields[0].At(0).(time.Time).Equal(t0.Add(900*time.Millisecond)) {
		t.Errorf("%v at %v", values(out[0]), out[0].Fields[0].At(0))
	}
}

func TestSeriesGroupByLabelsWithoutTheServersInstanceLabel(t *testing.T) {
	mk := func(inst, endpoint string, v float64) *data.Frame {
		return series("api.requests.rate", data.Labels{"endpoint": endpoint, InstanceLabel: inst}, "", []time.Time{t0}, f64(v))
	}
	out := Series([]Result{
		{Instance: "a:1", Frames: data.Frames{mk("a", "/x", 1), mk("a", "/y", 2)}},
		{Instance: "b:1", Frames: data.Frames{mk("b", "/x", 3), mk("b", "/y", 4)}},
	})
	if len(out) != 2 || !same(values(out[0]), f64(4)) || !same(values(out[1]), f64(6)) {
		t.Fatalf("%d frames", len(out))
	}
	if _, has := out[0].Fields[1].Labels[InstanceLabel]; has || out[0].Fields[1].Labels["endpoint"] != "/x" {
		t.Errorf("labels %v", out[0].Fields[1].Labels)
	}
}

// A series only one of two answering instances has: its sum is unknown.
func TestSumOfASeriesOneInstanceLacks(t *testing.T) {
	out := Series([]Result{
		{Instance: "a:1", Frames: data.Frames{series("orders.rate", nil, "", []time.Time{t0}, f64(3))}},
		{Instance: "b:1", Frames: data.Frames{series("cpu", nil, "percent", []time.Time{t0}, f64(3))}},
	})
	if len(out) != 2 || !same(values(out[0]), nil) || !same(values(out[1]), f64(3)) {
		t.Errorf("sum %v, mean %v", values(out[0]), values(out[1]))
	}
}

func TestInstancesViewLabelsCopies(t *testing.T) {
	shared := data.Labels{"category": "api"}
	a := series("api.requests.rate", nil, "", []time.Time{t0}, f64(1))
	a.Fields[1].Labels = shared
	b := series("api.requests.rate", nil, "", []time.Time{t0}, f64(2))
	out := Instances([]Result{{Instance: "a:1", Frames: data.Frames{a}}, {Instance: "b:1", Frames: data.Frames{b}}})
	if len(out) != 2 || out[0].Fields[1].Labels[InstanceLabel] != "a:1" || out[1].Fields[1].Labels[InstanceLabel] != "b:1" {
		t.Fatalf("%v", out)
	}
	if _, touched := shared[InstanceLabel]; touched {
		t.Error("a label map shared with a cached series was changed")
	}
	if _, labelled := out[0].Fields[0].Labels[InstanceLabel]; labelled {
		t.Error("the time field takes no label")
	}
}

func TestNoticesMerged(t *testing.T) {
	note := func(f *data.Frame, texts ...string) *data.Frame {
		for _, s := range texts {
			f.Meta.Notices = append(f.Meta.Notices, data.Notice{Severity: data.NoticeSeverityWarning, Text: s})
		}
		f.Meta.ExecutedQueryString = "GET /api/monitoring/metrics"
		return f
	}
	out := Series([]Result{
		{Instance: "a:1", Frames: data.Frames{note(series("x.count", nil, "", []time.Time{t0}, f64(1)), "shared", "only a")}},
		{Instance: "b:1", Frames: data.Frames{note(series("x.count", nil, "", []time.Time{t0}, f64(1)), "shared")}},
	})
	Annotate(out, data.Notice{Text: "Instance c:1 did not answer"})
	var texts []string
	for _, n := range out[0].Meta.Notices {
		texts = append(texts, n.Text)
	}
	if got := strings.Join(texts, "|"); got != "shared|Instance a:1: only a|Instance c:1 did not answer" {
		t.Errorf("notices %q", got)
	}
	if q := out[0].Meta.ExecutedQueryString; q != "a:1 GET /api/monitoring/metrics\nb:1 GET /api/monitoring/metrics" {
		t.Errorf("executed %q", q)
	}
}

func alertsFrame(times ...time.Time) *data.Frame {
	ids := make([]string, len(times))
	for i := range ids {
		ids[i] = "alert"
	}
	return data.NewFrame("alerts", data.NewField("time", nil, times), data.NewField("id", nil, ids))
}

func TestTablesUnionWithInstanceColumn(t *testing.T) {
	out := Instances([]Result{
		{Instance: "a:1", Frames: data.Frames{alertsFrame(t0, t0.Add(2*time.Minute))}},
		{Instance: "b:1", Frames: data.Frames{alertsFrame(t0.Add(time.Minute))}},
	})
	if len(out) != 1 || out[0].Rows() != 3 {
		t.Fatalf("%v", out)
	}
	inst, _ := out[0].FieldByName(InstanceLabel)
	if inst == nil || inst.At(0) != "a:1" || inst.At(1) != "b:1" || inst.At(2) != "a:1" {
		t.Errorf("rows not oldest first with their instance: %v", out[0])
	}
}

func TestHealthCountsInstances(t *testing.T) {
	inst := func(overall float64, redis float64) Result {
		return Result{Frames: data.Frames{
			series("health.status", nil, "", []time.Time{t0}, f64(overall)),
			series("health.status", data.Labels{"service": "redis"}, "", []time.Time{t0}, f64(redis)),
			series("health.score", nil, "percent", []time.Time{t0}, f64(overall*100)),
		}}
	}
	answered := []Result{inst(1, 1), inst(0.5, 1), inst(1, 0)}
	for i := range answered {
		answered[i].Instance = string(rune('a'+i)) + ":1"
	}
	out := Health(answered, 5, func(name string, labels data.Labels) bool { return name != "health.response_time" })
	if out[0].Name != "fleet_health" || out[0].Fields[2].At(0) != "2 of 5 healthy" {
		t.Fatalf("%v", out[0])
	}
	if out[1].Name != "fleet_components" || out[1].Fields[3].At(0) != "redis healthy in 2 of 5" {
		t.Errorf("%v", out[1])
	}
	// keep refuses the component: only the fleet frames and the score are left.
	out = Health(answered, 5, func(name string, labels data.Labels) bool { return name == "health.score" && labels["service"] == "" })
	if len(out) != 2 || out[1].Name != "health.score" || !same(values(out[1]), f64(250.0/3)) {
		t.Errorf("%d frames: %v", len(out), out)
	}
}

func TestUptimeCountsUpInstances(t *testing.T) {
	inst := func(name string, status, pct float64) Result {
		return Result{Instance: name, Frames: data.Frames{
			series("uptime.status", nil, "", []time.Time{t0}, f64(status)),
			series("uptime.percentage", nil, "percent", []time.Time{t0}, f64(pct)),
		}}
	}
	out := Uptime([]Result{inst("a:1", 1, 99.9), inst("b:1", 0, 99.0), inst("c:1", 0.5, 99.6)}, 4, nil)
	if out[0].Name != "fleet_uptime" || out[0].Fields[2].At(0) != "2 of 4 up" {
		t.Fatalf("%v", out[0])
	}
	for _, f := range out[1:] {
		if f.Name == "uptime.percentage" && !same(values(f), f64(99.5)) {
			t.Errorf("availability %v, want the mean 99.5", show(values(f)))
		}
		if f.Name == "uptime.status" && !same(values(f), f64(0)) {
			t.Errorf("status %v, want the worst", show(values(f)))
		}
	}
}

func TestPeriodTotalChangeFromTheSums(t *testing.T) {
	total := func(this, prev float64) *data.Frame {
		l := data.Labels{"metric": "orders.rate"}
		f := data.NewFrame("orders.rate",
			data.NewField("this_period", l, []*float64{f64(this)}),
			data.NewField("previous_period", l, []*float64{f64(prev)}),
			data.NewField("change", l, []*float64{f64((this - prev) / prev * 100)}))
		f.Meta = &data.FrameMeta{Type: data.FrameTypeNumericLong}
		return f
	}
	out := Series([]Result{{Instance: "a:1", Frames: data.Frames{total(150, 100)}}, {Instance: "b:1", Frames: data.Frames{total(50, 100)}}})
	ch, _ := out[0].Fields[2].NullableFloatAt(0)
	this, _ := out[0].Fields[0].NullableFloatAt(0)
	if this == nil || *this != 200 || ch == nil || *ch != 0 {
		t.Errorf("this %v change %v: want 200 and 0 %%, not the sum of the changes", this, ch)
	}
}

// Series that cannot be combined (a text column) stay per instance, all of them.
func TestUncombinableSeriesStayPerInstance(t *testing.T) {
	mk := func() *data.Frame {
		f := series("build.info", nil, "", []time.Time{t0}, f64(1))
		f.Fields = append(f.Fields, data.NewField("version", nil, []string{"1.2.3"}))
		return f
	}
	out := Series([]Result{{Instance: "a:1", Frames: data.Frames{mk()}}, {Instance: "b:1", Frames: data.Frames{mk()}}})
	if len(out) != 2 || out[0].Fields[1].Labels[InstanceLabel] != "a:1" || out[1].Fields[1].Labels[InstanceLabel] != "b:1" {
		t.Fatalf("%v", out)
	}
}
