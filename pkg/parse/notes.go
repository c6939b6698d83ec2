package parse

import (
	"fmt"
	"sort"
	"strings"
)

// notes collects what a reader skipped, as short sentences for a panel
// notice: one sentence per reason with a count and a few examples.
type notes struct {
	order    []string
	count    map[string]int
	examples map[string][]string
	free     []string
}

// skip records one skipped thing (noun: "value", "alert") for a reason
// ("not a number") and where it was (a field path or a name).
func (n *notes) skip(noun, reason, where string) {
	reason = noun + "\x00" + reason
	if n.count == nil {
		n.count, n.examples = map[string]int{}, map[string][]string{}
	}
	if _, ok := n.count[reason]; !ok {
		n.order = append(n.order, reason)
	}
	n.count[reason]++
	if where != "" && len(n.examples[reason]) < 3 {
		n.examples[reason] = append(n.examples[reason], where)
	}
}

// add records a sentence as it is.
func (n *notes) add(format string, args ...any) {
	n.free = append(n.free, fmt.Sprintf(format, args...))
}

// skipped is how many values were skipped in all.
func (n *notes) skipped() int {
	total := 0
	for _, c := range n.count {
		total += c
	}
	return total
}

// list renders the notes; nil when there are none.
func (n *notes) list() []string {
	if len(n.order) == 0 && len(n.free) == 0 {
		return nil
	}
	out := make([]string, 0, len(n.order)+len(n.free))
	for _, reason := range n.order {
		c := n.count[reason]
		noun, why, _ := strings.Cut(reason, "\x00")
		if c != 1 {
			noun += "s"
		}
		s := fmt.Sprintf("%d %s skipped (%s)", c, noun, why)
		if ex := n.examples[reason]; len(ex) > 0 {
			sort.Strings(ex)
			more := ""
			if c > len(ex) {
				more = ", …"
			}
			s += ": " + strings.Join(ex, ", ") + more
		}
		out = append(out, s)
	}
	return append(out, n.free...)
}
