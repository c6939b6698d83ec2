package fleet

import (
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Label names the fleet adds.
const (
	// InstanceLabel names the instance (host:port) a series comes from.
	InstanceLabel = "instance"
	// FleetLabel carries the aggregation of a fleet series ("sum of instances").
	FleetLabel = "fleet"
)

// isSeries reports whether a frame is a time series or a one-row set of
// labelled numbers (dataplane multi, wide and numeric frames other than
// long ones): those take the instance as a label. Tables and numeric-long
// frames, whose string columns are the dimensions, take it as a column.
func isSeries(f *data.Frame) bool {
	if f.Meta != nil {
		switch f.Meta.Type {
		case data.FrameTypeTimeSeriesMulti, data.FrameTypeTimeSeriesWide, data.FrameTypeNumericWide, data.FrameTypeNumericMulti:
			return true
		case data.FrameTypeNumericLong:
			return !hasStringField(f)
		}
	}
	return false
}

func hasStringField(f *data.Frame) bool {
	for _, fd := range f.Fields {
		if t := fd.Type(); t == data.FieldTypeString || t == data.FieldTypeNullableString {
			return true
		}
	}
	return false
}

// withLabel returns a copy of labels with one more: the original map may
// be shared with a cached series.
func withLabel(labels data.Labels, key, value string) data.Labels {
	out := make(data.Labels, len(labels)+1)
	for k, v := range labels {
		out[k] = v
	}
	out[key] = value
	return out
}

// labelFields puts key=value on every non-time field of a series frame.
func labelFields(f *data.Frame, key, value string) {
	for _, fd := range f.Fields {
		if fd.Type().Time() {
			continue
		}
		fd.Labels = withLabel(fd.Labels, key, value)
	}
}
