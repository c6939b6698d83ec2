package history

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
)

// How much is fetched again. The newest reviseSteps buckets with data
// are never trusted: the newest is usually still filling, and a server
// may revise the one before. verifySteps settled buckets before them are
// fetched again too and must match what is held, which is how a server
// that restarted (and lost or rebuilt its history) is noticed.
const (
	reviseSteps = 2
	verifySteps = 5
)

// nullValue marks a null point; JSON numbers are never NaN.
var nullValue = math.NaN()

// held is one key's history: every point of [from, to) the server had.
// It is never changed once stored; an update builds a new one.
type held struct {
	key      Key
	from, to int64 // unix ms, covered range [from, to)
	step     int
	newest   int64 // newest point's bucket start, unix ms; -1 without points
	series   []heldSeries
	size     int64
}

type heldSeries struct {
	id                   string // name and labels: the series' identity
	name, unit, category string
	labels               map[string]string
	t                    []int64   // bucket starts, unix ms, ascending
	v                    []float64 // NaN for null
}

// trusted is where the held points stop being settled: the newest
// reviseSteps buckets with data, and everything after them, are fetched
// again. A server whose clock is behind leaves an empty tail, which is
// fetched again for the same reason.
func (h *held) trusted() int64 {
	if h.newest < 0 {
		return h.from
	}
	return max(h.from, min(h.to, h.newest-int64(reviseSteps-1)*stepMs(h.step)))
}

func stepMs(step int) int64 { return int64(step) * 1000 }

// fetchPlan is what to fetch besides the held points: always a tail
// (the buckets that may still change, and a few settled ones to compare),
// and a head when the window starts before the held points or where the
// server may have dropped them.
type fetchPlan struct {
	full     bool
	tailFrom int64 // fetch [tailFrom, to)
	headTo   int64 // fetch [from, headTo) when after from
	headKeep int64 // held points from here on are kept; the head's before
	trusted  int64
}

func plan(old *held, step int, fromT, toT time.Time) fetchPlan {
	from, to := fromT.UnixMilli(), toT.UnixMilli()
	if old == nil || old.step != step {
		return fetchPlan{full: true}
	}
	trusted := old.trusted()
	if to <= old.from || from >= trusted {
		return fetchPlan{full: true} // nothing settled inside the window
	}
	verify := int64(verifySteps) * stepMs(step)
	p := fetchPlan{trusted: trusted, headTo: from, headKeep: max(from, old.from)}
	if to > trusted {
		p.tailFrom = max(from, old.from, trusted-verify)
	} else {
		// An older window, all settled: its end is still fetched to be
		// compared, or a restart would go unnoticed.
		p.tailFrom = max(from, old.from, to-verify)
	}
	return p
}

// head plans the head part once the tail has told where the server's
// retention edge is (edge: held points before it may be gone).
func (p *fetchPlan) head(old *held, from, edge int64) {
	keep := max(from, old.from, edge)
	if keep <= from {
		return
	}
	p.headKeep = min(keep, p.tailFrom)
	p.headTo = min(p.headKeep+int64(verifySteps)*stepMs(old.step), p.trusted, p.tailFrom)
}

// retentionEdge is the start of the first bucket the server surely still
// holds whole, from the newest point it just sent: its clock is at least
// one step past that point. Zero when the server states no retention.
func retentionEdge(old *held, tail *parse.History, step int, retention time.Duration) int64 {
	if retention <= 0 {
		return 0
	}
	newest := old.newest
	for _, s := range tail.Series {
		if n := len(s.Times); n > 0 {
			newest = max(newest, s.Times[n-1].UnixMilli())
		}
	}
	if newest < 0 {
		return 0
	}
	return newest + 2*stepMs(step) - retention.Milliseconds()
}

// agrees reports whether a fetched part (nil: none) has exactly the held
// settled points of [a, b): the same series, times and values.
func agrees(old *held, part *parse.History, a, b, trusted int64) bool {
	if part == nil {
		return true
	}
	a, b = max(a, old.from), min(b, trusted)
	if a >= b {
		return true
	}
	fresh := map[string]*parse.Series{}
	for i := range part.Series {
		fresh[seriesID(part.Series[i].Name, part.Series[i].Labels)] = &part.Series[i]
	}
	seen := 0
	for i := range old.series {
		s := &old.series[i]
		ts, vs := s.window(a, b)
		f, ok := fresh[s.id]
		if !ok {
			if len(ts) > 0 {
				return false
			}
			continue
		}
		seen++
		lo, hi := timeRange(f.Times, a, b)
		if hi-lo != len(ts) {
			return false
		}
		for k := range ts {
			if f.Times[lo+k].UnixMilli() != ts[k] || !sameValue(f.Values[lo+k], vs[k]) {
				return false
			}
		}
	}
	if seen < len(fresh) {
		// A series the held set lacks must have nothing in the region.
		for id, f := range fresh {
			if old.find(id) < 0 {
				if lo, hi := timeRange(f.Times, a, b); hi > lo {
					return false
				}
			}
		}
	}
	return true
}

func sameValue(p *float64, v float64) bool {
	if p == nil {
		return math.IsNaN(v)
	}
	return !math.IsNaN(v) && *p == v
}

// window is the series' points in [a, b).
func (s *heldSeries) window(a, b int64) ([]int64, []float64) {
	lo := sort.Search(len(s.t), func(i int) bool { return s.t[i] >= a })
	hi := sort.Search(len(s.t), func(i int) bool { return s.t[i] >= b })
	return s.t[lo:hi], s.v[lo:hi]
}

