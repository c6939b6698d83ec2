package ruleoracle

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// mathValue is a scalar or a set of numbers.
type mathValue struct {
	scalar *float64
	items  []Item
}

var mathToken = regexp.MustCompile(`^\s*(\$\{[^}]+\}|\$[A-Za-z_][A-Za-z0-9_]*|[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|&&|\|\||==|!=|>=|<=|[-+*/%()<>!])`)

// evalMath evaluates a math expression over numbers ($A, ${A}) and
// constants with + - * / % comparisons && || ! and parentheses. Two sets
// combine item by item where one item's labels are a subset of the
// other's (the result keeps the larger set), or, when each has exactly
// one item, those two whatever their labels. Time series are not
// implemented: reduce them first.
func evalMath(expr string, results map[string][]Item) ([]Item, error) {
	var toks []string
	rest := expr
	for strings.TrimSpace(rest) != "" {
		m := mathToken.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("math %q: cannot read %q", expr, strings.TrimSpace(rest))
		}
		toks = append(toks, m[1])
		rest = rest[len(m[0]):]
	}
	p := &mathParser{toks: toks, results: results}
	v, err := p.binary(0)
	if err != nil {
		return nil, fmt.Errorf("math %q: %v", expr, err)
	}
	if p.pos != len(toks) {
		return nil, fmt.Errorf("math %q: unexpected %q", expr, toks[p.pos])
	}
	if v.scalar != nil {
		return []Item{{Value: v.scalar}}, nil
	}
	return v.items, nil
}

type mathParser struct {
	toks    []string
	pos     int
	results map[string][]Item
}

var precedence = map[string]int{"||": 1, "&&": 2, "==": 3, "!=": 3, ">": 3, ">=": 3, "<": 3, "<=": 3, "+": 4, "-": 4, "*": 5, "/": 5, "%": 5}

func (p *mathParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *mathParser) binary(minPrec int) (mathValue, error) {
	left, err := p.unary()
	if err != nil {
		return left, err
	}
	for {
		op := p.peek()
		prec, ok := precedence[op]
		if !ok || prec <= minPrec {
			return left, nil
		}
		p.pos++
		right, err := p.binary(prec)
		if err != nil {
			return left, err
		}
		if left, err = combine(left, right, op); err != nil {
			return left, err
		}
	}
}

func (p *mathParser) unary() (mathValue, error) {
	tok := p.peek()
	p.pos++
	switch {
	case tok == "":
		return mathValue{}, fmt.Errorf("the expression ends too early")
	case tok == "-" || tok == "!":
		v, err := p.unary()
		if err != nil {
			return v, err
		}
		return apply(v, func(x float64) float64 {
			if tok == "-" {
				return -x
			}
			return *boolValue(x == 0)
		}), nil
	case tok == "(":
		v, err := p.binary(0)
		if err != nil {
			return v, err
		}
		if p.peek() != ")" {
			return v, fmt.Errorf("missing )")
		}
		p.pos++
		return v, nil
	case strings.HasPrefix(tok, "$"):
		ref := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(tok, "$"), "{"), "}")
		in, ok := p.results[ref]
		if !ok {
			return mathValue{}, fmt.Errorf("$%s is not computed before this expression", ref)
		}
		for _, it := range in {
			if it.Series {
				return mathValue{}, fmt.Errorf("$%s is a time series: the oracle does math on reduced numbers only", ref)
			}
		}
		return mathValue{items: in}, nil
	}
	f, err := strconv.ParseFloat(tok, 64)
	if err != nil {
		return mathValue{}, fmt.Errorf("unexpected %q", tok)
	}
	return mathValue{scalar: &f}, nil
}

func apply(v mathValue, f func(float64) float64) mathValue {
	if v.scalar != nil {
		r := f(*v.scalar)
		return mathValue{scalar: &r}
	}
	out := make([]Item, len(v.items))
	for i, it := range v.items {
		out[i] = Item{Labels: it.Labels, Value: it.Value}
		if it.Value != nil {
			r := f(*it.Value)
			out[i].Value = &r
		}
	}
	return mathValue{items: out}
}

func combine(a, b mathValue, op string) (mathValue, error) {
	f := func(x, y float64) float64 { return binaryOp(op, x, y) }
	switch {
	case a.scalar != nil && b.scalar != nil:
		r := f(*a.scalar, *b.scalar)
		return mathValue{scalar: &r}, nil
	case a.scalar != nil:
		return apply(b, func(y float64) float64 { return f(*a.scalar, y) }), nil
	case b.scalar != nil:
		return apply(a, func(x float64) float64 { return f(x, *b.scalar) }), nil
	}
	var out []Item
	for _, x := range a.items {
		for _, y := range b.items {
			labels, ok := union(x.Labels, y.Labels)
			if !ok && !(len(a.items) == 1 && len(b.items) == 1) {
				continue
			}
			if labels == nil {
				labels = x.Labels
			}
			var v *float64
			if x.Value != nil && y.Value != nil {
				r := f(*x.Value, *y.Value)
				v = &r
			}
			out = append(out, Item{Labels: labels, Value: v})
		}
	}
	return mathValue{items: out}, nil
}

// union is the larger of two label sets when one contains the other.
func union(a, b data.Labels) (data.Labels, bool) {
	sub := func(small, big data.Labels) bool {
		for k, v := range small {
			if big[k] != v {
				return false
			}
		}
		return true
	}
	switch {
	case sub(a, b):
		return b, true
	case sub(b, a):
		return a, true
	}
	return nil, false
}

// binaryOp follows IEEE arithmetic; comparisons and logic give 1 or 0,
// and NaN in gives NaN out.
func binaryOp(op string, x, y float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/":
		return x / y
	case "%":
		return math.Mod(x, y)
	case "==":
		return *boolValue(x == y)
	case "!=":
		return *boolValue(x != y)
	case ">":
		return *boolValue(x > y)
	case ">=":
		return *boolValue(x >= y)
	case "<":
		return *boolValue(x < y)
	case "<=":
		return *boolValue(x <= y)
	case "&&":
		return *boolValue(x != 0 && y != 0)
	}
	return *boolValue(x != 0 || y != 0) // ||
}
