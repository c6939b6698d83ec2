package oncall

import (
	"slices"
	"sort"
	"time"
)

// MaxShifts bounds one timeline so a one-hour rotation over a long range
// cannot exhaust memory; ranges asked for by queries stay far below it.
const MaxShifts = 20000

// Timeline returns the shifts of a layer that overlap [from, to), in time
// order. Regular shifts are cut where overrides apply; an override is one
// shift even when it straddles a handoff, and the regular shifts on each
// side end or start at its edges. Shifts are not clipped to the range.
func (s *Schedule) Timeline(layer *Layer, from, to time.Time) []Shift {
	if !to.After(from) {
		return nil
	}
	lo, hi := s.extent(layer, from, to)
	regs := layer.regularShifts(lo, hi)
	var ovs []int // indexes of the layer's overrides that overlap [lo, hi)
	for i, o := range s.Overrides {
		if o.Layer == layer.Name && o.End.After(lo) && o.Start.Before(hi) {
			ovs = append(ovs, i)
		}
	}
	var out []Shift
	for _, sh := range s.sweep(layer, regs, ovs) {
		if sh.End.After(from) && sh.Start.Before(to) {
			out = append(out, sh)
		}
	}
	return out
}

// sweep cuts time at every handoff and override edge and gives each piece
// its owner: the override listed last among those covering it, else the
// regular shift. Adjacent pieces with the same owner are joined. Cutting
// once (n log n) instead of painting override by override (quadratic)
// matters at hundreds of overrides.
func (s *Schedule) sweep(layer *Layer, regs []Shift, ovs []int) []Shift {
	cuts := make([]time.Time, 0, 2*len(regs)+2*len(ovs))
	for _, r := range regs {
		cuts = append(cuts, r.Start, r.End)
	}
	for _, i := range ovs {
		cuts = append(cuts, s.Overrides[i].Start, s.Overrides[i].End)
	}
	sort.Slice(cuts, func(a, b int) bool { return cuts[a].Before(cuts[b]) })
	byStart := append([]int(nil), ovs...)
	sort.SliceStable(byStart, func(a, b int) bool { return s.Overrides[byStart[a]].Start.Before(s.Overrides[byStart[b]].Start) })

	var out []Shift
	var active []int
	lastOwner := noOwner
	next, ri := 0, 0
	for c := 0; c+1 < len(cuts); c++ {
		a, b := cuts[c], cuts[c+1]
		if !b.After(a) {
			continue
		}
		for next < len(byStart) && !s.Overrides[byStart[next]].Start.After(a) {
			active = append(active, byStart[next])
			next++
		}
		active = slices.DeleteFunc(active, func(i int) bool { return !s.Overrides[i].End.After(a) })
		for ri < len(regs) && !regs[ri].End.After(a) {
			ri++
		}
		owner, piece := noOwner, Shift{}
		switch {
		case len(active) > 0:
			j := slices.Max(active)
			owner = j
			piece = Shift{Layer: layer.Name, Member: s.Overrides[j].Member, Override: true}
		case ri < len(regs) && !regs[ri].Start.After(a):
			owner = -2 - ri
			piece = regs[ri]
		default:
			lastOwner = noOwner // nobody on call: a gap
			continue
		}
		if owner == lastOwner && len(out) > 0 && out[len(out)-1].End.Equal(a) {
			out[len(out)-1].End = b
			continue
		}
		piece.Start, piece.End = a, b
		out = append(out, piece)
		lastOwner = owner
	}
	return out
}

// noOwner marks "nobody" in sweep; overrides own with their index (>= 0),
// regular shift k with -2-k.
const noOwner = -1

// extent returns the span whose regular shifts and overrides decide the
// shifts overlapping [from, to): the whole regular shifts at both ends and
// the overrides touching the range. Every override that can cut one of
// those overlaps the span, so painting the overrides that overlap it gives
// exact edges; what lies further out cannot change a shift inside.
func (s *Schedule) extent(layer *Layer, from, to time.Time) (lo, hi time.Time) {
	lo, hi = from, to
	if start, _, ok := layer.shiftAround(from); ok && start.Before(lo) {
		lo = start
	}
	if _, end, ok := layer.shiftAround(to.Add(-time.Nanosecond)); ok && end.After(hi) {
		hi = end
	}
	for _, o := range s.Overrides {
		if o.Layer != layer.Name || !o.End.After(from) || !o.Start.Before(to) {
			continue
		}
		if o.Start.Before(lo) {
			lo = o.Start
		}
		if o.End.After(hi) {
			hi = o.End
		}
	}
	return lo, hi
}

// shiftAround returns the regular shift containing t, if any.
func (l *Layer) shiftAround(t time.Time) (start, end time.Time, ok bool) {
	k := l.shiftIndex(t)
	if len(l.Members) == 0 || k < 0 {
		return time.Time{}, time.Time{}, false
	}
	return l.handoff(k), l.handoff(k + 1), true
}

// regularShifts lists the rotation's shifts overlapping [from, to); none
// for a layer without members or before its first handoff. Shifts that a
// DST jump makes empty (possible with hourly rotations) are skipped.
func (l *Layer) regularShifts(from, to time.Time) []Shift {
	if len(l.Members) == 0 || !to.After(l.Anchor) {
		return nil
	}
	k := max(l.shiftIndex(from), 0)
	var out []Shift
	start := l.handoff(k)
	for len(out) < MaxShifts && start.Before(to) {
		end := l.handoff(k + 1)
		if end.After(start) && end.After(from) {
			out = append(out, Shift{Layer: l.Name, Member: l.member(k), Start: start, End: end})
		}
		k++
		start = end
	}
	return out
}

// At returns the shift of the layer that contains t.
func (s *Schedule) At(layer *Layer, t time.Time) (Shift, bool) {
	for _, sh := range s.Timeline(layer, t, t.Add(time.Nanosecond)) {
		if sh.Contains(t) {
			return sh, true
		}
	}
	return Shift{}, false
}

// maxLookahead bounds the search for upcoming shifts (a layer made only of
// overrides may have none for a long time).
const maxLookahead = 2 * 366 * 24 * time.Hour

// Next returns up to n shifts of the layer that have not ended at t: the
// current one (if any) first, then the following ones.
func (s *Schedule) Next(layer *Layer, t time.Time, n int) []Shift {
	if n <= 0 {
		return nil
	}
	span := time.Duration(n+1) * max(layer.nominal(), time.Hour)
	for {
		shifts := s.Timeline(layer, t, t.Add(span))
		if len(shifts) >= n || span >= maxLookahead {
			if len(shifts) > n {
				shifts = shifts[:n]
			}
			return shifts
		}
		span = min(span*2, maxLookahead)
	}
}
