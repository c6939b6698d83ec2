package parse

import (
	"bytes"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// ParsePrometheus reads text exposition format 0.0.4 with the Prometheus
// project's own parser. Names are mapped back to the contract's dotted
// names where the contract knows them; the unit comes from the HELP text,
// then from the contract catalog.
func ParsePrometheus(body []byte) (Metrics, error) {
	const doc = "metrics (Prometheus text)"
	b := trimBody(body)
	if len(b) == 0 {
		return Metrics{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Metrics{}, &Error{Kind: KindHTML, Doc: doc}
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	// The exposition format requires a trailing newline after the last
	// line; a MultiReader adds it without writing into the caller's slice.
	families, err := parser.TextToMetricFamilies(io.MultiReader(bytes.NewReader(b), strings.NewReader("\n")))
	if err != nil {
		return Metrics{}, malformed(doc, err)
	}
	names := make([]string, 0, len(families))
	for n := range families {
		names = append(names, n)
	}
	sort.Strings(names)

	out := Metrics{Format: FormatPrometheus}
	for _, n := range names {
		out.Metrics = append(out.Metrics, familyMetrics(families[n])...)
	}
	return out, nil
}

func familyMetrics(mf *dto.MetricFamily) []Metric {
	name := mf.GetName()
	desc, unit := splitHelpUnit(mf.GetHelp())
	dotted := name
	category := ""
	if e, ok := LookupMetric(name); ok {
		dotted = e.Name
		category = e.Category
		if unit == "" {
			unit = e.Unit
		}
	}
	if unit == "" {
		unit = unitFromPromSuffix(name)
	}
	var out []Metric
	for _, m := range mf.GetMetric() {
		labels, cat := promLabels(m.GetLabel())
		if cat == "" {
			cat = category
		}
		if cat == "" {
			cat = GuessCategory(dotted)
		}
		var ts time.Time
		if m.TimestampMs != nil {
			ts = time.UnixMilli(m.GetTimestampMs()).UTC()
		}
		base := Metric{Name: dotted, Category: cat, Unit: unit, Description: desc, Time: ts}
		add := func(suffix string, extra map[string]string, v float64, u string) {
			mm := base
			mm.Name += suffix
			mm.Labels = mergeLabels(labels, extra)
			mm.Value = finite(v)
			if u != "" {
				mm.Unit = u
			}
			out = append(out, mm)
		}
		switch mf.GetType() {
		case dto.MetricType_COUNTER:
			add("", nil, m.GetCounter().GetValue(), "")
		case dto.MetricType_GAUGE:
			add("", nil, m.GetGauge().GetValue(), "")
		case dto.MetricType_SUMMARY:
			s := m.GetSummary()
			for _, q := range s.GetQuantile() {
				add("", map[string]string{"quantile": formatFloat(q.GetQuantile())}, q.GetValue(), "")
			}
			add("_sum", nil, s.GetSampleSum(), "")
			add("_count", nil, float64(s.GetSampleCount()), "count")
		case dto.MetricType_HISTOGRAM:
			h := m.GetHistogram()
			for _, bk := range h.GetBucket() {
				add("_bucket", map[string]string{"le": formatFloat(bk.GetUpperBound())}, float64(bk.GetCumulativeCount()), "count")
			}
			add("_sum", nil, h.GetSampleSum(), "")
			add("_count", nil, float64(h.GetSampleCount()), "count")
		default:
			add("", nil, m.GetUntyped().GetValue(), "")
		}
	}
	return out
}

// promLabels converts label pairs; a "category" label is the contract's
// category, not a dimension.
func promLabels(pairs []*dto.LabelPair) (map[string]string, string) {
	if len(pairs) == 0 {
		return nil, ""
	}
	labels := make(map[string]string, len(pairs))
	category := ""
	for _, p := range pairs {
		if p.GetName() == "category" {
			category = p.GetValue()
			continue
		}
		labels[p.GetName()] = p.GetValue()
	}
	return cleanLabels(labels), category
}

func mergeLabels(a, b map[string]string) map[string]string {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// A unit at the end of a HELP text: "95th percentile response time (ms)",
// "... [ms]", "... unit: ms" or "... unit=ms".
var helpUnitPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^(.*?)\s*\(([^()]{1,24})\)\s*$`),
	regexp.MustCompile(`^(.*?)\s*\[([^\[\]]{1,24})\]\s*$`),
	regexp.MustCompile(`(?i)^(.*?)[\s,;.]*\bunit\s*[:=]\s*(\S{1,24})\s*$`),
}

func splitHelpUnit(help string) (desc, unit string) {
	help = strings.TrimSpace(help)
	for _, re := range helpUnitPatterns {
		if m := re.FindStringSubmatch(help); m != nil {
			return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		}
	}
	return help, ""
}

// unitFromPromSuffix applies Prometheus naming conventions to names the
// contract catalog does not know.
func unitFromPromSuffix(name string) string {
	switch {
	case strings.HasSuffix(name, "_seconds"):
		return "seconds"
	case strings.HasSuffix(name, "_milliseconds"), strings.HasSuffix(name, "_ms"):
		return "ms"
	case strings.HasSuffix(name, "_bytes"):
		return "bytes"
	case strings.HasSuffix(name, "_percent"):
		return "%"
	case strings.HasSuffix(name, "_ratio"):
		return "ratio"
	}
	return ""
}
