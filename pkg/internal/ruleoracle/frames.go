package ruleoracle

import (
	"sort"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Item is one member of an expression's input or output: a time series
// (Values) or a number (Value), identified by its labels. A nil value is a
// null.
type Item struct {
	Labels data.Labels
	Series bool
	Values []*float64
	Value  *float64
}

// Key identifies an alert instance: its labels in a fixed order.
func (it Item) Key() string { return labelsKey(it.Labels) }

func labelsKey(l data.Labels) string {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + l[k] + ",")
	}
	return b.String()
}

// ItemsFromFrames reads a data source answer the way the expression engine
// does: a frame with a time field gives one series per number field; a
// frame without one (numeric-long, a table) one number per row and number
// field, its string columns becoming labels. Frames without rows give
// nothing: a query with no item is "no data".
func ItemsFromFrames(frames data.Frames) []Item {
	var out []Item
	for _, f := range frames {
		if f == nil || f.Rows() == 0 {
			continue
		}
		hasTime := false
		for _, fld := range f.Fields {
			if fld.Type().Time() {
				hasTime = true
			}
		}
		for _, fld := range f.Fields {
			if !fld.Type().Numeric() {
				continue
			}
			if hasTime {
				it := Item{Labels: copyLabels(fld.Labels), Series: true}
				for i := 0; i < fld.Len(); i++ {
					v, err := fld.NullableFloatAt(i)
					if err != nil {
						v = nil
					}
					it.Values = append(it.Values, v)
				}
				out = append(out, it)
				continue
			}
			for row := 0; row < fld.Len(); row++ {
				labels := copyLabels(fld.Labels)
				for _, s := range f.Fields {
					if s.Type() == data.FieldTypeString || s.Type() == data.FieldTypeNullableString {
						if str, ok := s.ConcreteAt(row); ok {
							labels[s.Name] = str.(string)
						}
					}
				}
				v, err := fld.NullableFloatAt(row)
				if err != nil {
					v = nil
				}
				out = append(out, Item{Labels: labels, Value: v})
			}
		}
	}
	return out
}

func copyLabels(l data.Labels) data.Labels {
	out := data.Labels{}
	for k, v := range l {
		out[k] = v
	}
	return out
}
