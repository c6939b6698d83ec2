package fleet

import (
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/frames"
)

// Keep filters the fleet view's series by name and labels (the query's
// metric name and service filters). The views read the instances'
// complete answers, which the status counts need, and filter afterwards.
type Keep func(name string, labels data.Labels) bool

// Health is the fleet view of the health query: "fleet_health" (healthy
// instances of all, an instance that did not answer counting as not
// healthy), "fleet_components" (each dependency healthy in N of M) and
// the instances' series combined. total counts every instance, answering
// or not.
func Health(answered []Result, total int, keep Keep) data.Frames {
	healthy := 0
	var order []string
	comps := map[string]*frames.ComponentHealth{}
	for _, r := range answered {
		overall := false
		eachValue(r.Frames, "health.status", func(labels data.Labels, v *float64) {
			ok := v != nil && *v == 1
			svc, isService := labels["service"]
			if !isService {
				overall = overall || ok
				return
			}
			c := comps[svc]
			if c == nil {
				c = &frames.ComponentHealth{Service: svc, Total: total}
				comps[svc] = c
				order = append(order, svc)
			}
			if ok {
				c.Healthy++
			}
		})
		if overall {
			healthy++
		}
	}
	head := data.Frames{frames.FleetHealthFrame(healthy, total)}
	var cs []frames.ComponentHealth
	for _, svc := range order {
		if keep == nil || keep("health.status", data.Labels{"service": svc}) {
			cs = append(cs, *comps[svc])
		}
	}
	if len(cs) > 0 {
		head = append(head, frames.FleetComponentsFrame(cs))
	}
	return withHead(head, filterSeries(Series(answered), keep))
}

// eachValue calls fn with the last value of every field of the named
// series in frames.
func eachValue(fs data.Frames, name string, fn func(data.Labels, *float64)) {
	for _, f := range fs {
		if f == nil || !isSeries(f) {
			continue
		}
		for _, fd := range f.Fields {
			if fd.Type().Time() || !fd.Type().Numeric() || metricName(f, fd) != name || fd.Len() == 0 {
				continue
			}
			v, err := fd.NullableFloatAt(fd.Len() - 1)
			if err == nil {
				fn(fd.Labels, v)
			}
		}
	}
}

// filterSeries drops the series frames keep refuses; a view left with no
// series keeps the first frame for its notices.
func filterSeries(fs data.Frames, keep Keep) data.Frames {
	if keep == nil {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if !isSeries(f) || keepFrame(f, keep) {
			out = append(out, f)
		}
	}
	return out
}

func keepFrame(f *data.Frame, keep Keep) bool {
	for _, fd := range f.Fields {
		if !fd.Type().Time() && keep(metricName(f, fd), fd.Labels) {
			return true
		}
	}
	return false
}

// withHead puts the fleet frames first and moves the notices and
// requests of the combined answer onto the new first frame.
func withHead(head, rest data.Frames) data.Frames {
	for _, f := range rest {
		if f.Meta == nil {
			continue
		}
		if len(f.Meta.Notices) > 0 || f.Meta.ExecutedQueryString != "" {
			if head[0].Meta == nil {
				head[0].Meta = &data.FrameMeta{}
			}
			head[0].Meta.Notices = append(head[0].Meta.Notices, f.Meta.Notices...)
			if head[0].Meta.ExecutedQueryString == "" {
				head[0].Meta.ExecutedQueryString = f.Meta.ExecutedQueryString
			}
			f.Meta.Notices, f.Meta.ExecutedQueryString = nil, ""
		}
	}
	out := append(head, rest...)
	// A no-data frame (no fields) is noise beside the fleet frames.
	kept := out[:0]
	for _, f := range out {
		if len(f.Fields) > 0 {
			kept = append(kept, f)
		}
	}
	return kept
}
