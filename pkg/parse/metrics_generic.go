package parse

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Spellings of the parts of a metric sample.
var (
	sampleNameKeys  = []string{"name", "metric", "metricname", "key", "__name__"}
	sampleValueKeys = []string{"value", "val", "current"}
	sampleLabelKeys = []string{"labels", "tags", "dimensions", "attributes"}
	unitKeys        = []string{"unit", "units", "uom"}
	descKeys        = []string{"description", "help", "desc"}
)

const metricsExpected = `; expected a list of samples ({"name", "value"}) or an object of numbers, under metrics or data or as the whole response`

// maxWalkDepth bounds the nesting the generic readers follow.
const maxWalkDepth = 32

// metricsWalker flattens any JSON metrics document into samples.
type metricsWalker struct {
	root  string // where the list is, for notes about unnamed entries
	out   []Metric
	seen  map[string]bool
	notes notes
}

// walkCtx is what an object passes down to its children.
type walkCtx struct {
	prefix   string
	labels   map[string]string
	category string
	unit     string // a sibling "unit" field applies to the numbers beside it
}

func (c walkCtx) child(key string) walkCtx {
	n := c
	n.unit = ""
	n.prefix = joinName(c.prefix, key)
	return n
}

func joinName(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// genericMetrics reads metrics in any of the shapes applications use: a
// list of samples ({name|metric, value, unit, labels|tags}), nested objects
// flattened to dotted names, maps of name to number, under metrics, data,
// results or items, or the bare document.
func genericMetrics(b []byte) (Metrics, error) {
	const doc = "metrics"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return Metrics{}, err
	}
	if o, ok := v.(map[string]any); ok {
		obj := jsonObject(o)
		if obj.has("series") && !obj.has("metrics") {
			return ParseDatadog(b)
		}
	}
	data, path, levels := container(v, "metrics", "data", "results", "result", "items")
	out := Metrics{Format: FormatJSON}
	ts, err := levelsTime(levels)
	if err != nil {
		return Metrics{}, shapef(doc, "%v", err)
	}
	out.Timestamp = ts
	ctx := walkCtx{}
	for _, l := range levels {
		if c := l.text("category"); c != "" {
			out.Category = c
		}
	}
	if out.Category != "" && !strings.EqualFold(out.Category, "all") {
		ctx.category = out.Category
	}
	w := &metricsWalker{seen: map[string]bool{}, root: path}
	switch t := data.(type) {
	case []any:
		w.list(t, ctx, 0)
	case map[string]any:
		w.object(t, ctx, 0, path == "")
	default:
		return Metrics{}, shapef(doc, "it has no list or object of metrics (%s)%s", describeTop(v), metricsExpected)
	}
	out.Metrics = w.out
	out.Skipped = w.notes.skipped()
	out.Notes = w.notes.list()
	if len(out.Metrics) == 0 {
		_, isObj := data.(map[string]any)
		switch {
		case path == "" && isObj && out.Skipped > 0:
			return Metrics{}, shapef(doc, "it has no list or object of metrics (%s): %s%s", describeTop(v), strings.Join(out.Notes, "; "), metricsExpected)
		case path == "" && isObj:
			return Metrics{}, shapef(doc, "it has no list or object of metrics (%s)%s", describeTop(v), metricsExpected)
		case out.Skipped > 0:
			return Metrics{}, shapef(doc, "none of its values is a metric: %s", strings.Join(out.Notes, "; "))
		}
	}
	return out, nil
}

