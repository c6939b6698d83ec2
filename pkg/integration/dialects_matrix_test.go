package integration

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/query"
)

// This file keeps the outcome of TestDialects: one cell per dialect and
// area, rendered as a table at the end.

// dialectColumns are the areas of the matrix, in print order.
var dialectColumns = []string{"health", "metrics", "alerts", "dashboard", "slo"}

// columnOf is the matrix column a query type belongs to.
func columnOf(queryType string) string {
	switch query.Type(strings.ToLower(queryType)) {
	case "", query.TypeMetrics:
		return "metrics"
	case query.TypeHealth, query.TypeUptime:
		return "health"
	case query.TypeAlerts, query.TypeOncall:
		return "alerts"
	case query.TypeSLO:
		return "slo"
	}
	return "dashboard"
}

type dialectCell struct {
	checks, notices int
	noData          int    // passing queries without a value (explained by a notice, or a rule's no data)
	health          string // the health check's outcome (health column only)
	failures        []string
}

type dialectMatrix struct {
	mu    sync.Mutex
	cells map[string]*dialectCell // "dialect/column"
}

func newDialectMatrix() *dialectMatrix { return &dialectMatrix{cells: map[string]*dialectCell{}} }

func (m *dialectMatrix) cell(dialect, column string) *dialectCell {
	key := dialect + "/" + column
	c := m.cells[key]
	if c == nil {
		c = &dialectCell{}
		m.cells[key] = c
	}
	return c
}

// pass records a check that held, whether it had data, and the panel
// notices it carried.
func (m *dialectMatrix) pass(dialect, column string, withData bool, notices int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.cell(dialect, column)
	c.checks++
	c.notices += notices
	if !withData {
		c.noData++
	}
}

func (m *dialectMatrix) fail(dialect, column, format string, args ...any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.cell(dialect, column)
	c.checks++
	c.failures = append(c.failures, fmt.Sprintf(format, args...))
}

func (m *dialectMatrix) setHealth(dialect, outcome string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cell(dialect, "health").health = outcome
}

