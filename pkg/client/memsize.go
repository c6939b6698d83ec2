package client

import (
	"reflect"
	"sync"
	"time"
	"unsafe"
)

// sizeOf estimates the heap a parsed document keeps alive: backing arrays
// of slices, strings, maps (with their buckets' overhead) and what
// pointers and interfaces lead to, each counted once. The estimate errs
// high rather than low: the cache bound must hold in the process's heap,
// not only in its own arithmetic.
func sizeOf(v any) int64 {
	if v == nil {
		return 0
	}
	w := sizeWalker{seen: map[uintptr]bool{}}
	rv := reflect.ValueOf(v)
	// The boxed value itself.
	return int64(rv.Type().Size()) + w.inner(rv, 0)
}

type sizeWalker struct {
	seen map[uintptr]bool
}

// mapBytes follows Go's map layout: groups of 8 slots (a control byte
// each), a power-of-two slot count at most 7/8 full, and a header.
func mapBytes(n int, slot int64) int64 {
	slots := int64(8)
	for slots*7/8 < int64(n) {
		slots *= 2
	}
	return 48 + roundAlloc(slots*(slot+1))
}

const maxSizeDepth = 64

// inner is what v refers to beyond its own inline size.
func (w *sizeWalker) inner(v reflect.Value, depth int) int64 {
	if depth > maxSizeDepth {
		return 0
	}
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		elem := v.Type().Elem()
		if !hasPointers(elem) {
			// Leaf pointers (*float64, *bool …) are allocated one by one
			// by the decoder and never shared: no need to remember them.
			return roundAlloc(int64(elem.Size()))
		}
		p := v.Pointer()
		if w.seen[p] {
			return 0
		}
		w.seen[p] = true
		return roundAlloc(int64(elem.Size())) + w.inner(v.Elem(), depth+1)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		n := w.inner(e, depth+1)
		if e.Kind() != reflect.Pointer && e.Type().Size() > unsafe.Sizeof(uintptr(0)) {
			n += roundAlloc(int64(e.Type().Size())) // boxed
		}
		return n
	case reflect.Slice:
		if v.IsNil() {
			return 0
		}
		elem := v.Type().Elem()
		n := int64(v.Cap()) * int64(elem.Size())
		if hasPointers(elem) {
			for i := 0; i < v.Len(); i++ {
				n += w.inner(v.Index(i), depth+1)
			}
		}
		return n
	case reflect.Array:
		var n int64
		if hasPointers(v.Type().Elem()) {
			for i := 0; i < v.Len(); i++ {
				n += w.inner(v.Index(i), depth+1)
			}
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return 0
		}
		t := v.Type()
		n := mapBytes(v.Len(), int64(t.Key().Size()+t.Elem().Size()))
		if m, ok := asLabels(v); ok { // labels: no reflection
			for k, e := range m {
				n += int64(len(k) + len(e))
			}
			return n
		}
		if hasPointers(t.Key()) || hasPointers(t.Elem()) {
			// One key and one value reused for every entry (Key and
			// Value would allocate a copy of each).
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			it := v.MapRange()
			for it.Next() {
				k.SetIterKey(it)
				e.SetIterValue(it)
				n += w.inner(k, depth+1) + w.inner(e, depth+1)
			}
		}
		return n
	case reflect.Struct:
		if v.Type() == timeType {
			return 0 // its location is shared
		}
		var n int64
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); hasPointers(f.Type()) {
				n += w.inner(f, depth+1)
			}
		}
		return n
	}
	return 0
}

var timeType = reflect.TypeFor[time.Time]()

// roundAlloc rounds to the allocator's smallest size classes.
func roundAlloc(n int64) int64 {
	if n <= 8 {
		return 8
	}
	return (n + 15) &^ 15
}

var pointerTypes sync.Map // reflect.Type -> bool

func hasPointers(t reflect.Type) bool {
	if v, ok := pointerTypes.Load(t); ok {
		return v.(bool)
	}
	b := typeHasPointers(t)
	pointerTypes.Store(t, b)
	return b
}

func typeHasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		if t == timeType {
			return false
		}
		for i := 0; i < t.NumField(); i++ {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// asLabels is v as a map[string]string, when it is one and readable.
func asLabels(v reflect.Value) (map[string]string, bool) {
	if !v.CanInterface() {
		return nil, false
	}
	m, ok := v.Interface().(map[string]string)
	return m, ok
}