// list reads a list: samples, named groups, or unnamed objects whose text
// fields are the labels of their numbers ([{"endpoint":"/a","p95":3}]).
func (w *metricsWalker) list(items []any, ctx walkCtx, depth int) {
	if depth > maxWalkDepth {
		w.notes.skip("value", "nested too deeply", ctx.prefix)
		return
	}
	for i, it := range items {
		o, ok := it.(map[string]any)
		if !ok {
			w.notes.skip("value", "a list entry without a metric name", ctx.prefix)
			continue
		}
		obj := jsonObject(o)
		if nv, nameKey, ok := obj.get(sampleNameKeys...); ok {
			name, _ := scalarText(nv)
			name = strings.TrimSpace(name)
			if name == "" {
				w.notes.skip("value", "a metric without a name", ctx.prefix)
				continue
			}
			w.sample(obj, nameKey, joinName(ctx.prefix, name), ctx, depth)
			continue
		}
		if obj.has(sampleValueKeys...) {
			w.notes.skip("value", "a metric without a name", fmt.Sprintf("%s[%d]", w.where(ctx.prefix), i))
			continue
		}
		// An unnamed entry: its text fields say which one it is.
		c := ctx
		own := entryLabels(obj)
		if len(own) == 0 {
			own = map[string]string{"index": strconv.Itoa(i)}
		}
		c.labels = withLabels(ctx.labels, own)
		rest := make(jsonObject, len(obj))
		for k, x := range obj {
			if _, isLabel := own[k]; !isLabel {
				rest[k] = x
			}
		}
		w.object(rest, c, depth+1, false)
	}
}

// sample reads one named sample object.
func (w *metricsWalker) sample(obj jsonObject, nameKey, name string, ctx walkCtx, depth int) {
	c := ctx
	c.prefix = name
	if cat := obj.text("category"); cat != "" {
		c.category = cat
	}
	if lv, _, ok := obj.get(sampleLabelKeys...); ok {
		c.labels = withLabels(ctx.labels, labelsOf(lv))
	}
	unit := obj.text(unitKeys...)
	desc := obj.text(descKeys...)
	vv, valueKey, hasValue := obj.get(sampleValueKeys...)
	if !hasValue {
		// {"name":"latency","p50":1,"p95":2}: the other fields are its figures.
		rest := jsonObject{}
		for k, x := range obj {
			if k == nameKey || isSampleMeta(k) {
				continue
			}
			if s, isText := x.(string); isText {
				c.labels = withLabels(c.labels, map[string]string{k: s})
				continue
			}
			rest[k] = x
		}
		if len(rest) == 0 {
			w.add(name, nil, c, unit, desc, obj, true) // named, no value: unknown
			return
		}
		c.unit = unit
		w.object(rest, c, depth+1, false)
		return
	}
	switch t := vv.(type) {
	case map[string]any:
		c.unit = unit
		before := len(w.out)
		w.object(t, c, depth+1, false)
		if len(w.out) == before && len(t) == 0 {
			w.notes.skip("value", "an empty object, not a number", name)
		}
		return
	case []any:
		w.notes.skip("value", "a list, not a number", name+"."+valueKey)
		return
	}
	n, ok := numberValue(vv)
	if !ok {
		w.notes.skip("value", "not a number", name)
		return
	}
	w.add(name, n, c, unit, desc, obj, true)
}

// isSampleMeta tells the fields of a sample that are not figures.
func isSampleMeta(k string) bool {
	nk := normKey(k)
	return nk == "category" || slices.Contains(unitKeys, nk) || slices.Contains(descKeys, nk) ||
		slices.Contains(sampleLabelKeys, nk) || isTimeKey(k) || nk == "type"
}

