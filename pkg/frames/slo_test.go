package frames

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/slo"
)

var testNow = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

// minuteSLI builds one-minute slices ending in (from, to], each with 100
// events of which bad(end) share fails.
func minuteSLI(from, to time.Time, bad func(end time.Time) float64) slo.SLI {
	var out []slo.Slice
	for t := from.Add(time.Minute); !t.After(to); t = t.Add(time.Minute) {
		b := bad(t)
		out = append(out, slo.Slice{End: t, Span: time.Minute, Good: 100 * (1 - b), Total: 100})
	}
	return slo.SLI{Slices: out}
}

// The exact field names of the "slo" frame, written out so a change to the
// contract is a visible change here too.
var sloFields = []string{
	"objective", "title", "window", "target", "actual", "compliant",
	"budget_total_minutes", "budget_remaining_ratio", "budget_remaining_minutes",
	"burn_rate_5m", "burn_rate_30m", "burn_rate_1h", "burn_rate_2h", "burn_rate_6h", "burn_rate_1d", "burn_rate_3d",
	"fast_burn", "slow_burn", "time_to_exhaustion_seconds", "mtbf_seconds", "mttr_seconds", "history_coverage",
}

func TestSLOFrame(t *testing.T) {
	objs := slo.DefaultObjectives()
	spike := testNow.Add(-10 * time.Minute)
	sli := minuteSLI(testNow.Add(-30*24*time.Hour), testNow, func(end time.Time) float64 {
		if end.After(spike) {
			return 0.5
		}
		return 0
	})
	rs := []slo.Result{slo.Compute(objs[1], sli, testNow), slo.Compute(objs[0], slo.SLI{}, testNow)}
	f := SLOFrame(rs)

	if f.Name != "slo" || f.Meta == nil || f.Meta.Type != data.FrameTypeNumericLong || f.Meta.TypeVersion != (data.FrameTypeVersion{0, 1}) {
		t.Fatalf("frame %q meta %+v", f.Name, f.Meta)
	}
	if len(f.Fields) != len(sloFields) {
		t.Fatalf("%d fields, want %d", len(f.Fields), len(sloFields))
	}
	for i, name := range sloFields {
		fd := f.Fields[i]
		if fd.Name != name {
			t.Errorf("field %d = %q, want %q", i, fd.Name, name)
		}
		if fd.Config == nil || fd.Config.DisplayNameFromDS == "" {
			t.Errorf("field %s has no display name", name)
		}
		ft := fd.Type()
		switch {
		case i < 3:
			if ft != data.FieldTypeString {
				t.Errorf("%s is %s, want string (a label of numeric-long)", name, ft)
			}
		case name == "compliant":
			if ft != data.FieldTypeNullableBool {
				t.Errorf("compliant is %s", ft)
			}
		default:
			if !ft.Numeric() {
				t.Errorf("%s is %s, want a number so alert rules can use it", name, ft)
			}
		}
	}
	units := map[string]string{"target": "percent", "actual": "percent", "budget_total_minutes": "m", "budget_remaining_ratio": "percentunit",
		"time_to_exhaustion_seconds": "s", "mtbf_seconds": "s", "mttr_seconds": "s", "history_coverage": "percentunit"}
	for name, unit := range units {
		fd, _ := f.FieldByName(name)
		if fd.Config.Unit != unit {
			t.Errorf("%s unit = %q, want %q", name, fd.Config.Unit, unit)
		}
	}

	row := func(name string, i int) any {
		fd, _ := f.FieldByName(name)
		return fd.At(i)
	}
	if fb := row("fast_burn", 0).(*float64); row("objective", 0) != "error_rate" || row("window", 0) != "30d" || row("target", 0) != 99.5 || fb == nil || *fb != 1 {
		t.Errorf("row 0: objective %v window %v target %v fast_burn %v", row("objective", 0), row("window", 0), row("target", 0), row("fast_burn", 0))
	}
	for _, name := range []string{"actual", "fast_burn", "slow_burn", "budget_remaining_ratio"} {
		if v := row(name, 1).(*float64); v != nil {
			t.Errorf("%s: no data must be null, got %v", name, *v)
		}
	}
	if len(f.Meta.Notices) != 1 || f.Meta.Notices[0].Severity != data.NoticeSeverityWarning || !strings.Contains(f.Meta.Notices[0].Text, "availability has no data") {
		t.Errorf("notices = %+v", f.Meta.Notices)
	}
	// The frame must survive JSON (no Inf/NaN) as Grafana sends it to the browser.
	if _, err := json.Marshal(f); err != nil {
		t.Fatalf("frame does not marshal: %v", err)
	}
}

func TestSLOTrendFrames(t *testing.T) {
	o := slo.DefaultObjectives()[1]
	r := slo.Compute(o, minuteSLI(testNow.Add(-30*24*time.Hour), testNow, func(time.Time) float64 { return 0.001 }), testNow)
	snap := slo.ComputeFromSnapshot(slo.DefaultObjectives()[0], slo.UptimeSnapshot{Percentage: 100, Seconds: 60}, testNow)
	frames := SLOFrames([]slo.Result{r, snap}, 50)
	if len(frames) != 3 || frames[0].Name != FrameSLO {
		t.Fatalf("got %d frames", len(frames))
	}
	tf := frames[1]
	if tf.Name != "slo_trend" || tf.Meta.Type != data.FrameTypeTimeSeriesMulti || tf.Meta.TypeVersion != (data.FrameTypeVersion{0, 1}) {
		t.Fatalf("trend frame %q meta %+v", tf.Name, tf.Meta)
	}
	if tf.Fields[0].Name != "time" || tf.Fields[0].Type() != data.FieldTypeTime || tf.Fields[1].Name != "value" {
		t.Fatalf("trend fields %s/%s", tf.Fields[0].Name, tf.Fields[1].Name)
	}
	v := tf.Fields[1]
	if v.Labels["objective"] != "error_rate" || v.Config.DisplayNameFromDS != "Error rate" || v.Config.Unit != "percent" {
		t.Errorf("value field labels %v config %+v", v.Labels, v.Config)
	}
	if n := tf.Rows(); n < 50 || n > 51 {
		t.Errorf("%d rows, want about 50", n)
	}
	if x := v.At(tf.Rows() - 1).(*float64); x == nil || *x < 99.89 || *x > 99.91 {
		t.Errorf("last trend value = %v, want 99.9", x)
	}
	if frames[2].Rows() != 0 || frames[2].Fields[1].Labels["objective"] != "availability" {
		t.Error("a snapshot-based objective has an empty, labelled trend frame")
	}
}
