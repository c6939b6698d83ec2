package parse

import (
	"strings"
	"time"
)

// Series is one metric's values over time.
type Series struct {
	Name     string
	Unit     string
	Category string
	Labels   map[string]string
	Times    []time.Time
	Values   []*float64
}

// History is the body of GET /api/monitoring/metrics/history.
type History struct {
	From, To time.Time
	Step     int
	Series   []Series
}

type historyDoc struct {
	From   Time   `json:"from"`
	To     Time   `json:"to"`
	Step   Number `json:"step"`
	Series *[]struct {
		Name     string            `json:"name"`
		Unit     string            `json:"unit"`
		Category string            `json:"category"`
		Labels   map[string]string `json:"labels"`
		// Plain *float64 (not Number): history bodies can hold 100,000s
		// of points and the standard decoder is several times faster.
		Points [][]*float64 `json:"points"`
	} `json:"series"`
}

// ParseHistory reads metric history. Points are [unix_ms, value]; they are
// sorted by time because time series frames must be.
func ParseHistory(body []byte) (History, error) {
	return decodeDoc("metrics history", body, strict(readHistory), nil)
}

func readHistory(d *historyDoc) (History, error) {
	const doc = "metrics history"
	if d.Series == nil {
		return History{}, shapef(doc, `field "series" is missing`)
	}
	out := History{From: d.From.T, To: d.To.T, Series: make([]Series, 0, len(*d.Series))}
	if d.Step.V != nil && *d.Step.V > 0 {
		out.Step = int(min(*d.Step.V, 1e9))
	}
	for i, s := range *d.Series {
		name := strings.TrimSpace(s.Name)
		if name == "" {
			return History{}, shapef(doc, "series[%d] has no name", i)
		}
		cat, unit := withCatalogDefaults(name, s.Category, s.Unit)
		series := Series{Name: name, Unit: unit, Category: cat, Labels: cleanLabels(s.Labels),
			Times: make([]time.Time, 0, len(s.Points)), Values: make([]*float64, 0, len(s.Points))}
		for j, p := range s.Points {
			if len(p) != 2 || p[0] == nil {
				return History{}, shapef(doc, "series[%d].points[%d] must be [unix_ms, value]", i, j)
			}
			ts, err := UnixMillis(*p[0])
			if err != nil {
				return History{}, shapef(doc, "series[%d].points[%d]: %v", i, j, err)
			}
			series.Times = append(series.Times, ts)
			series.Values = append(series.Values, p[1])
		}
		sortPoints(&series)
		out.Series = append(out.Series, series)
	}
	return out, nil
}

// sortPoints sorts by time (insertion sort: points almost always arrive
// sorted, so this is linear in practice) and drops duplicate timestamps,
// keeping the last value.
func sortPoints(s *Series) {
	for i := 1; i < len(s.Times); i++ {
		for j := i; j > 0 && s.Times[j].Before(s.Times[j-1]); j-- {
			s.Times[j], s.Times[j-1] = s.Times[j-1], s.Times[j]
			s.Values[j], s.Values[j-1] = s.Values[j-1], s.Values[j]
		}
	}
	w := 0
	for i := range s.Times {
		if w > 0 && s.Times[i].Equal(s.Times[w-1]) {
			s.Values[w-1] = s.Values[i]
			continue
		}
		s.Times[w], s.Values[w] = s.Times[i], s.Values[i]
		w++
	}
	s.Times, s.Values = s.Times[:w], s.Values[:w]
}
