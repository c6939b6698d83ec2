package dashgen

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/appmon/monitoring/pkg/fleet"
)

// MetricName is the Prometheus name of a dotted AppMon metric, as the
// metrics endpoint's ?format=prometheus writes it: every character that
// Prometheus does not allow becomes "_" ("api.error_rate" ->
// "api_error_rate"), and a leading digit gets a "_" in front.
func MetricName(dotted string) string {
	var b strings.Builder
	for _, r := range dotted {
		if r == '_' || r == ':' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return "_" + name
	}
	return name
}

// selector picks one metric's series of the instances the dashboard's job
// and instance variables select. Only the whole-application series: the
// ones without an endpoint label (AppMon's endpoint "overall"); metrics
// that are never reported per endpoint have no endpoint label at all, so
// the matcher keeps all their series.
func selector(dotted, endpoint string) (string, error) {
	if endpoint != "" && !strings.EqualFold(endpoint, "overall") {
		return "", fmt.Errorf("endpoint %q: the generated versions show the whole application (endpoint overall) only", endpoint)
	}
	return fmt.Sprintf(`%s{job=~"$job",instance=~"$instance",endpoint=""}`, MetricName(dotted)), nil
}

// fleetExpr is one number for the selected instances, combined as the
// AppMon fleet view combines them.
func fleetExpr(agg fleet.Aggregation, sel string) string {
	return fmt.Sprintf("%s(%s)", agg.PromQL(), sel)
}

// upExpr is Prometheus's own record of each scrape: 1 when the instance's
// metrics endpoint answered.
const upExpr = `up{job=~"$job",instance=~"$instance"}`

// Query is one PromQL expression of a generated Prometheus dashboard.
type Query struct {
	Dashboard string // uid, e.g. appmon-system-prometheus
	Panel     string // panel title
	RefID     string
	// Expr has the dashboard variables replaced by their "All" value
	// (job and instance =~ ".*"), ready to send to Prometheus.
	Expr string
	// Template is the expression as the dashboard stores it.
	Template string
}

// AllValue is what "All" of the job and instance variables stands for.
const AllValue = ".*"

var dashboardVariable = regexp.MustCompile(`\$(job|instance)\b|\$\{(job|instance)\}`)

// Substitute replaces the job and instance variables of an expression
// with values, as Grafana does before it sends a query.
func Substitute(expr, job, instance string) string {
	return dashboardVariable.ReplaceAllStringFunc(expr, func(m string) string {
		if strings.Contains(m, "job") {
			return job
		}
		return instance
	})
}

// PrometheusQueries lists every PromQL expression of the committed
// Prometheus dashboards (dashboards/prometheus/*.json under root), in
// dashboard and panel order.
func PrometheusQueries(root string) ([]Query, error) {
	var out []Query
	for _, name := range Names {
		d, err := readDashboard(filepath.Join(root, "dashboards", "prometheus", name+".json"))
		if err != nil {
			return nil, err
		}
		for _, p := range panels(d) {
			for _, t := range objects(p, "targets") {
				expr := str(t, "expr")
				if expr == "" {
					continue
				}
				out = append(out, Query{Dashboard: str(d, "uid"), Panel: str(p, "title"), RefID: str(t, "refId"),
					Expr: Substitute(expr, AllValue, AllValue), Template: expr})
			}
		}
	}
	return out, nil
}
