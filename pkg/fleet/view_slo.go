package fleet

import (
	"sort"
	"time"

	"github.com/appmon/monitoring/pkg/slo"
)

// CombineSLOInputs makes the fleet's inputs to its objectives from the
// answering instances' own: each history series combined per timestamp as
// the fleet view combines it (request rates summed, latency percentiles
// the worst instance's, uptime the mean), the error rate weighted by each
// instance's requests where they are known, the uptime snapshot the mean,
// and every instance's incidents (one incident reported by several
// instances of one workload counted once).
func CombineSLOInputs(ins []slo.Inputs) slo.Inputs {
	if len(ins) == 1 {
		return ins[0]
	}
	out := slo.Inputs{Now: ins[0].Now}
	out.History = combineHistory(ins)
	out.Uptime = combineUptime(ins)
	out.Incidents = combineIncidents(ins)
	return out
}

func combineHistory(ins []slo.Inputs) []slo.HistoryBlock {
	var steps []time.Duration
	byStep := map[time.Duration][]slo.HistoryBlock{}
	for _, in := range ins {
		for _, b := range in.History {
			if _, ok := byStep[b.Step]; !ok {
				steps = append(steps, b.Step)
			}
			byStep[b.Step] = append(byStep[b.Step], b)
		}
	}
	out := make([]slo.HistoryBlock, 0, len(steps))
	for _, step := range steps {
		blocks := byStep[step]
		var names []string
		seen := map[string]bool{}
		for _, b := range blocks {
			for name := range b.Series {
				if !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
		sort.Strings(names)
		nb := slo.HistoryBlock{Step: step}
		for _, name := range names {
			nb.Add(name, nil, combineHistorySeries(name, blocks, len(ins)))
		}
		out = append(out, nb)
	}
	return out
}

// combineHistorySeries combines one history series of the blocks (one
// block per instance that has this step; n instances answered).
func combineHistorySeries(name string, blocks []slo.HistoryBlock, n int) slo.Series {
	at := func(s slo.Series) map[time.Time]*float64 {
		m := make(map[time.Time]*float64, len(s.Times))
		for i, t := range s.Times {
			m[t] = s.Values[i]
		}
		return m
	}
	var times []time.Time
	seen := map[time.Time]bool{}
	values := make([]map[time.Time]*float64, 0, len(blocks))
	weights := make([]map[time.Time]*float64, 0, len(blocks))
	for _, b := range blocks {
		s, ok := b.Series[name]
		if !ok {
			continue
		}
		for _, t := range s.Times {
			if !seen[t] {
				seen[t] = true
				times = append(times, t)
			}
		}
		values = append(values, at(s))
		weights = append(weights, at(b.Series[slo.MetricRequestRate]))
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	agg := AggregationOf(name, "")
	out := slo.Series{Times: times, Values: make([]*float64, len(times))}
	for k, t := range times {
		known := make([]float64, 0, len(values))
		var sum, weight float64
		weighted := name == slo.MetricErrorRate
		for i, m := range values {
			v := m[t]
			if v == nil {
				continue
			}
			known = append(known, *v)
			if w := weights[i][t]; w != nil && *w >= 0 {
				sum, weight = sum+*v**w, weight+*w
			} else {
				weighted = false
			}
		}
		if weighted && len(known) > 0 && weight > 0 {
			v := sum / weight
			out.Values[k] = &v
			continue
		}
		out.Values[k] = combineValues(agg, known, n)
	}
	return out
}

func combineUptime(ins []slo.Inputs) *slo.UptimeSnapshot {
	var out *slo.UptimeSnapshot
	n := 0
	for _, in := range ins {
		if in.Uptime == nil {
			continue
		}
		if out == nil {
			out = &slo.UptimeSnapshot{Seconds: in.Uptime.Seconds}
		}
		out.Percentage += in.Uptime.Percentage
		out.Seconds = min(out.Seconds, in.Uptime.Seconds) // what every instance covers
		n++
	}
	if out != nil {
		out.Percentage /= float64(n)
	}
	return out
}

func combineIncidents(ins []slo.Inputs) []slo.Incident {
	var out []slo.Incident
	seen := map[string]bool{}
	have := false
	for _, in := range ins {
		if in.Incidents == nil {
			continue
		}
		have = true
		for _, inc := range in.Incidents {
			key := inc.StartedAt.String()
			if inc.ResolvedAt != nil {
				key += "/" + inc.ResolvedAt.String()
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, inc)
			}
		}
	}
	if have && out == nil {
		out = []slo.Incident{}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].StartedAt.Before(out[j].StartedAt) })
	return out
}
