package parse

import (
	"strings"
)

type datadogDoc struct {
	Series *[]datadogSeries `json:"series"`
}

type datadogSeries struct {
	Metric string      `json:"metric"`
	Points [][2]Number `json:"points"`
	Type   string      `json:"type"`
	Unit   string      `json:"unit"`
	Tags   []string    `json:"tags"`
}

// ParseDatadog reads a Datadog v1 series payload. Each series becomes one
// metric holding its latest point; "key:value" tags become labels and the
// "category" tag the category.
func ParseDatadog(body []byte) (Metrics, error) {
	return decodeDoc("metrics (Datadog series)", body, strict(func(d *datadogDoc) (Metrics, error) { return datadogMetrics(d.Series) }), nil)
}

func datadogMetrics(series *[]datadogSeries) (Metrics, error) {
	const doc = "metrics (Datadog series)"
	if series == nil {
		return Metrics{}, shapef(doc, `field "series" is missing`)
	}
	out := Metrics{Format: FormatDatadog, Metrics: make([]Metric, 0, len(*series))}
	for i, s := range *series {
		name := strings.TrimSpace(s.Metric)
		if name == "" {
			return Metrics{}, shapef(doc, "series[%d] has no metric name", i)
		}
		labels, tagCategory := datadogTags(s.Tags)
		category, unit := withCatalogDefaults(name, tagCategory, s.Unit)
		m := Metric{Name: name, Category: category, Unit: unit, Labels: labels}
		if n := len(s.Points); n > 0 {
			last := s.Points[n-1]
			if last[0].V == nil {
				return Metrics{}, shapef(doc, "series[%d] has a point without a timestamp", i)
			}
			ts, err := UnixSeconds(*last[0].V)
			if err != nil {
				return Metrics{}, shapef(doc, "series[%d]: %v", i, err)
			}
			m.Time = ts
			m.Value = last[1].V
		}
		out.Metrics = append(out.Metrics, m)
	}
	return out, nil
}

func datadogTags(tags []string) (map[string]string, string) {
	if len(tags) == 0 {
		return nil, ""
	}
	labels := map[string]string{}
	category := ""
	for _, t := range tags {
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			continue // bare tags carry no dimension value
		}
		if k == "category" {
			category = v
			continue
		}
		labels[k] = v
	}
	return cleanLabels(labels), category
}