// timeRange is the index range of times in [a, b) (ascending times).
func timeRange(ts []time.Time, a, b int64) (int, int) {
	lo := sort.Search(len(ts), func(i int) bool { return ts[i].UnixMilli() >= a })
	hi := sort.Search(len(ts), func(i int) bool { return ts[i].UnixMilli() >= b })
	return lo, hi
}

func (h *held) find(id string) int {
	for i := range h.series {
		if h.series[i].id == id {
			return i
		}
	}
	return -1
}

// seriesID identifies a series by its name and labels.
func seriesID(name string, labels map[string]string) string {
	if len(labels) == 0 {
		return name
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(name)
	for _, k := range keys {
		b.WriteString("\x00" + k + "\x01" + labels[k])
	}
	return b.String()
}

// fromHistory holds a fetched window.
func fromHistory(h parse.History, fromT, toT time.Time) *held {
	from, to := fromT.UnixMilli(), toT.UnixMilli()
	out := &held{from: from, to: to, step: h.Step}
	for i := range h.Series {
		s := &h.Series[i]
		hs := heldSeries{id: seriesID(s.Name, s.Labels), name: s.Name, unit: s.Unit, category: s.Category, labels: s.Labels}
		hs.appendPart(s, from, to)
		out.series = append(out.series, hs)
	}
	out.finish()
	return out
}

// appendPart appends the points of s in [a, b).
func (hs *heldSeries) appendPart(s *parse.Series, a, b int64) {
	lo, hi := timeRange(s.Times, a, b)
	for k := lo; k < hi; k++ {
		hs.t = append(hs.t, s.Times[k].UnixMilli())
		if p := s.Values[k]; p != nil {
			hs.v = append(hs.v, *p)
		} else {
			hs.v = append(hs.v, nullValue)
		}
	}
}

// merge builds the next held history of [from, to): the head part
// before headKeep, the held points, then the tail part. Series come in the order
// the server listed them last.
func merge(old *held, head, tail *parse.History, fromT, toT time.Time, p fetchPlan) *held {
	from, to := fromT.UnixMilli(), toT.UnixMilli()
	out := &held{from: from, to: to, step: old.step}
	heldEnd := p.tailFrom
	type meta struct {
		name, unit, category string
		labels               map[string]string
	}
	var order []string
	metas := map[string]meta{}
	note := func(name, unit, category string, labels map[string]string) {
		id := seriesID(name, labels)
		if _, ok := metas[id]; !ok {
			order = append(order, id)
			metas[id] = meta{name, unit, category, labels}
		}
	}
	for _, part := range []*parse.History{tail, head} {
		if part != nil {
			for _, s := range part.Series {
				note(s.Name, s.Unit, s.Category, s.Labels)
			}
		}
	}
	for _, s := range old.series {
		note(s.name, s.unit, s.category, s.labels)
	}
	lookup := func(part *parse.History, id string) *parse.Series {
		if part == nil {
			return nil
		}
		for i := range part.Series {
			if seriesID(part.Series[i].Name, part.Series[i].Labels) == id {
				return &part.Series[i]
			}
		}
		return nil
	}
	for _, id := range order {
		m := metas[id]
		hs := heldSeries{id: id, name: m.name, unit: m.unit, category: m.category, labels: m.labels}
		if s := lookup(head, id); s != nil {
			hs.appendPart(s, from, p.headKeep)
		}
		if i := old.find(id); i >= 0 {
			ts, vs := old.series[i].window(p.headKeep, heldEnd)
			hs.t = append(hs.t, ts...)
			hs.v = append(hs.v, vs...)
		}
		if s := lookup(tail, id); s != nil {
			hs.appendPart(s, p.tailFrom, to)
		}
		out.series = append(out.series, hs)
	}
	out.finish()
	return out
}

// finish computes the newest point and the size the budget counts.
func (h *held) finish() {
	h.newest, h.size = -1, 256
	for i := range h.series {
		s := &h.series[i]
		if n := len(s.t); n > 0 && s.t[n-1] > h.newest {
			h.newest = s.t[n-1]
		}
		h.size += int64(cap(s.t))*8 + int64(cap(s.v))*8 + int64(len(s.id)+len(s.unit)+len(s.category)) + 160
		for k, v := range s.labels {
			h.size += int64(len(k)+len(v)) + 32
		}
	}
}

// history is the held points in [from, to), as the server would answer
// that window. Times and values are the caller's; labels are shared and
// read-only.
func (h *held) history(fromT, toT time.Time) parse.History {
	from, to := fromT.UnixMilli(), toT.UnixMilli()
	out := parse.History{From: fromT, To: toT, Step: h.step, Series: make([]parse.Series, 0, len(h.series))}
	for i := range h.series {
		s := &h.series[i]
		ts, vs := s.window(from, to)
		ps := parse.Series{Name: s.name, Unit: s.unit, Category: s.category, Labels: s.labels,
			Times: make([]time.Time, len(ts)), Values: make([]*float64, len(ts))}
		vals := make([]float64, len(vs))
		for k := range ts {
			ps.Times[k] = time.UnixMilli(ts[k]).UTC()
			if !math.IsNaN(vs[k]) {
				vals[k] = vs[k]
				ps.Values[k] = &vals[k]
			}
		}
		out.Series = append(out.Series, ps)
	}
	return out
}
