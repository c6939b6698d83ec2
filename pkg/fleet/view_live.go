package fleet

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Wide puts the answering instances' current values (one wide frame
// each, as Grafana Live streams them) into one wide frame: each
// instance's fields labelled with it, or with combine the fleet's values
// by AggregationOf. The row is stamped with the newest instance's time.
func Wide(answered []Result, combine bool) *data.Frame {
	notices, executed := takeMeta(answered)
	out := wide(answered, combine)
	putMeta(data.Frames{out}, notices, executed)
	return out
}

func wide(answered []Result, combine bool) *data.Frame {
	var proto *data.Frame
	var newest time.Time
	type slot struct {
		proto *data.Field
		known []float64
	}
	var order []string
	slots := map[string]*slot{}
	var fields []*data.Field
	for _, r := range answered {
		for _, f := range r.Frames {
			if f == nil || len(f.Fields) == 0 || f.Rows() == 0 {
				continue
			}
			if proto == nil {
				proto = f
			}
			ti := timeIndex(f)
			last := f.Rows() - 1
			if ti >= 0 {
				if t := timeAt(f.Fields[ti], last); t.After(newest) {
					newest = t
				}
			}
			for j, fd := range f.Fields {
				if j == ti || !fd.Type().Numeric() {
					continue
				}
				v, _ := fd.NullableFloatAt(last)
				if !combine {
					field := data.NewField(fd.Name, withLabel(fd.Labels, InstanceLabel, r.Instance), []*float64{v})
					field.Config = fd.Config
					fields = append(fields, field)
					continue
				}
				key := fd.Name + "\x00" + withoutInstance(fd.Labels).String()
				s := slots[key]
				if s == nil {
					s = &slot{proto: fd}
					slots[key] = s
					order = append(order, key)
				}
				if v != nil {
					s.known = append(s.known, *v)
				}
			}
		}
	}
	if proto == nil {
		return data.NewFrame("")
	}
	for _, key := range order {
		s := slots[key]
		agg := AggregationOf(metricName(proto, s.proto), unitOf(s.proto))
		field := data.NewField(s.proto.Name, withLabel(withoutInstance(s.proto.Labels), FleetLabel, agg.Label()),
			[]*float64{combineValues(agg, s.known, len(answered))})
		if s.proto.Config != nil {
			c := *s.proto.Config
			if c.DisplayNameFromDS != "" {
				c.DisplayNameFromDS += " (" + agg.Label() + ")"
			}
			field.Config = &c
		}
		fields = append(fields, field)
	}
	out := data.NewFrame(proto.Name, append([]*data.Field{data.NewField("time", nil, []time.Time{newest})}, fields...)...)
	if proto.Meta != nil {
		m := *proto.Meta
		m.Notices = nil
		out.Meta = &m
	}
	return out
}
