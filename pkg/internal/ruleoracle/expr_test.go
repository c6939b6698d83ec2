package ruleoracle

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

func f(v float64) *float64 { return &v }

func series(labels data.Labels, vals ...*float64) Item {
	return Item{Labels: labels, Series: true, Values: vals}
}

func TestReduceModes(t *testing.T) {
	withNull := series(nil, f(1), nil, f(math.NaN()), f(math.Inf(1)), f(4))
	cases := []struct {
		reducer, mode string
		replace       *float64
		in            Item
		want          float64 // NaN: want NaN
	}{
		{"last", "strict", nil, withNull, 4},
		{"mean", "strict", nil, withNull, math.NaN()},
		{"mean", "", nil, withNull, math.NaN()},
		{"max", "strict", nil, withNull, math.NaN()},
		{"mean", "dropNN", nil, withNull, 2.5},
		{"min", "dropNN", nil, withNull, 1},
		{"max", "dropNN", nil, withNull, 4},
		{"count", "dropNN", nil, withNull, 2},
		{"mean", "replaceNN", f(0), withNull, 1},
		{"max", "replaceNN", f(10), withNull, 10},
		{"last", "dropNN", nil, series(nil, nil, nil), math.NaN()},
		{"sum", "dropNN", nil, series(nil), 0},
		{"last", "strict", nil, Item{Value: f(7)}, 7},
	}
	for _, tc := range cases {
		got, err := reduceItem(tc.in, tc.reducer, tc.mode, tc.replace)
		if err != nil {
			t.Fatalf("%s/%s: %v", tc.reducer, tc.mode, err)
		}
		if math.IsNaN(tc.want) != math.IsNaN(got) || (!math.IsNaN(got) && got != tc.want) {
			t.Errorf("%s/%s: got %v, want %v", tc.reducer, tc.mode, got, tc.want)
		}
	}
	if _, err := reduceItem(withNull, "mean", "replaceNN", nil); err == nil {
		t.Error("replaceNN without replaceWithValue must be an error")
	}
	if _, err := reduceItem(withNull, "median", "dropNN", nil); err == nil {
		t.Error("an unknown reducer must be an error")
	}
}

func TestThresholdEvaluators(t *testing.T) {
	cases := []struct {
		typ    string
		params []float64
		v      float64
		want   float64
	}{
		{"gt", []float64{5}, 5, 0}, {"gt", []float64{5}, 5.1, 1},
		{"lt", []float64{1}, 0.5, 1}, {"lt", []float64{1}, 1, 0},
		{"within_range", []float64{1, 5}, 3, 1}, {"within_range", []float64{1, 5}, 5, 0},
		{"outside_range", []float64{1, 5}, 0, 1}, {"outside_range", []float64{1, 5}, 5, 0},
	}
	for _, tc := range cases {
		got, err := compare(f(tc.v), tc.typ, tc.params)
		if err != nil || *got != tc.want {
			t.Errorf("%s %v on %v: got %v, %v; want %v", tc.typ, tc.params, tc.v, *got, err, tc.want)
		}
	}
	if got, _ := compare(f(math.NaN()), "gt", []float64{0}); !math.IsNaN(*got) {
		t.Errorf("NaN compared must stay unknown, got %v", *got)
	}
}

func TestMathJoinsByLabels(t *testing.T) {
	results := map[string][]Item{
		"X": {{Labels: data.Labels{"svc": "a"}, Value: f(100)}, {Labels: data.Labels{"svc": "b"}, Value: f(50)}},
		"B": {{Labels: data.Labels{"svc": "a", "host": "h"}, Value: f(95)}, {Labels: data.Labels{"svc": "b"}, Value: f(10)}},
		"N": {{Labels: data.Labels{"m": "one"}, Value: f(3)}},
		"M": {{Labels: data.Labels{"m": "two"}, Value: f(4)}},
	}
	out, err := evalMath("$X - ${B}", results)
	if err != nil || len(out) != 2 {
		t.Fatalf("got %v, %v", out, err)
	}
	byKey := map[string]float64{}
	for _, it := range out {
		byKey[it.Key()] = *it.Value
	}
	if byKey["host=h,svc=a,"] != 5 || byKey["svc=b,"] != 40 {
		t.Errorf("joined by labels: %v", byKey)
	}
	// One item each: combined whatever the labels.
	if out, err := evalMath("($N + $M) * 2 > 13 && !0", results); err != nil || len(out) != 1 || *out[0].Value != 1 {
		t.Errorf("single items: %v, %v", out, err)
	}
	if out, _ := evalMath("-$N / 2", results); *out[0].Value != -1.5 {
		t.Errorf("unary minus: %v", *out[0].Value)
	}
	for _, bad := range []string{"$Z + 1", "$X +", "($X", "$X ^ 2"} {
		if _, err := evalMath(bad, results); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestClassicConditions(t *testing.T) {
	model := func(conds string) Query {
		return Query{RefID: "C", DatasourceUID: ExprUID, Model: json.RawMessage(`{"type":"classic_conditions","conditions":` + conds + `}`)}
	}
	results := map[string][]Item{
		"A": {series(data.Labels{"s": "1"}, f(1), f(2)), series(data.Labels{"s": "2"}, f(9), f(10))},
		"E": nil,
	}
	cases := []struct {
		conds string
		want  *float64
	}{
		{`[{"evaluator":{"type":"gt","params":[9]},"query":{"params":["A"]},"reducer":{"type":"last"}}]`, f(1)},
		{`[{"evaluator":{"type":"gt","params":[10]},"query":{"params":["A"]},"reducer":{"type":"max"}}]`, f(0)},
		{`[{"evaluator":{"type":"gt","params":[9]},"query":{"params":["A"]},"reducer":{"type":"last"}},
		   {"evaluator":{"type":"lt","params":[0]},"operator":{"type":"and"},"query":{"params":["A"]},"reducer":{"type":"min"}}]`, f(0)},
		{`[{"evaluator":{"type":"lt","params":[0]},"query":{"params":["A"]},"reducer":{"type":"min"}},
		   {"evaluator":{"type":"within_range","params":[1,3]},"operator":{"type":"or"},"query":{"params":["A"]},"reducer":{"type":"mean"}}]`, f(1)},
		{`[{"evaluator":{"type":"gt","params":[0]},"query":{"params":["E"]},"reducer":{"type":"last"}}]`, nil},
	}
	for i, tc := range cases {
		out, err := evalExpression(model(tc.conds), results)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		switch {
		case tc.want == nil && len(out) != 0:
			t.Errorf("case %d: no data expected, got %v", i, out)
		case tc.want != nil && (len(out) != 1 || *out[0].Value != *tc.want):
			t.Errorf("case %d: got %+v, want %v", i, out, *tc.want)
		}
	}
}
