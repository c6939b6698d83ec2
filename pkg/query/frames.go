package query

import (
	"sort"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/parse"
)

// MetricLabel names the series in its labels. Alert rules identify alert
// instances by labels alone, so two series of one query (say a service's
// status and its response time) must differ in labels, not only in name.
const MetricLabel = "metric"

// dataplaneVersion is the dataplane contract version our frames follow.
var dataplaneVersion = data.FrameTypeVersion{0, 1}

// series is one numeric series before it becomes a frame.
type series struct {
	Name        string
	Labels      data.Labels
	Unit        string // Grafana unit ID
	DisplayName string
	Description string
	Mappings    data.ValueMappings
	Decimals    *uint16
	IntervalMs  float64
	Times       []time.Time
	Values      []*float64
	// ownLabels: Labels was built for this series alone (not shared with
	// a cache or another series), so the metric label may go straight in.
	ownLabels bool
}

func (s *series) labelsWithMetric() data.Labels {
	if s.ownLabels {
		if _, taken := s.Labels[MetricLabel]; !taken {
			s.Labels[MetricLabel] = s.Name
		}
		return s.Labels
	}
	l := make(data.Labels, len(s.Labels)+1)
	for k, v := range s.Labels {
		l[k] = v
	}
	if _, taken := l[MetricLabel]; !taken {
		l[MetricLabel] = s.Name
	}
	return l
}

func (s *series) fieldConfig() *data.FieldConfig {
	c := s.fieldConfigValue()
	return &c
}

func (s *series) fieldConfigValue() data.FieldConfig {
	return data.FieldConfig{
		DisplayNameFromDS: s.DisplayName,
		Unit:              s.Unit,
		Description:       s.Description,
		Mappings:          s.Mappings,
		Decimals:          s.Decimals,
		Interval:          s.IntervalMs,
	}
}

// point is a one-sample series (current values).
func point(name string, labels data.Labels, t time.Time, v *float64) series {
	return series{Name: name, Labels: labels, Times: []time.Time{t}, Values: []*float64{v}}
}

// multiFrames builds a dataplane "timeseries-multi" response: one frame
// per series, each with a time field and one numeric field carrying the
// labels. Zero series yields the typed no-data frame.
func multiFrames(ss []series) data.Frames {
	if len(ss) == 0 {
		return data.Frames{noDataFrame()}
	}
	frames := make(data.Frames, 0, len(ss))
	seen := newLabelSetFilter(ss)
	configs := make([]data.FieldConfig, len(ss)) // one allocation for every field's config
	for i := range ss {
		s := &ss[i]
		labels := s.labelsWithMetric()
		// A server listing the same series twice would make alert rules
		// fail on duplicate label sets; the first one wins.
		if seen.seen(labels) {
			continue
		}
		configs[i] = s.fieldConfigValue()
		value := data.NewField(s.Name, labels, s.Values).SetConfig(&configs[i])
		f := data.NewFrame(s.Name, data.NewField("time", nil, s.Times), value)
		f.SetMeta(&data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: dataplaneVersion})
		frames = append(frames, f)
	}
	return frames
}

func noDataFrame() *data.Frame {
	return data.NewFrame("").SetMeta(&data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: dataplaneVersion})
}

// wideFrame puts current values that share one timestamp into a single
// "timeseries-wide" frame: the shape Grafana Live appends row by row.
func wideFrame(name string, t time.Time, ss []series) *data.Frame {
	tf := data.NewFieldFromFieldType(data.FieldTypeTime, 1)
	tf.Name = "time"
	tf.Set(0, t)
	f := &data.Frame{Name: name, Fields: append(make([]*data.Field, 0, len(ss)+1), tf)}
	seen := newLabelSetFilter(ss)
	configs := make([]data.FieldConfig, len(ss)) // one allocation for every field's config
	for i := range ss {
		s := &ss[i]
		labels := s.labelsWithMetric()
		if seen.seen(labels) {
			continue
		}
		var v *float64
		if n := len(s.Values); n > 0 {
			v = s.Values[n-1]
		}
		// Sized and set in place: no one-element slice boxed only to be copied.
		field := data.NewFieldFromFieldType(data.FieldTypeNullableFloat64, 1)
		field.Set(0, v)
		field.Name, field.Labels = s.Name, labels
		configs[i] = s.fieldConfigValue()
		f.Fields = append(f.Fields, field.SetConfig(&configs[i]))
	}
	return f.SetMeta(&data.FrameMeta{Type: data.FrameTypeTimeSeriesWide, TypeVersion: dataplaneVersion})
}

// filterSeries keeps series whose name matches.
func filterSeries(ss []series, m Matcher) []series {
	if m.All() {
		return ss
	}
	out := ss[:0]
	for _, s := range ss {
		if m.Match(s.Name) {
			out = append(out, s)
		}
	}
	return out
}

// sortSeries orders series by category (contract order), name and labels.
func sortSeries(ss []series) {
	rank := func(s *series) int {
		for i, c := range parse.Categories {
			if s.Labels["category"] == c {
				return i
			}
		}
		return len(parse.Categories)
	}
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := &ss[i], &ss[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Labels.String() < b.Labels.String()
	})
}

// Value mappings so stat and table panels show words and colours while
// alert rules compare numbers.
var (
	statusMappings = data.ValueMappings{data.ValueMapper{
		"1":   {Text: "healthy", Color: "green", Index: 0},
		"0.5": {Text: "degraded", Color: "orange", Index: 1},
		"0":   {Text: "unhealthy", Color: "red", Index: 2},
	}}
	complianceMappings = data.ValueMappings{data.ValueMapper{
		"1": {Text: "met", Color: "green", Index: 0},
		"0": {Text: "not met", Color: "red", Index: 1},
	}}
)

func boolValue(b *bool) *float64 {
	if b == nil {
		return nil
	}
	v := 0.0
	if *b {
		v = 1
	}
	return &v
}

func u16(v uint16) *uint16 { return &v }

// sampleTime picks the document's timestamp, falling back to when it was
// fetched (servers that omit it still get a time field).
func sampleTime(ts, fetched time.Time) time.Time {
	if !ts.IsZero() {
		return ts
	}
	return fetched.UTC()
}
