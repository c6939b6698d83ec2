package fleet

import (
	"sort"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Series is the fleet view of series frames: the instances' series of one
// name and labels combine, timestamp by timestamp, into one series with
// fleet.AggregationOf, labelled fleet="<aggregation>". Tables are unioned
// as in the per-instance view. A Sum at a timestamp where an answering
// instance has no value is null: unknown, not a smaller number.
func Series(answered []Result) data.Frames {
	notices, executed := takeMeta(answered)
	out := aggregate(answered)
	putMeta(out, notices, executed)
	return out
}

// aggregate groups the series frames by name and labels (an instance label
// the server sent itself is left out) and combines each group.
func aggregate(answered []Result) data.Frames {
	type group struct {
		frames []*data.Frame // one per instance that has the series
		insts  []string
	}
	groups := map[string]*group{}
	return finishGroups(combine(answered, func(r Result, f *data.Frame) *data.Frame {
		key := seriesKey(f)
		g, ok := groups[key]
		if !ok {
			g = &group{}
			groups[key] = g
		}
		g.frames = append(g.frames, f)
		g.insts = append(g.insts, r.Instance)
		if ok {
			return nil // combined into the group's first frame below
		}
		return f
	}), func(f *data.Frame) data.Frames {
		g, ok := groups[seriesKey(f)]
		if !ok || g.frames[0] != f {
			return data.Frames{f}
		}
		return combineSeries(g.frames, g.insts, len(answered))
	})
}

// finishGroups replaces each group's first frame by what fn makes of
// the group (one combined frame, or every instance's own).
func finishGroups(frames data.Frames, fn func(*data.Frame) data.Frames) data.Frames {
	out := make(data.Frames, 0, len(frames))
	for _, f := range frames {
		if isSeries(f) {
			out = append(out, fn(f)...)
		} else {
			out = append(out, f)
		}
	}
	return out
}

func seriesKey(f *data.Frame) string {
	var b strings.Builder
	b.WriteString(f.Name)
	for _, fd := range f.Fields {
		b.WriteByte(0)
		b.WriteString(fd.Name)
		if fd.Type().Time() {
			continue
		}
		b.WriteByte(0)
		b.WriteString(withoutInstance(fd.Labels).String())
	}
	return b.String()
}

func withoutInstance(l data.Labels) data.Labels {
	if _, ok := l[InstanceLabel]; !ok {
		return l
	}
	out := make(data.Labels, len(l))
	for k, v := range l {
		if k != InstanceLabel {
			out[k] = v
		}
	}
	return out
}

// combineSeries combines one series of several instances. n is the
// number of answering instances: one of them without the series has no
// value at any timestamp.
func combineSeries(frames []*data.Frame, insts []string, n int) data.Frames {
	proto := frames[0]
	ti := timeIndex(proto)
	for _, f := range frames {
		if !combinable(f, ti) {
			// Not numbers over time: show each instance's own.
			for i, g := range frames {
				labelFields(g, InstanceLabel, insts[i])
			}
			return frames
		}
	}
	times, rowsOf := alignRows(frames, ti)
	out := data.NewFrame(proto.Name)
	if proto.Meta != nil {
		m := *proto.Meta
		out.Meta = &m
	}
	for j, pf := range proto.Fields {
		if j == ti {
			out.Fields = append(out.Fields, data.NewField(pf.Name, pf.Labels, times).SetConfig(pf.Config))
			continue
		}
		agg := AggregationOf(metricName(proto, pf), unitOf(pf))
		vals := make([]*float64, len(rowsOf[0]))
		known := make([]float64, 0, len(frames))
		for k := range vals {
			known = known[:0]
			for m, f := range frames {
				if i := rowsOf[m][k]; i >= 0 {
					if v, ok := f.Fields[j].NullableFloatAt(i); ok == nil && v != nil {
						known = append(known, *v)
					}
				}
			}
			vals[k] = combineValues(agg, known, n)
		}
		field := data.NewField(pf.Name, withLabel(withoutInstance(pf.Labels), FleetLabel, agg.Label()), vals)
		if pf.Config != nil {
			c := *pf.Config
			if c.DisplayNameFromDS != "" {
				c.DisplayNameFromDS += " (" + agg.Label() + ")"
			}
			field.Config = &c
		}
		out.Fields = append(out.Fields, field)
	}
	recomputeChange(out)
	return data.Frames{out}
}

// combineValues applies an aggregation to the known values of n
// answering instances.
func combineValues(a Aggregation, known []float64, n int) *float64 {
	if len(known) == 0 || (a == Sum && len(known) < n) {
		return nil
	}
	v := known[0]
	for _, x := range known[1:] {
		switch a {
		case Sum, Mean:
			v += x
		case Max:
			v = max(v, x)
		case Min:
			v = min(v, x)
		}
	}
	if a == Mean {
		v /= float64(len(known))
	}
	return &v
}

func timeIndex(f *data.Frame) int {
	for i, fd := range f.Fields {
		if fd.Type().Time() {
			return i
		}
	}
	return -1
}

// combinable: every field but the time is a number, and a frame without
// a time has one row.
func combinable(f *data.Frame, ti int) bool {
	if timeIndex(f) != ti || (ti < 0 && f.Rows() != 1) {
		return false
	}
	for j, fd := range f.Fields {
		if j != ti && !fd.Type().Numeric() {
			return false
		}
	}
	return true
}

// alignRows gives the combined series' timestamps and, per frame, the row
// at each timestamp (-1: none). Current values (one row each) are one
// point at the newest time; longer series meet on buckets of their step,
// so instances sampled a few milliseconds apart still add up.
func alignRows(frames []*data.Frame, ti int) ([]time.Time, [][]int) {
	rowsOf := make([][]int, len(frames))
	if ti < 0 {
		for m := range frames {
			rowsOf[m] = []int{0}
		}
		return nil, rowsOf
	}
	// Each time read once: reading a field boxes the value.
	timesOf := make([][]time.Time, len(frames))
	single := true
	var newest time.Time
	for m, f := range frames {
		ts := make([]time.Time, f.Rows())
		for i := range ts {
			ts[i] = timeAt(f.Fields[ti], i)
			if ts[i].After(newest) {
				newest = ts[i]
			}
		}
		timesOf[m] = ts
		if len(ts) > 1 {
			single = false
		}
	}
	if single {
		for m, f := range frames {
			rowsOf[m] = []int{f.Rows() - 1}
		}
		return []time.Time{newest}, rowsOf
	}
	step := stepOf(frames, ti, timesOf)
	index := map[int64]int{}
	var buckets []int64
	for _, ts := range timesOf {
		for _, t := range ts {
			b := bucket(t, step)
			if _, ok := index[b]; !ok {
				index[b] = 0
				buckets = append(buckets, b)
			}
		}
	}
	sort.Slice(buckets, func(a, b int) bool { return buckets[a] < buckets[b] })
	times := make([]time.Time, len(buckets))
	for k, b := range buckets {
		index[b] = k
		times[k] = time.Unix(0, b).UTC()
	}
	for m, ts := range timesOf {
		rows := make([]int, len(buckets))
		for k := range rows {
			rows[k] = -1
		}
		for i, t := range ts {
			rows[index[bucket(t, step)]] = i // the last point of a bucket wins
		}
		rowsOf[m] = rows
	}
	return times, rowsOf
}

func timeAt(f *data.Field, i int) time.Time {
	switch v := f.At(i).(type) {
	case time.Time:
		return v
	case *time.Time:
		if v != nil {
			return *v
		}
	}
	return time.Time{}
}

// stepOf is the series' interval (field config) or the smallest gap
// between two of its points.
func stepOf(frames []*data.Frame, ti int, timesOf [][]time.Time) time.Duration {
	var step time.Duration
	for m, f := range frames {
		for j, fd := range f.Fields {
			if j != ti && fd.Config != nil && fd.Config.Interval > 0 {
				return time.Duration(fd.Config.Interval * float64(time.Millisecond))
			}
		}
		ts := timesOf[m]
		for i := 1; i < len(ts); i++ {
			if d := ts[i].Sub(ts[i-1]); d > 0 && (step == 0 || d < step) {
				step = d
			}
		}
	}
	return step
}

// bucket is the start of the step holding t (t itself without a step).
func bucket(t time.Time, step time.Duration) int64 {
	if step <= 0 {
		return t.UnixNano()
	}
	return t.Truncate(step).UnixNano()
}

// metricName is the contract name of a field: the metric label the
// series frames carry, else the frame's name, else the field's.
func metricName(f *data.Frame, fd *data.Field) string {
	if m := fd.Labels["metric"]; m != "" {
		return m
	}
	if f.Name != "" {
		return f.Name
	}
	return fd.Name
}

// unitOf turns a Grafana unit back into the endpoint's words for
// AggregationOf.
func unitOf(fd *data.Field) string {
	if fd.Config == nil {
		return ""
	}
	switch u := fd.Config.Unit; u {
	case "percent", "percentunit":
		return "%"
	case "ms", "s":
		return u
	case "short", "none", "":
		return ""
	default:
		if strings.Contains(u, "p") && (strings.HasSuffix(u, "pm") || strings.HasSuffix(u, "ps")) {
			return "count/min" // reqpm, rps, ... are rates
		}
		return ""
	}
}

// recomputeChange: the change of a period total is a ratio of the
// combined totals, not a sum of the instances' changes.
func recomputeChange(f *data.Frame) {
	this, _ := f.FieldByName("this_period")
	prev, _ := f.FieldByName("previous_period")
	change, _ := f.FieldByName("change")
	if this == nil || prev == nil || change == nil || f.Rows() != 1 {
		return
	}
	a, _ := this.NullableFloatAt(0)
	b, _ := prev.NullableFloatAt(0)
	var c *float64
	if a != nil && b != nil && *b != 0 {
		v := (*a - *b) / *b * 100
		c = &v
	}
	change.Set(0, c)
	if change.Labels != nil {
		change.Labels[FleetLabel] = "change of the sums"
	}
}
