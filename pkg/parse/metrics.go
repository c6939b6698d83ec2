package parse

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"
)

// Metric is one sample of a named metric with its dimensions.
type Metric struct {
	Name        string
	Category    string
	Unit        string
	Description string
	Labels      map[string]string
	// Value is nil when the server reported no value (null / NaN).
	Value *float64
	// Time is the sample time; zero means "the response's timestamp".
	Time time.Time
}

// Metrics is a current snapshot of metrics.
type Metrics struct {
	Timestamp time.Time
	Category  string
	Format    Format
	Metrics   []Metric
	// Skipped counts values the reader could not use (text, true/false,
	// null, entries without a name); Notes says which, for a panel notice.
	Skipped int
	Notes   []string
}

// ParseMetrics reads a metrics body in whichever format it is in. A JSON
// body in the contract's exact shape is decoded directly, its strings
// sharing body's memory (so body must not change while the result is in
// use; the client's response bodies never do); any other JSON shape is
// read by the generic reader (genericMetrics), which also tells a
// Datadog payload ("series") apart.
func ParseMetrics(contentType string, body []byte) (Metrics, error) {
	b := trimBody(body)
	if len(b) > 0 && (b[0] == '{' || b[0] == '[') && !IsHTML(contentType, b) {
		return jsonMetricsBody(b)
	}
	format, err := DetectFormat(contentType, body)
	if err != nil {
		return Metrics{}, err
	}
	switch format {
	case FormatPrometheus:
		return ParsePrometheus(body)
	case FormatDatadog:
		return ParseDatadog(body)
	default:
		return ParseMetricsJSON(body)
	}
}

// metricsAnyDoc is the contract's JSON format or a Datadog payload.
type metricsAnyDoc struct {
	Timestamp Time             `json:"timestamp"`
	Category  string           `json:"category"`
	Metrics   *[]metricJSON    `json:"metrics"`
	Series    *[]datadogSeries `json:"series"`
}

type metricJSON struct {
	Name        string            `json:"name"`
	Value       Number            `json:"value"`
	Unit        string            `json:"unit"`
	Category    string            `json:"category"`
	Description string            `json:"description"`
	Labels      map[string]string `json:"labels"`
	Timestamp   Time              `json:"timestamp"`
}

// ParseMetricsJSON reads a JSON metrics body (the contract's format or any
// dialect genericMetrics reads).
func ParseMetricsJSON(body []byte) (Metrics, error) {
	return jsonMetricsBody(body)
}

func jsonMetricsBody(b []byte) (Metrics, error) {
	// The contract's plain shape without reflection (metrics_fast.go);
	// the same checks and conversion as the exact reader below.
	if t := trimBody(b); len(t) > 0 && t[0] == '{' {
		if d, tally, ok := fastMetricsDocTally(t); ok {
			m, ok := exactMetrics(d, tally)
			releaseMetricList(d.Metrics)
			if ok {
				return m, nil
			}
		}
	}
	return decodeDoc("metrics", b, func(d *metricsAnyDoc, b []byte) (Metrics, bool, error) {
		if d.Metrics == nil && d.Series != nil {
			m, err := datadogMetrics(d.Series)
			return m, true, err
		}
		m, ok := exactMetrics(*d, tallyKeys(b))
		return m, ok, nil
	}, genericMetrics)
}

