package ruleoracle

import (
	"fmt"
	"math"
)

// Outcome is what one evaluation says about one alert instance.
type Outcome string

// Outcomes of an evaluation, before the rule's states and pending period apply.
const (
	OutcomeNormal Outcome = "Normal"
	OutcomeFiring Outcome = "Firing"
	OutcomeNoData Outcome = "NoData"
	OutcomeError  Outcome = "Error"
)

// Instance is one alert instance's outcome in an evaluation.
type Instance struct {
	Item
	Outcome Outcome
}

// Evaluation is one evaluation of a rule: an outcome per instance, keyed
// by labels. No data and errors are one instance without labels.
type Evaluation struct {
	Instances map[string]Instance
	Err       error
}

// Evaluate applies a rule's expressions to its data queries' answers
// (refId → items; a query error fails the evaluation) and reads the
// condition: a non-zero number fires its instance, zero is normal, a null
// or NaN is no data, and a condition without any item is no data for the
// rule.
func Evaluate(rule Rule, answers map[string][]Item, queryErr error) Evaluation {
	if queryErr != nil {
		return errorEval(queryErr)
	}
	results := map[string][]Item{}
	for k, v := range answers {
		results[k] = v
	}
	// Expressions in dependency order: compute what can be until nothing changes.
	pending := []Query{}
	for _, q := range rule.Data {
		if q.IsExpression() {
			pending = append(pending, q)
		} else if _, ok := results[q.RefID]; !ok {
			return errorEval(fmt.Errorf("no answer for query %s", q.RefID))
		}
	}
	for len(pending) > 0 {
		var next []Query
		var lastErr error
		for _, q := range pending {
			out, err := evalExpression(q, results)
			if err != nil {
				next, lastErr = append(next, q), err
				continue
			}
			results[q.RefID] = out
		}
		if len(next) == len(pending) {
			return errorEval(lastErr)
		}
		pending = next
	}
	cond, ok := results[rule.Condition]
	if !ok {
		return errorEval(fmt.Errorf("the condition %s is not a query of the rule", rule.Condition))
	}
	ev := Evaluation{Instances: map[string]Instance{}}
	if len(cond) == 0 {
		ev.Instances[""] = Instance{Outcome: OutcomeNoData}
		return ev
	}
	for _, it := range cond {
		o := OutcomeNormal
		switch {
		case it.Value == nil || math.IsNaN(*it.Value):
			o = OutcomeNoData
		case *it.Value != 0:
			o = OutcomeFiring
		}
		ev.Instances[it.Key()] = Instance{Item: it, Outcome: o}
	}
	return ev
}

func errorEval(err error) Evaluation {
	return Evaluation{Err: err, Instances: map[string]Instance{"": {Outcome: OutcomeError}}}
}
