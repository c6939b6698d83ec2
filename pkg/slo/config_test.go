package slo

import (
	"strings"
	"testing"
	"time"
)

func TestParseObjectivesDefaults(t *testing.T) {
	for _, js := range []string{``, `{}`, `{"timeoutSeconds": 5}`, `{"slos": null}`} {
		objs, err := ParseObjectives([]byte(js))
		if err != nil {
			t.Fatalf("%q: %v", js, err)
		}
		if len(objs) != 3 {
			t.Fatalf("%q: %d objectives, want the 3 defaults", js, len(objs))
		}
		want := []struct {
			id     string
			kind   Kind
			target float64
		}{{"availability", KindAvailability, 99.9}, {"error_rate", KindErrorRate, 99.5}, {"latency", KindLatency, 99}}
		for i, w := range want {
			o := objs[i]
			if o.ID != w.id || o.Kind != w.kind || o.Target != w.target || o.Window.Name != "30d" || o.Window.Length != 30*24*time.Hour {
				t.Errorf("default %d = %+v", i, o)
			}
		}
		if objs[2].ThresholdMs != 2000 || objs[2].Metric != MetricResponseP95 {
			t.Errorf("latency default = %+v, want p95 under 2000 ms", objs[2])
		}
	}
}

func TestParseObjectivesExplicitEmptyMeansNone(t *testing.T) {
	objs, err := ParseObjectives([]byte(`{"slos": []}`))
	if err != nil || len(objs) != 0 {
		t.Fatalf("got %v, %v; want no objectives", objs, err)
	}
}

func TestParseObjectivesValid(t *testing.T) {
	js := `{"url":"x","slos":[
		{"id":"checkout-availability","title":"Checkout availability","kind":"availability","target":99.95,"window":"calendar_month","time_zone":"Europe/Berlin"},
		{"kind":"error_rate","window":"7d"},
		{"id":"p99","kind":"latency","target":95,"threshold_ms":1500,"metric":"api.response_time.p99","window":"28d"}
	]}`
	objs, err := ParseObjectives([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 3 {
		t.Fatalf("%d objectives", len(objs))
	}
	a := objs[0]
	if a.ID != "checkout-availability" || a.Title != "Checkout availability" || a.Target != 99.95 ||
		a.Window.Kind != WindowCalendarMonth || a.Window.Location.String() != "Europe/Berlin" || a.Metric != MetricUptime {
		t.Errorf("availability = %+v", a)
	}
	e := objs[1]
	if e.ID != "error_rate" || e.Target != DefaultErrorRateTarget || e.Window.Length != 7*24*time.Hour || e.Title != "Error rate" {
		t.Errorf("error rate = %+v", e)
	}
	l := objs[2]
	if l.ThresholdMs != 1500 || l.Metric != "api.response_time.p99" || l.Target != 95 || !strings.Contains(l.Title, "1500") {
		t.Errorf("latency = %+v", l)
	}
}

func TestParseObjectivesErrors(t *testing.T) {
	tests := []struct {
		name string
		js   string
		want []string // substrings of the error, each must appear
	}{
		{"jsonData not an object", `[1]`, []string{"jsonData is not a JSON object"}},
		{"slos not an array", `{"slos":{"kind":"availability"}}`, []string{"must be an array of objectives"}},
		{"misspelled field", `{"slos":[{"kind":"latency","treshold_ms":10}]}`, []string{`unknown field "treshold_ms"`}},
		{"missing kind", `{"slos":[{"target":99}]}`, []string{"slos[0].kind: is required"}},
		{"unknown kind", `{"slos":[{"kind":"throughput"}]}`, []string{`slos[0].kind: "throughput" is not supported`}},
		{"target zero", `{"slos":[{"kind":"availability","target":0}]}`, []string{"slos[0].target: 0 is not a percentage in (0, 100]"}},
		{"target above 100", `{"slos":[{"kind":"availability","target":120}]}`, []string{"slos[0].target: 120"}},
		{"unknown window", `{"slos":[{"kind":"availability","window":"9d"}]}`, []string{`slos[0].window: "9d" is not supported`, "calendar_month"}},
		{"bad time zone", `{"slos":[{"kind":"availability","window":"calendar_month","time_zone":"Mars/Olympus"}]}`, []string{`slos[0].time_zone: "Mars/Olympus" is not an IANA time zone`}},
		{"time zone on a rolling window", `{"slos":[{"kind":"availability","window":"30d","time_zone":"UTC"}]}`, []string{"slos[0].time_zone: only calendar_month and calendar_quarter windows"}},
		{"threshold on availability", `{"slos":[{"kind":"availability","threshold_ms":100}]}`, []string{"slos[0].threshold_ms: only latency objectives"}},
		{"negative threshold", `{"slos":[{"kind":"latency","threshold_ms":-5}]}`, []string{"slos[0].threshold_ms: -5 must be a positive"}},
		{"metric on error rate", `{"slos":[{"kind":"error_rate","metric":"x"}]}`, []string{"slos[0].metric: error_rate objectives always use"}},
		{"bad metric", `{"slos":[{"kind":"latency","metric":"a b"}]}`, []string{`slos[0].metric: "a b" is not a metric name`}},
		{"bad id", `{"slos":[{"id":"Has Space","kind":"availability"}]}`, []string{`slos[0].id: "Has Space" must be`}},
		{"duplicate ids", `{"slos":[{"kind":"availability"},{"kind":"availability","target":99}]}`, []string{`slos[1].id: "availability" is already used by slos[0]`}},
		{"every problem is listed", `{"slos":[{"kind":"availability","target":101},{"kind":"latency","threshold_ms":0}]}`,
			[]string{"slos[0].target", "slos[1].threshold_ms"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseObjectives([]byte(tc.js))
			if err == nil {
				t.Fatal("no error")
			}
			if !IsConfigError(err) {
				t.Errorf("error %T is not a ConfigError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestParseObjectivesTooMany(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"slos":[`)
	for i := 0; i <= MaxObjectives; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"id":"o` + strings.Repeat("x", i) + `","kind":"availability"}`)
	}
	b.WriteString("]}")
	if _, err := ParseObjectives([]byte(b.String())); err == nil || !strings.Contains(err.Error(), "at most 20") {
		t.Fatalf("err = %v", err)
	}
}
