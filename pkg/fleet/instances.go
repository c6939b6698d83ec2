package fleet

import (
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Instances is the per-instance view of the answering instances: every
// series labelled instance="host:port", grouped by series name in the
// order they first appear; tables (alerts, rules, SLO rows) become one
// table per name with an instance column. Notices of the instances are
// merged onto the first frame.
func Instances(answered []Result) data.Frames {
	notices, executed := takeMeta(answered)
	out := combine(answered, func(r Result, f *data.Frame) *data.Frame {
		labelFields(f, InstanceLabel, r.Instance)
		return f
	})
	putMeta(out, notices, executed)
	return out
}

// combine walks the instances' frames: series frames pass through series
// (which may change or drop them), tables are unioned by name. Frames
// keep the order in which their name first appears, an instance's frames
// of one name staying together. Frames without fields (no data) are left
// out unless nothing else is left: then the first one is the answer.
func combine(answered []Result, series func(Result, *data.Frame) *data.Frame) data.Frames {
	type slot struct {
		frames []*data.Frame
		union  *union
	}
	var order []string
	slots := map[string]*slot{}
	var empty *data.Frame
	for _, r := range answered {
		for _, f := range r.Frames {
			if f == nil {
				continue
			}
			if len(f.Fields) == 0 {
				if empty == nil {
					empty = f
				}
				continue
			}
			key := f.Name
			if !isSeries(f) {
				key = "\x00table\x00" + f.Name
			}
			s, ok := slots[key]
			if !ok {
				s = &slot{}
				slots[key] = s
				order = append(order, key)
			}
			if isSeries(f) {
				if g := series(r, f); g != nil {
					s.frames = append(s.frames, g)
				}
				continue
			}
			if s.union == nil {
				s.union = &union{proto: f}
			}
			if !sameLayout(s.union.proto, f) {
				// Another layout (an instance on another version): a table of its own.
				s.frames = append(s.frames, (&union{proto: f, parts: []unionPart{{r.Instance, f}}}).frame())
				continue
			}
			s.union.parts = append(s.union.parts, unionPart{r.Instance, f})
		}
	}
	var out data.Frames
	for _, key := range order {
		s := slots[key]
		if s.union != nil {
			out = append(out, s.union.frame())
		}
		out = append(out, s.frames...)
	}
	if len(out) == 0 {
		if empty == nil {
			empty = data.NewFrame("")
		}
		out = data.Frames{empty}
	}
	return out
}