// exactMetrics converts the contract's own format; ok is false when a
// sample lacks a name, so the generic reader reports what it skipped.
func exactMetrics(d metricsAnyDoc, tally keyTally) (Metrics, bool) {
	if d.Metrics == nil || d.Series != nil {
		return Metrics{}, false
	}
	// Every key must be a contract key (see keyTally).
	want := 1 + count1(!d.Timestamp.T.IsZero()) + count1(d.Category != "")
	for i := range *d.Metrics {
		m := &(*d.Metrics)[i]
		want += 1 + count1(m.Value.V != nil) + count1(m.Unit != "") + count1(m.Category != "") +
			count1(m.Description != "") + count1(!m.Timestamp.T.IsZero())
		if m.Labels != nil {
			want += 1 + len(m.Labels)
		}
	}
	if !tally.fits(want) {
		return Metrics{}, false
	}
	out := Metrics{Timestamp: d.Timestamp.T, Category: d.Category, Format: FormatJSON}
	out.Metrics = make([]Metric, 0, len(*d.Metrics))
	for _, m := range *d.Metrics {
		name := strings.TrimSpace(m.Name)
		if name == "" {
			return Metrics{}, false
		}
		cat := m.Category
		if cat == "" && !strings.EqualFold(d.Category, "all") {
			cat = d.Category
		}
		cat, unit := withCatalogDefaults(name, cat, m.Unit)
		out.Metrics = append(out.Metrics, Metric{
			Name:        name,
			Category:    cat,
			Unit:        unit,
			Description: m.Description,
			Labels:      cleanLabels(m.Labels),
			Value:       m.Value.V,
			Time:        m.Timestamp.T,
		})
	}
	return out, true
}

// cleanLabels drops empty keys and returns nil for no labels, so frames
// from different formats compare equal.
func cleanLabels(in map[string]string) map[string]string {
	if len(in) == 0 {
		return nil
	}
	clean := true
	for k := range in {
		if k == "" || strings.TrimSpace(k) != k {
			clean = false
			break
		}
	}
	if clean {
		return in // the readers' maps are their own: no copy needed
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		if k = strings.TrimSpace(k); k != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// SortMetrics orders metrics by category order, name, then labels, so
// frames come out in a stable order whatever the server's map order.
func SortMetrics(ms []Metric) {
	order := MetricOrder(ms)
	sorted := make([]Metric, len(ms))
	for i, j := range order {
		sorted[i] = ms[j]
	}
	copy(ms, sorted)
}

// MetricOrder is the order SortMetrics puts ms in, as indexes into ms:
// a caller reading the metrics in order needs no sorted copy of them.
func MetricOrder(ms []Metric) []int32 {
	type key struct {
		rank       int32
		start, end int32 // the canonical labels in arena
	}
	// The label keys share one buffer (three allocations in all rather
	// than several per labelled metric): sorting runs on every query. The
	// indexes are sorted, not the keys: moving int32s needs no write
	// barriers.
	size := 0
	for i := range ms {
		size += 32 * len(ms[i].Labels) // a guess: counting exactly costs a walk of every map
	}
	arena := make([]byte, 0, size)
	keys := make([]key, len(ms))
	var buf [8]string
	scratch := buf[:0]
	for i := range ms {
		start := len(arena)
		if len(ms[i].Labels) > 0 {
			arena, scratch = appendLabelsKey(arena, ms[i].Labels, scratch)
		}
		keys[i] = key{rank: int32(categoryRank(ms[i].Category)), start: int32(start), end: int32(len(arena))}
	}
	order := make([]int32, len(ms))
	for i := range order {
		order[i] = int32(i)
	}
	// Ties keep the server's order (the index decides last), as a stable
	// sort would.
	slices.SortFunc(order, func(a, b int32) int {
		ka, kb := &keys[a], &keys[b]
		if ka.rank != kb.rank {
			return cmp.Compare(ka.rank, kb.rank)
		}
		if c := strings.Compare(ms[a].Name, ms[b].Name); c != 0 {
			return c
		}
		if c := bytes.Compare(arena[ka.start:ka.end], arena[kb.start:kb.end]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return order
}

// categoryRank is a category's place in the contract's order; unknown
// categories come last.
func categoryRank(c string) int {
	for i, known := range Categories {
		if c == known {
			return i
		}
	}
	return len(Categories)
}

// appendLabelsKey appends LabelsKey(l) to b; scratch holds the sorted keys
// and is returned for reuse.
func appendLabelsKey(b []byte, l map[string]string, scratch []string) ([]byte, []string) {
	keys := scratch[:0]
	for k := range l {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, k...)
		b = append(b, '=')
		b = append(b, l[k]...)
	}
	return b, keys
}

// LabelsKey is a canonical string of a label set ("a=1,b=2").
func LabelsKey(l map[string]string) string {
	if len(l) == 0 {
		return ""
	}
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(k)
		sb.WriteByte('=')
		sb.WriteString(l[k])
	}
	return sb.String()
}
