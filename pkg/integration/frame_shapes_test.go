package integration

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// numericSeries is one number series as Grafana's panels and alerting
// see it: a value field of a time series frame, or a numeric column of a
// numeric-long frame (labelled by the row's string columns).
type numericSeries struct {
	Name    string
	Display string
	Labels  data.Labels
	NonNull int
}

func (s numericSeries) String() string { return s.Name + "{" + s.Labels.String() + "}" }

// numericSeriesOf lists the numeric series of a response. Frames without a
// dataplane numeric type (tables) have none.
func numericSeriesOf(frames data.Frames) []numericSeries {
	var out []numericSeries
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		switch f.Meta.Type {
		case data.FrameTypeNumericLong:
			out = append(out, numericLongSeries(f)...)
		case data.FrameTypeTimeSeriesMulti, data.FrameTypeTimeSeriesWide, data.FrameTypeTimeSeriesLong:
			for _, fld := range f.Fields {
				if !fld.Type().Numeric() {
					continue
				}
				s := numericSeries{Name: fld.Name, Display: displayName(fld), Labels: fld.Labels}
				for i := 0; i < fld.Len(); i++ {
					if _, ok := fld.ConcreteAt(i); ok {
						s.NonNull++
					}
				}
				out = append(out, s)
			}
		}
	}
	return out
}

func numericLongSeries(f *data.Frame) []numericSeries {
	var out []numericSeries
	for row := 0; row < f.Rows(); row++ {
		labels := data.Labels{}
		for _, fld := range f.Fields {
			if fld.Type() == data.FieldTypeString || fld.Type() == data.FieldTypeNullableString {
				if v, ok := fld.ConcreteAt(row); ok {
					labels[fld.Name] = v.(string)
				}
			}
		}
		for _, fld := range f.Fields {
			if !fld.Type().Numeric() {
				continue
			}
			s := numericSeries{Name: fld.Name, Display: displayName(fld), Labels: labels}
			if _, ok := fld.ConcreteAt(row); ok {
				s.NonNull = 1
			}
			out = append(out, s)
		}
	}
	return out
}

func displayName(fld *data.Field) string {
	if fld.Config != nil && fld.Config.DisplayNameFromDS != "" {
		return fld.Config.DisplayNameFromDS
	}
	return fld.Name
}

// withValues keeps the series that have at least one value.
func withValues(ss []numericSeries) []numericSeries {
	var out []numericSeries
	for _, s := range ss {
		if s.NonNull > 0 {
			out = append(out, s)
		}
	}
	return out
}

// reduceFieldsFilter applies a stat or gauge panel's reduceOptions.fields
// the way Grafana does: a "/regex/" (or a plain name, anchored) matched
// against each field's display name. An empty option keeps every series.
func reduceFieldsFilter(option string, ss []numericSeries) ([]numericSeries, error) {
	if option == "" {
		return ss, nil
	}
	pattern := "^" + regexp.QuoteMeta(option) + "$"
	if strings.HasPrefix(option, "/") && strings.LastIndex(option, "/") > 0 {
		last := strings.LastIndex(option, "/")
		pattern = option[1:last]
		if strings.Contains(option[last+1:], "i") {
			pattern = "(?i)" + pattern
		}
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("reduceOptions.fields %q: %v", option, err)
	}
	var out []numericSeries
	for _, s := range ss {
		if re.MatchString(s.Display) {
			out = append(out, s)
		}
	}
	return out, nil
}

// tableFrames are the frames with rows that a table-like panel shows.
func tableFrames(frames data.Frames) []*data.Frame {
	var out []*data.Frame
	for _, f := range frames {
		if f.Rows() > 0 && len(f.Fields) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// mergingTransformations turn several frames into one table; without one,
// Grafana's table panel shows one frame at a time behind a picker.
var mergingTransformations = map[string]bool{
	"merge": true, "joinByField": true, "seriesToRows": true, "reduce": true, "concatenate": true, "seriesToColumns": true,
}

// sloFrameFields are the columns of the "slo" frame the SLA panel reads
// (frames.md, issue 5).
var sloFrameFields = []string{
	"objective", "title", "window", "target", "actual", "compliant", "budget_total_minutes",
	"budget_remaining_ratio", "budget_remaining_minutes", "burn_rate_5m", "burn_rate_30m", "burn_rate_1h",
	"burn_rate_2h", "burn_rate_6h", "burn_rate_1d", "burn_rate_3d", "fast_burn", "slow_burn",
	"time_to_exhaustion_seconds", "mtbf_seconds", "mttr_seconds", "history_coverage",
}

func seriesList(ss []numericSeries) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, ", ")
}
