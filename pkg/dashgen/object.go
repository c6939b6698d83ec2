package dashgen

import (
	"bytes"
	"encoding/json"
)

// object is one JSON object of a dashboard. The generator edits dashboards
// as plain JSON so that every key of the definition it does not know
// about is carried over unchanged.
type object = map[string]any

// str reads a string key ("" when absent or not a string).
func str(o object, key string) string {
	s, _ := o[key].(string)
	return s
}

// child reads an object key, creating it when absent.
func child(o object, key string) object {
	c, ok := o[key].(object)
	if !ok {
		c = object{}
		o[key] = c
	}
	return c
}

// objects reads an array of objects (nil when absent).
func objects(o object, key string) []object {
	list, _ := o[key].([]any)
	out := make([]object, 0, len(list))
	for _, it := range list {
		if obj, ok := it.(object); ok {
			out = append(out, obj)
		}
	}
	return out
}

// setObjects writes an array of objects.
func setObjects(o object, key string, list []object) {
	out := make([]any, len(list))
	for i, it := range list {
		out[i] = it
	}
	o[key] = out
}

// number reads a numeric key (0 when absent).
func number(o object, key string) float64 {
	switch n := o[key].(type) {
	case json.Number:
		f, _ := n.Float64()
		return f
	case float64:
		return n
	case int:
		return float64(n)
	}
	return 0
}

// panels lists every panel of a dashboard, rows included, with the panels
// of collapsed rows after their row.
func panels(dashboard object) []object {
	var out []object
	for _, p := range objects(dashboard, "panels") {
		out = append(out, p)
		out = append(out, objects(p, "panels")...)
	}
	return out
}

// decode reads JSON keeping numbers exactly as written.
func decode(raw []byte) (object, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var o object
	if err := dec.Decode(&o); err != nil {
		return nil, err
	}
	return o, nil
}

// clone deep-copies an object so that a variant never edits its definition.
func clone(o object) object {
	raw, err := json.Marshal(o)
	if err != nil {
		panic(err) // decoded JSON always encodes
	}
	c, err := decode(raw)
	if err != nil {
		panic(err)
	}
	return c
}