// object flattens an object: numbers are metrics named by their path.
// top is the bare document, where a few fields describe the document.
func (w *metricsWalker) object(o jsonObject, ctx walkCtx, depth int, top bool) {
	if depth > maxWalkDepth {
		w.notes.skip("value", "nested too deeply", ctx.prefix)
		return
	}
	c := ctx
	if cat, ok := o["category"].(string); ok && cat != "" && !strings.EqualFold(cat, "all") {
		c.category = cat
	}
	if u := o.text(unitKeys...); u != "" {
		c.unit = u
	}
	if lv, _, ok := o.get(sampleLabelKeys...); ok {
		if l := labelsOf(lv); len(l) > 0 {
			c.labels = withLabels(ctx.labels, l)
		}
	}
	for _, k := range o.sortedKeys() {
		x := o[k]
		nk := normKey(k)
		if strings.TrimSpace(k) == "" || isTimeKey(k) || nk == "category" || nk == "id" ||
			slices.Contains(unitKeys, nk) || slices.Contains(sampleLabelKeys, nk) {
			continue
		}
		if top && (nk == "meta" || nk == "links" || nk == "status" || nk == "version") {
			continue // envelope fields, not figures
		}
		name := joinName(ctx.prefix, k)
		switch t := x.(type) {
		case float64:
			w.add(name, finite(t), c, c.unit, "", nil, false)
		case map[string]any:
			inner := jsonObject(t)
			if v, _, ok := inner.get(sampleValueKeys...); ok && !inner.has(sampleNameKeys...) {
				if _, nested := v.(map[string]any); !nested {
					// {"p95": {"value": 412, "unit": "ms"}}
					w.sample(inner, "", name, c, depth)
					continue
				}
			}
			w.object(inner, c.child(k), depth+1, false)
		case []any:
			w.list(t, c.child(k), depth+1)
		case bool:
			w.notes.skip("value", "true/false, not a number", name)
		case nil:
			w.notes.skip("value", "null", name)
		default:
			w.notes.skip("value", "not a number", name)
		}
	}
}

// add appends one metric. explicit is true when the body named the metric
// in a name field: only then may the catalog give a contract name its unit.
func (w *metricsWalker) add(name string, v *float64, ctx walkCtx, unit, desc string, obj jsonObject, explicit bool) {
	labels := cleanLabels(maps.Clone(ctx.labels)) // ctx.labels is shared by the walk
	key := name + "\x00" + LabelsKey(labels)
	if w.seen[key] {
		w.notes.skip("value", "a second value for the same metric", name)
		return
	}
	w.seen[key] = true
	if unit == "" && explicit {
		if e, ok := catalogByName[name]; ok {
			unit = e.Unit
		}
	}
	if unit == "" {
		unit = unitFromName(name)
	}
	category := ctx.category
	if category == "" {
		category = GuessCategory(name)
	}
	m := Metric{Name: name, Category: category, Unit: unit, Description: desc, Labels: labels, Value: v}
	if obj != nil {
		if tv, _, ok := obj.get(timeKeys...); ok {
			if t, err := timeValue(tv); err == nil {
				m.Time = t
			} else {
				w.notes.skip("sample time", "not a time", name)
			}
		}
	}
	w.out = append(w.out, m)
}

// labelsOf reads labels as an object of scalars or a list of "key:value"
// (or "key=value") tags.
func labelsOf(v any) map[string]string {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]string, len(t))
		for k, x := range t {
			if s, ok := scalarText(x); ok {
				out[k] = s
			}
		}
		return out
	case []any:
		out := map[string]string{}
		for _, x := range t {
			s, ok := x.(string)
			if !ok {
				continue
			}
			k, val, ok := strings.Cut(s, ":")
			if !ok {
				k, val, ok = strings.Cut(s, "=")
			}
			if ok {
				out[strings.TrimSpace(k)] = strings.TrimSpace(val)
			}
		}
		return out
	}
	return nil
}

// entryLabels are the text fields of an unnamed list entry.
func entryLabels(o jsonObject) map[string]string {
	var out map[string]string
	for k, x := range o {
		s, ok := x.(string)
		if n, isNum := x.(float64); isNum && normKey(k) == "id" {
			s, ok = strconv.FormatFloat(n, 'f', -1, 64), true // a numeric id names the entry
		}
		if ok && !isTimeKey(k) && !isSampleMeta(k) {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = s
		}
	}
	return out
}

// withLabels returns base plus extra without changing base.
func withLabels(base, extra map[string]string) map[string]string {
	if len(extra) == 0 {
		return base
	}
	out := make(map[string]string, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		if strings.TrimSpace(k) != "" {
			out[k] = v
		}
	}
	return out
}

func (w *metricsWalker) where(prefix string) string {
	switch {
	case prefix != "":
		return prefix
	case w.root != "":
		return w.root
	}
	return "list"
}
