package promrules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/common/model"
)

// Job is the scrape job of prometheus/prometheus.yml. Rules that read
// Prometheus's own series (up) select it, so targets of other jobs never
// raise AppMon's alerts; rename it in both places together.
const Job = "appmon"

var upSelector = fmt.Sprintf("up{job=%q}", Job)

// leftOut is a Grafana rule without a PromQL version, and why.
type leftOut struct{ reason string }

func (e leftOut) Error() string { return e.reason }

const exprUID = "__expr__"

// condition translates the rule's condition to PromQL. It also returns
// the refId whose value the condition compares: Grafana annotations show
// it as $values.<ref>, Prometheus as $value.
func condition(r grafanaRule) (expr, valueRef string, err error) {
	q, ok := r.query(r.Condition)
	if !ok {
		return "", "", fmt.Errorf("condition %q is not a query of the rule", r.Condition)
	}
	if q.DatasourceUID != exprUID || q.Model["type"] != "threshold" {
		return "", "", fmt.Errorf("condition %q is not a threshold expression", r.Condition)
	}
	input, _ := q.Model["expression"].(string)
	op, limit, err := evaluator(q.Model)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", q.RefID, err)
	}
	inner, err := translate(r, input, 0)
	if err != nil {
		return "", "", err
	}
	if strings.ContainsAny(inner, "+-*/") && !strings.HasPrefix(inner, "(") {
		inner = "(" + inner + ")"
	}
	if inner == upSelector && op == "<" && limit == "0.5" {
		return inner + " == 0", input, nil // up is 0 or 1: say it plainly
	}
	return inner + " " + op + " " + limit, input, nil
}

// evaluator reads a threshold's single gt/lt condition.
func evaluator(m map[string]any) (op, limit string, err error) {
	conds, _ := m["conditions"].([]any)
	if len(conds) != 1 {
		return "", "", fmt.Errorf("%d threshold conditions; one is supported", len(conds))
	}
	ev, _ := conds[0].(map[string]any)["evaluator"].(map[string]any)
	params, _ := ev["params"].([]any)
	if len(params) != 1 {
		return "", "", fmt.Errorf("threshold %v: one parameter is supported", ev["type"])
	}
	var v float64
	switch p := params[0].(type) {
	case int:
		v = float64(p)
	case float64:
		v = p
	default:
		return "", "", fmt.Errorf("threshold %v is not a number", params[0])
	}
	ops := map[string]string{"gt": ">", "lt": "<"}
	op, ok := ops[fmt.Sprint(ev["type"])]
	if !ok {
		return "", "", fmt.Errorf("threshold type %v: only gt and lt have a PromQL comparison here", ev["type"])
	}
	return op, strconv.FormatFloat(v, 'g', -1, 64), nil
}

// reducers maps Grafana's reduce over the query's time range to the range
// function over the same window; last is the current value.
var reducers = map[string]string{"mean": "avg_over_time", "max": "max_over_time", "min": "min_over_time", "last": ""}

var mathRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?`)

// translate turns one query or expression of the rule into PromQL.
func translate(r grafanaRule, ref string, depth int) (string, error) {
	q, ok := r.query(ref)
	if !ok || depth > len(r.Data) {
		return "", fmt.Errorf("%q is not a query of the rule", ref)
	}
	if q.DatasourceUID != exprUID {
		return selector(q)
	}
	switch typ, _ := q.Model["type"].(string); typ {
	case "reduce":
		input, _ := q.Model["expression"].(string)
		src, ok := r.query(input)
		if !ok || src.DatasourceUID == exprUID {
			return "", fmt.Errorf("%s: reduce reads %q, which is not a data source query", ref, input)
		}
		sel, err := selector(src)
		if err != nil {
			return "", err
		}
		reducer, _ := q.Model["reducer"].(string)
		fn, ok := reducers[reducer]
		if !ok {
			return "", fmt.Errorf("%s: reducer %q has no PromQL version here", ref, reducer)
		}
		if fn == "" {
			return sel, nil
		}
		if src.RelativeTimeRange.To != 0 || src.RelativeTimeRange.From <= 0 {
			return "", fmt.Errorf("%s: %s reads a time range that does not end now", ref, input)
		}
		window := model.Duration(time.Duration(src.RelativeTimeRange.From) * time.Second)
		return fmt.Sprintf("%s(%s[%s])", fn, sel, window), nil
	case "math":
		expr, _ := q.Model["expression"].(string)
		var err error
		out := mathRef.ReplaceAllStringFunc(expr, func(m string) string {
			inner, e := translate(r, mathRef.FindStringSubmatch(m)[1], depth+1)
			if e != nil && err == nil {
				err = e
			}
			return inner
		})
		return out, err
	default:
		return "", fmt.Errorf("%s: expression type %q has no PromQL version here", ref, typ)
	}
}

// selector is the series an AppMon query reads: the metric name with dots
// as underscores, as the reference API's ?format=prometheus writes it.
func selector(q grafanaQuery) (string, error) {
	known := []string{"queryType", "category", "metricName", "refId", "endpoint", "service", "sloField"}
	for k := range q.Model {
		if !slices.Contains(known, k) {
			return "", fmt.Errorf("%s: query key %q has no PromQL version here", q.RefID, k)
		}
	}
	name, _ := q.Model["metricName"].(string)
	switch qt, _ := q.Model["queryType"].(string); qt {
	case "metrics":
	case "uptime":
		if name == "uptime.status" {
			// 1 up, 0 down: Prometheus's own view of whether the instance answers.
			return upSelector, nil
		}
		return "", fmt.Errorf("%s: uptime field %q has no Prometheus metric", q.RefID, name)
	case "health":
		return "", leftOut{"the health check's per-dependency status has no Prometheus metric"}
	case "slo":
		return "", leftOut{"the SLO burn-rate alerts are in appmon-slo.yaml"}
	default:
		return "", fmt.Errorf("%s: query type %q has no PromQL version here", q.RefID, qt)
	}
	if name == "" || strings.ContainsAny(name, "*,") {
		return "", fmt.Errorf("%s: metric %q is not one metric name", q.RefID, name)
	}
	metric := strings.ReplaceAll(name, ".", "_")
	if !model.IsValidLegacyMetricName(metric) {
		return "", fmt.Errorf("%s: %q is not a Prometheus metric name", q.RefID, metric)
	}
	var matchers []string
	if ep, ok := q.Model["endpoint"].(string); ok {
		if ep == "overall" {
			ep = "" // the whole API's series has no endpoint label
		}
		matchers = append(matchers, fmt.Sprintf("endpoint=%q", ep))
	}
	sort.Strings(matchers)
	if len(matchers) == 0 {
		return metric, nil
	}
	return metric + "{" + strings.Join(matchers, ", ") + "}", nil
}
