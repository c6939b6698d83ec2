package ruleoracle

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

func thresholdRule(pending time.Duration, noData string) Rule {
	return Rule{UID: "r", Condition: "C", For: pending, NoDataState: noData, ExecErrState: "Error", Data: []Query{
		{RefID: "A", DatasourceUID: "appmon"},
		{RefID: "B", DatasourceUID: ExprUID, Model: json.RawMessage(`{"type":"reduce","expression":"A","reducer":"last","settings":{"mode":"dropNN"}}`)},
		{RefID: "C", DatasourceUID: ExprUID, Model: json.RawMessage(`{"type":"threshold","expression":"B","conditions":[{"evaluator":{"type":"gt","params":[5]}}]}`)},
	}}
}

func answer(vals ...*float64) map[string][]Item {
	return map[string][]Item{"A": {series(data.Labels{"metric": "x"}, vals...)}}
}

func TestPendingPeriodIsSteppedThrough(t *testing.T) {
	rule := thresholdRule(3*time.Minute, "NoData")
	tr := NewTracker(rule)
	t0 := time.Unix(0, 0)
	steps := []struct {
		ans  map[string][]Item
		want State
	}{
		{answer(f(1)), Normal},
		{answer(f(9)), Pending},       // 0 m
		{answer(f(9)), Pending},       // 1 m
		{answer(f(9)), Pending},       // 2 m
		{answer(f(9)), Alerting},      // 3 m: the pending period has passed
		{answer(f(9), nil), Alerting}, // dropNN: the last number is 9
		{answer(f(2)), Normal},
		{answer(f(9)), Pending}, // the period starts again
		{answer(f(2)), Normal},
	}
	for i, s := range steps {
		if got := tr.Step(t0.Add(time.Duration(i-1)*time.Minute), Evaluate(rule, s.ans, nil)); got != s.want {
			t.Fatalf("step %d: %s, want %s", i, got, s.want)
		}
	}
}

func TestNoDataAndErrorStates(t *testing.T) {
	t0 := time.Unix(0, 0)
	empty := map[string][]Item{"A": nil}
	allNull := answer(nil, nil)
	for _, tc := range []struct {
		noData string
		ans    map[string][]Item
		want   State
	}{
		{"NoData", empty, NoData},
		{"NoData", allNull, NoData},
		{"Alerting", empty, Alerting},
		{"OK", empty, Normal},
	} {
		rule := thresholdRule(0, tc.noData)
		if got := NewTracker(rule).Step(t0, Evaluate(rule, tc.ans, nil)); got != tc.want {
			t.Errorf("noDataState %s: %s, want %s", tc.noData, got, tc.want)
		}
	}
	rule := thresholdRule(2*time.Minute, "NoData")
	tr := NewTracker(rule)
	if got := tr.Step(t0, Evaluate(rule, empty, nil)); got != Pending {
		t.Errorf("no data goes through the pending period: %s", got)
	}
	if got := tr.Step(t0.Add(2*time.Minute), Evaluate(rule, empty, nil)); got != NoData {
		t.Errorf("then NoData: %s", got)
	}
	rule.ExecErrState = "Alerting"
	rule.For = 0
	if got := NewTracker(rule).Step(t0, Evaluate(rule, nil, errors.New("connection refused"))); got != Alerting {
		t.Errorf("execErrState Alerting: %s", got)
	}
}

func TestOneInstancePerSeries(t *testing.T) {
	rule := thresholdRule(0, "NoData")
	tr := NewTracker(rule)
	ans := map[string][]Item{"A": {
		series(data.Labels{"service": "db"}, f(9)),
		series(data.Labels{"service": "cache"}, f(1)),
	}}
	if got := tr.Step(time.Unix(0, 0), Evaluate(rule, ans, nil)); got != Alerting {
		t.Fatalf("rule state %s", got)
	}
	st := tr.States()
	if st["service=db,"] != Alerting || st["service=cache,"] != Normal || len(st) != 2 {
		t.Errorf("instances: %v", st)
	}
}

func TestLoadExpandsThresholdsStrictly(t *testing.T) {
	yml := []byte(`groups:
- name: G
  rules:
  - uid: u
    condition: C
    for: 5m
    data:
    - refId: C
      datasourceUid: __expr__
      relativeTimeRange: {from: 600, to: 0}
      model: {type: threshold, expression: B, conditions: [{evaluator: {type: gt, params: [${APPMON_X}]}}]}
`)
	rules, err := Load(yml, map[string]string{"APPMON_X": "80"})
	if err != nil || len(rules) != 1 || rules[0].For != 5*time.Minute || rules[0].NoDataState != "NoData" || rules[0].Data[0].From != 10*time.Minute {
		t.Fatalf("%+v, %v", rules, err)
	}
	var m exprModel
	if err := json.Unmarshal(rules[0].Data[0].Model, &m); err != nil || m.Conditions[0].Evaluator.Params[0] != 80 {
		t.Errorf("threshold not expanded to a number: %s, %v", rules[0].Data[0].Model, err)
	}
	if _, err := Load(yml, map[string]string{}); err == nil {
		t.Error("a threshold without a default must be an error")
	}
}
