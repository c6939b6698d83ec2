package ruleoracle

import (
	"encoding/json"
	"fmt"
	"math"
)

// exprModel is the part of an expression's model the oracle reads.
type exprModel struct {
	Type       string `json:"type"`
	Expression string `json:"expression"`
	Reducer    string `json:"reducer"`
	Settings   struct {
		Mode             string   `json:"mode"`
		ReplaceWithValue *float64 `json:"replaceWithValue"`
	} `json:"settings"`
	Conditions []condition `json:"conditions"`
}

type condition struct {
	Evaluator struct {
		Type   string    `json:"type"`
		Params []float64 `json:"params"`
	} `json:"evaluator"`
	Operator struct {
		Type string `json:"type"`
	} `json:"operator"`
	Query struct {
		Params []string `json:"params"`
	} `json:"query"`
	Reducer struct {
		Type string `json:"type"`
	} `json:"reducer"`
}

// evalExpression computes one expression from the results so far.
func evalExpression(q Query, results map[string][]Item) ([]Item, error) {
	var m exprModel
	if err := json.Unmarshal(q.Model, &m); err != nil {
		return nil, fmt.Errorf("expression %s: %v", q.RefID, err)
	}
	switch m.Type {
	case "reduce":
		in, ok := results[m.Expression]
		if !ok {
			return nil, fmt.Errorf("reduce %s reads %q, which is not computed before it", q.RefID, m.Expression)
		}
		var out []Item
		for _, it := range in {
			v, err := reduceItem(it, m.Reducer, m.Settings.Mode, m.Settings.ReplaceWithValue)
			if err != nil {
				return nil, fmt.Errorf("reduce %s: %v", q.RefID, err)
			}
			out = append(out, Item{Labels: it.Labels, Value: &v})
		}
		return out, nil
	case "threshold":
		in, ok := results[m.Expression]
		if !ok {
			return nil, fmt.Errorf("threshold %s reads %q, which is not computed before it", q.RefID, m.Expression)
		}
		if len(m.Conditions) != 1 {
			return nil, fmt.Errorf("threshold %s: %d conditions; the oracle reads one", q.RefID, len(m.Conditions))
		}
		var out []Item
		for _, it := range in {
			if it.Series {
				return nil, fmt.Errorf("threshold %s on a time series: reduce it first (the oracle compares numbers)", q.RefID)
			}
			v, err := compare(it.Value, m.Conditions[0].Evaluator.Type, m.Conditions[0].Evaluator.Params)
			if err != nil {
				return nil, fmt.Errorf("threshold %s: %v", q.RefID, err)
			}
			out = append(out, Item{Labels: it.Labels, Value: v})
		}
		return out, nil
	case "math":
		return evalMath(m.Expression, results)
	case "classic_conditions":
		return classic(m.Conditions, results)
	}
	return nil, fmt.Errorf("expression %s: type %q is not implemented by the oracle", q.RefID, m.Type)
}

// reduceItem reduces a series to a number. Modes: strict (default) gives
// NaN when any value is null or NaN; dropNN leaves out null, NaN and ±Inf
// first; replaceNN puts replaceWithValue in their place. A number is
// already reduced.
func reduceItem(it Item, reducer, mode string, replaceWith *float64) (float64, error) {
	if !it.Series {
		if it.Value == nil {
			return math.NaN(), nil
		}
		return *it.Value, nil
	}
	var vals []float64
	for _, p := range it.Values {
		nonNumeric := p == nil || math.IsNaN(*p) || math.IsInf(*p, 0)
		switch {
		case !nonNumeric:
			vals = append(vals, *p)
		case mode == "dropNN":
		case mode == "replaceNN":
			if replaceWith == nil {
				return 0, fmt.Errorf("mode replaceNN needs settings.replaceWithValue")
			}
			vals = append(vals, *replaceWith)
		case mode == "" || mode == "strict":
			if p == nil {
				vals = append(vals, math.NaN())
			} else {
				vals = append(vals, *p)
			}
		default:
			return 0, fmt.Errorf("reduce mode %q is not implemented by the oracle", mode)
		}
	}
	return reduce(vals, reducer)
}

func reduce(vals []float64, reducer string) (float64, error) {
	switch reducer {
	case "count":
		return float64(len(vals)), nil
	case "sum":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s, nil
	}
	if len(vals) == 0 {
		return math.NaN(), nil
	}
	switch reducer {
	case "last":
		return vals[len(vals)-1], nil
	case "mean":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s / float64(len(vals)), nil
	case "max", "min":
		r := vals[0]
		for _, v := range vals[1:] {
			if math.IsNaN(v) || math.IsNaN(r) {
				r = math.NaN()
			} else if (reducer == "max") == (v > r) {
				r = v
			}
		}
		return r, nil
	}
	return 0, fmt.Errorf("reducer %q is not implemented by the oracle", reducer)
}

// compare is the threshold evaluator: 1 when the value meets it, 0 when
// not; an unknown value (null, NaN) stays unknown.
func compare(v *float64, typ string, params []float64) (*float64, error) {
	need := map[string]int{"gt": 1, "lt": 1, "within_range": 2, "outside_range": 2}[typ]
	if need == 0 {
		return nil, fmt.Errorf("evaluator %q is not implemented by the oracle", typ)
	}
	if len(params) < need {
		return nil, fmt.Errorf("evaluator %s needs %d parameters, has %d", typ, need, len(params))
	}
	if v == nil || math.IsNaN(*v) {
		nan := math.NaN()
		return &nan, nil
	}
	x := *v
	var ok bool
	switch typ {
	case "gt":
		ok = x > params[0]
	case "lt":
		ok = x < params[0]
	case "within_range":
		ok = x > params[0] && x < params[1]
	case "outside_range":
		ok = x < params[0] || x > params[1]
	}
	return boolValue(ok), nil
}

func boolValue(b bool) *float64 {
	v := 0.0
	if b {
		v = 1
	}
	return &v
}

// classic evaluates classic conditions: each condition reduces every
// series of its query and is true when any of them meets the evaluator;
// conditions combine left to right with their and/or operator. The result
// is one number without labels, or no data when no query had any.
func classic(conds []condition, results map[string][]Item) ([]Item, error) {
	var acc bool
	anyData := false
	for i, c := range conds {
		if len(c.Query.Params) == 0 {
			return nil, fmt.Errorf("classic condition %d names no query", i)
		}
		in, ok := results[c.Query.Params[0]]
		if !ok {
			return nil, fmt.Errorf("classic condition %d reads %q, which is not computed before it", i, c.Query.Params[0])
		}
		fired := false
		for _, it := range in {
			anyData = true
			v, err := reduceItem(it, c.Reducer.Type, "dropNN", nil)
			if err != nil {
				return nil, err
			}
			r, err := compare(&v, c.Evaluator.Type, c.Evaluator.Params)
			if err != nil {
				return nil, err
			}
			if !math.IsNaN(*r) && *r == 1 {
				fired = true
			}
		}
		switch {
		case i == 0:
			acc = fired
		case c.Operator.Type == "or":
			acc = acc || fired
		default:
			acc = acc && fired
		}
	}
	if !anyData {
		return nil, nil
	}
	return []Item{{Labels: nil, Value: boolValue(acc)}}, nil
}
