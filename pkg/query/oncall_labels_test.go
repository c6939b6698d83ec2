package query

import (
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/oncall"
)

// The default schedule rotates A-D (primary) and B-A (secondary) weekly
// from Monday 2025-01-06 09:00 UTC; 2025-05-26 starts shift 20.
func TestOncallLabelsFollowTheSchedule(t *testing.T) {
	handoff := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		at                 time.Time
		primary, secondary string
	}{
		{testNow, "Engineer A", "Engineer B"},
		{handoff.Add(-time.Second), "Engineer A", "Engineer B"},
		{handoff, "Engineer B", "Engineer C"}, // a shift is [start, end)
	}
	for _, tt := range tests {
		got := OncallLabels(oncall.DefaultSchedule(), tt.at)
		want := data.Labels{LabelOncallPrimary: tt.primary, LabelOncallSecondary: tt.secondary}
		if got.String() != want.String() {
			t.Errorf("at %v: %v, want %v", tt.at, got, want)
		}
	}
}

func TestOncallLabelsSkipLayersWithNobodyOnCall(t *testing.T) {
	s, err := oncall.ParseSchedule([]byte(`{"oncall":{"layers":[
		{"name":"primary","members":[]},
		{"name":"secondary","members":[{"name":"Ada","contact":"ada@example.com"}]},
		{"name":"third","members":[{"name":"Bob","contact":"bob@example.com"}]}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := OncallLabels(s, testNow)
	if len(got) != 1 || got[LabelOncallSecondary] != "Ada" {
		t.Fatalf("labels = %v, want only the secondary (the third layer has no label)", got)
	}
	empty, err := oncall.ParseSchedule([]byte(`{"oncall":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	frames := multiFrames([]series{point("x", nil, testNow, num(1))})
	AddOncallLabels(frames, empty, testNow)
	if l := frames[0].Fields[1].Labels; len(l) != 1 {
		t.Fatalf("a schedule without layers adds nothing: %v", l)
	}
}

func TestAddOncallLabelsToEveryNumericSeries(t *testing.T) {
	multi := multiFrames([]series{
		point("a", nil, testNow, num(1)),
		point("b", data.Labels{LabelOncallPrimary: "kept"}, testNow, num(2)),
	})
	long := data.NewFrame("slo",
		data.NewField("objective", nil, []string{"availability", "latency"}),
		data.NewField("fast_burn", nil, []float64{0, 1}),
	).SetMeta(&data.FrameMeta{Type: data.FrameTypeNumericLong})
	wide := wideFrame("live", testNow, []series{point("c", nil, testNow, num(3))})
	table := frames.AlertsFrame("alerts", nil)
	frames := append(multi, long, wide, table)
	AddOncallLabels(frames, oncall.DefaultSchedule(), testNow)

	if l := multi[0].Fields[1].Labels; l[LabelOncallPrimary] != "Engineer A" || l[LabelOncallSecondary] != "Engineer B" || l[MetricLabel] != "a" {
		t.Errorf("time series labels = %v", l)
	}
	if l := multi[1].Fields[1].Labels; l[LabelOncallPrimary] != "kept" {
		t.Errorf("an existing label must be kept so label sets stay unique: %v", l)
	}
	if l := wide.Fields[1].Labels; l[LabelOncallSecondary] != "Engineer B" {
		t.Errorf("wide frame labels = %v", l)
	}
	for _, name := range []string{LabelOncallPrimary, LabelOncallSecondary} {
		fld, i := long.FieldByName(name)
		if i < 0 || fld.Len() != 2 || fld.At(1) == "" {
			t.Fatalf("numeric-long frame: column %s missing or empty", name)
		}
	}
	if v, _ := long.FieldByName(LabelOncallPrimary); v.At(0) != "Engineer A" {
		t.Errorf("numeric-long primary = %v", v.At(0))
	}
	if _, i := table.FieldByName(LabelOncallPrimary); i >= 0 {
		t.Error("tables are not numeric series and must not change")
	}
}

// Only alert rule evaluations get the labels: dashboards keep their
// series identities (and legends) whoever is on call.
func TestRunAddsOncallLabelsOnlyForAlertQueries(t *testing.T) {
	fake := fakeapi.New(t)
	r := newRunner(t, fake.URL)
	r.Schedule = oncall.DefaultSchedule()
	q := mustParse(t, "metrics", `{"metricName":"api.*","endpoint":"overall"}`, testNow.Add(-time.Hour), testNow)

	for _, fromAlert := range []bool{false, true} {
		q.FromAlert = fromAlert
		frames := run(t, r, q)
		if len(frames) < 3 || frames[0].Fields[1].Type() != data.FieldTypeNullableFloat64 {
			t.Fatalf("want the overall api series, got %d frames", len(frames))
		}
		for _, f := range frames {
			l := f.Fields[1].Labels
			_, has := l[LabelOncallPrimary]
			if has != fromAlert || (fromAlert && l[LabelOncallSecondary] != "Engineer B") {
				t.Fatalf("fromAlert=%v: labels %v", fromAlert, l)
			}
		}
	}
}

func num(v float64) *float64 { return &v }