// render is the matrix as an aligned text table.
func (m *dialectMatrix) render(dialects []string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	rows := [][]string{append([]string{"dialect"}, dialectColumns...)}
	for _, d := range dialects {
		row := []string{d}
		for _, col := range dialectColumns {
			c := m.cell(d, col)
			var s string
			switch {
			case c.checks == 0:
				s = "-"
			case len(c.failures) == 0:
				s = fmt.Sprintf("ok %d/%d", c.checks, c.checks)
			default:
				s = fmt.Sprintf("FAIL %d/%d", len(c.failures), c.checks)
			}
			if c.health != "" {
				s = c.health + ", " + s
			}
			var extra []string
			if c.noData > 0 {
				extra = append(extra, fmt.Sprintf("%d no data", c.noData))
			}
			if c.notices > 0 {
				extra = append(extra, fmt.Sprintf("%d notices", c.notices))
			}
			if len(extra) > 0 {
				s += " (" + strings.Join(extra, ", ") + ")"
			}
			row = append(row, s)
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, s := range r {
			widths[i] = max(widths[i], len(s))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, s := range r {
			fmt.Fprintf(&b, "| %-*s ", widths[i], s)
		}
		b.WriteString("|\n")
	}
	return b.String()
}

// failures lists every failing cell's messages, sorted by cell.
func (m *dialectMatrix) failures() map[string][]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string][]string{}
	for k, c := range m.cells {
		if len(c.failures) > 0 {
			out[k] = append([]string(nil), c.failures...)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var sameSpelling = strings.NewReplacer(".", "_", "-", "_")

// lastValues is the last non-null value of every numeric series of a
// response, keyed by series name and labels (without the on-call labels,
// which depend on the data source's schedule, not on the server).
func lastValues(frames data.Frames) map[string]float64 {
	out := map[string]float64{}
	key := func(name string, labels data.Labels) string {
		l := data.Labels{}
		for k, v := range labels {
			if k != query.LabelOncallPrimary && k != query.LabelOncallSecondary {
				l[k] = v
			}
		}
		// Names are compared as spellings of the same name: a dialect's
		// api_response_time_p95 is the contract's api.response_time.p95.
		return sameSpelling.Replace(name + "{" + l.String() + "}")
	}
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		switch f.Meta.Type {
		case data.FrameTypeNumericLong:
			for row := 0; row < f.Rows(); row++ {
				labels := data.Labels{}
				for _, fld := range f.Fields {
					if v, ok := fld.ConcreteAt(row); ok {
						if s, isString := v.(string); isString {
							labels[fld.Name] = s
						}
					}
				}
				for _, fld := range f.Fields {
					if v, ok := numberAt(fld, row); ok {
						out[key(fld.Name, labels)] = v
					}
				}
			}
		case data.FrameTypeTimeSeriesMulti, data.FrameTypeTimeSeriesWide, data.FrameTypeTimeSeriesLong:
			for _, fld := range f.Fields {
				for row := fld.Len() - 1; row >= 0; row-- {
					if v, ok := numberAt(fld, row); ok {
						out[key(fld.Name, fld.Labels)] = v
						break
					}
				}
			}
		}
	}
	return out
}

func numberAt(fld *data.Field, row int) (float64, bool) {
	if !fld.Type().Numeric() {
		return 0, false
	}
	if _, ok := fld.ConcreteAt(row); !ok {
		return 0, false
	}
	f, err := fld.FloatAt(row)
	return f, err == nil && !math.IsNaN(f)
}

// misleadingZeros are the series a dialect reports as exactly 0 while the
// same server read in the contract's shapes reports a non-zero value: a
// figure the dialect does not carry, read as 0 instead of no data.
func misleadingZeros(dialect, reference map[string]float64) []string {
	var out []string
	for k, v := range dialect {
		if v != 0 {
			continue
		}
		if ref, ok := reference[k]; ok {
			if ref != 0 {
				out = append(out, fmt.Sprintf("%s is 0 where the contract's shapes give %g", k, ref))
			}
			continue
		}
		// Labels differ (a renamed service): a 0 is plausible only if the
		// reference has a 0 among its series too.
		zero := false
		for _, ref := range reference {
			zero = zero || ref == 0
		}
		if !zero && len(reference) > 0 {
			out = append(out, fmt.Sprintf("%s is 0, the contract's shapes have no zero among %d series", k, len(reference)))
		}
	}
	sort.Strings(out)
	return out
}

// valueMismatches are the series both reads have whose values differ: a
// dialect's figure read as something else (a ratio as a percentage, a
// p50 as a p95). The server's own process figures (category system:
// CPU, heap, event loop) move between two reads and are left out.
func valueMismatches(dialect, truth map[string]float64) []string {
	var out []string
	for k, v := range dialect {
		want, ok := truth[k]
		if !ok || strings.Contains(k, "category=system") {
			continue
		}
		if math.Abs(v-want) > 1e-9+0.005*math.Max(math.Abs(v), math.Abs(want)) {
			out = append(out, fmt.Sprintf("%s is %g where the contract's shapes give %g", k, v, want))
		}
	}
	sort.Strings(out)
	return out
}

// comparable counts the series valueMismatches compares.
func comparable(dialect, truth map[string]float64) int {
	n := 0
	for k := range dialect {
		if _, ok := truth[k]; ok && !strings.Contains(k, "category=system") {
			n++
		}
	}
	return n
}

func TestValueMismatches(t *testing.T) {
	truth := map[string]float64{"a{}": 0.4, "b{}": 265.2, "cpu{category=system}": 10}
	got := valueMismatches(map[string]float64{"a{}": 40, "b{}": 265.2, "cpu{category=system}": 12, "c{}": 1}, truth)
	if len(got) != 1 || !strings.HasPrefix(got[0], "a{} is 40 where") {
		t.Fatalf("%q", got)
	}
}

func TestMisleadingZeros(t *testing.T) {
	ref := map[string]float64{"api.error_rate{}": 0.4, "errors.rate{}": 0}
	got := misleadingZeros(map[string]float64{"api.error_rate{}": 0, "errors.rate{}": 0, "other{}": 3}, ref)
	if len(got) != 1 || !strings.HasPrefix(got[0], "api.error_rate{} is 0 where the contract's shapes give 0.4") {
		t.Fatalf("%q", got)
	}
	// A renamed series: 0 is fine only if the reference has a 0 somewhere.
	if got := misleadingZeros(map[string]float64{"x{service=redis}": 0}, map[string]float64{"x{service=cache}": 2}); len(got) != 1 {
		t.Fatalf("renamed series with a 0: %q", got)
	}
	if got := misleadingZeros(map[string]float64{"x{service=redis}": 0}, map[string]float64{"x{service=cache}": 0}); len(got) != 0 {
		t.Fatalf("renamed series, reference 0 too: %q", got)
	}
}
