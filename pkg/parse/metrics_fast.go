package parse

import (
	"bytes"
	"encoding/binary"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// fastMetricsDoc decodes a metrics body in the contract's exact shape
// without reflection: what json.Unmarshal into metricsAnyDoc would give,
// in one pass. It runs on every uncached query. Anything outside the
// plain shape (another key, a repeated key, an escape in a string, a
// value of another type, a syntax error) returns false, and the tolerant
// reader takes the body as before.
//
// Strings are not copied: they share the body's memory (a string without
// escapes is its bytes), which the body must therefore keep; label maps
// are the exception (see labels_intern.go). The list and the values are
// sized by counting opening braces.
func fastMetricsDoc(b []byte) (metricsAnyDoc, bool) {
	d, _, ok := fastMetricsDocTally(b)
	return d, ok
}

// fastMetricsDocTally also returns what tallyKeys(b) would, counted on
// the way rather than in a third pass over the body.
func fastMetricsDocTally(b []byte) (metricsAnyDoc, keyTally, bool) {
	// Every metric is an object, so this is room enough (counting one
	// byte is a vector instruction; counting a word is not).
	n := bytes.Count(b, openBrace)
	list := metricLists.Get().(*[]metricJSON)
	if cap(*list) < n {
		*list = make([]metricJSON, 0, n)
	}
	f := fastMetrics{b: b, metrics: (*list)[:0], values: make([]float64, 0, n)}
	ok := f.doc()
	*list = f.metrics
	if !ok {
		releaseMetricList(list)
		return metricsAnyDoc{}, keyTally{}, false
	}
	f.d.Metrics = list
	return f.d, f.tally, true
}

// The decoded list is only a step: exactMetrics copies out what it keeps
// (the strings share the body, the values their own slab), so the list
// goes back to a pool for the next body rather than to the collector.
var metricLists = sync.Pool{New: func() any { return new([]metricJSON) }}

// maxPooledMetrics keeps an unusually large list from being held.
const maxPooledMetrics = 4096

// releaseMetricList returns a list from fastMetricsDocTally; nothing may
// use it afterwards.
func releaseMetricList(list *[]metricJSON) {
	if list == nil || cap(*list) > maxPooledMetrics {
		return
	}
	clear(*list) // no body, map or value kept alive by the pool
	*list = (*list)[:0]
	metricLists.Put(list)
}

var openBrace = []byte{'{'}

type fastMetrics struct {
	b []byte
	i int

	// tally counts as tallyKeys does: a quote right before a colon is a
	// key, null when the value after it starts with n. In a body this
	// decoder takes, quotes only delimit strings, so that is a key's
	// closing quote or an opening quote before a colon in the text.
	tally keyTally

	metrics []metricJSON
	// values holds every value; should it grow, the pointers already
	// handed out keep the old array, which nothing writes any more.
	values []float64
	d      metricsAnyDoc
}

const (
	keyTimestamp = 1 << iota
	keyCategory
	keyMetrics
	keyName
	keyValue
	keyUnit
	keyDescription
	keyLabels
)

func (f *fastMetrics) doc() bool {
	seen := 0
	ok := f.object(func(key []byte) bool {
		switch string(key) {
		case "timestamp":
			return once(&seen, keyTimestamp) && f.time(&f.d.Timestamp)
		case "category":
			return once(&seen, keyCategory) && f.str(&f.d.Category)
		case "metrics":
			return once(&seen, keyMetrics) && f.metricList()
		}
		return false
	})
	f.ws()
	return ok && seen&keyMetrics != 0 && f.i == len(f.b)
}

func (f *fastMetrics) metricList() bool {
	f.ws()
	if !f.byte('[') {
		return false
	}
	f.ws()
	if f.peek() == ']' {
		f.i++
		return true
	}
	for {
		var m metricJSON
		if !f.metric(&m) {
			return false
		}
		f.metrics = append(f.metrics, m)
		f.ws()
		switch {
		case f.byte(','):
		case f.byte(']'):
			return true
		default:
			return false
		}
	}
}

func (f *fastMetrics) metric(m *metricJSON) bool {
	seen := 0
	return f.object(func(key []byte) bool {
		switch string(key) {
		case "name":
			return once(&seen, keyName) && f.str(&m.Name)
		case "value":
			return once(&seen, keyValue) && f.number(&m.Value)
		case "unit":
			return once(&seen, keyUnit) && f.str(&m.Unit)
		case "category":
			return once(&seen, keyCategory) && f.str(&m.Category)
		case "description":
			return once(&seen, keyDescription) && f.str(&m.Description)
		case "timestamp":
			return once(&seen, keyTimestamp) && f.time(&m.Timestamp)
		case "labels":
			return once(&seen, keyLabels) && f.labels(&m.Labels)
		}
		return false
	})
}

// labels reads a label object of strings and takes the shared map of an
// identical object seen before (labels_intern.go), or makes one. Label
// strings live in that map, not in the document's arena.
func (f *fastMetrics) labels(out *map[string]string) bool {
	f.ws()
	start := f.i
	var buf [16]labelSpan
	spans := buf[:0]
	ok := f.object(func(key []byte) bool {
		v, ok := f.rawString()
		if ok {
			k0, v0 := f.offset(key)-start, f.offset(v)-start
			spans = append(spans, labelSpan{k0, k0 + len(key), v0, v0 + len(v)})
		}
		return ok
	})
	if !ok {
		return false
	}
	raw := f.b[start:f.i]
	if l, known := labelSets.lookup(raw); known {
		*out = l
		return true
	}
	*out, ok = labelSets.share(raw, spans)
	return ok
}

// offset is where s, a part of the body, starts in it.
func (f *fastMetrics) offset(s []byte) int {
	return int(uintptr(unsafe.Pointer(unsafe.SliceData(s))) - uintptr(unsafe.Pointer(unsafe.SliceData(f.b))))
}

// object reads {"key": value, ...}, handing each key (raw bytes, no
// escapes) to value, which reads the value after the colon.
func (f *fastMetrics) object(value func(key []byte) bool) bool {
	f.ws()
	if !f.byte('{') {
		return false
	}
	f.ws()
	if f.peek() == '}' {
		f.i++
		return true
	}
	for {
		f.ws()
		key, ok := f.rawString()
		if !ok {
			return false
		}
		tallied := f.peek() == ':'
		f.ws()
		if !f.byte(':') {
			return false
		}
		f.ws()
		if tallied {
			f.tally.keys++
			f.tally.nulls += count1(f.peek() == 'n')
		}
		if !value(key) {
			return false
		}
		f.ws()
		switch {
		case f.byte(','):
		case f.byte('}'):
			return true
		default:
			return false
		}
	}
}

// str reads a string value; null and escapes decline.
func (f *fastMetrics) str(out *string) bool {
	s, ok := f.rawString()
	if !ok {
		return false
	}
	*out = f.keep(s)
	return true
}

// keep is s as a string sharing the body's memory.
func (f *fastMetrics) keep(s []byte) string {
	if len(s) == 0 {
		return ""
	}
	return unsafe.String(&s[0], len(s))
}

// rawString reads a string without escapes or control characters, in
// valid UTF-8 (json.Unmarshal would rewrite anything else).
func (f *fastMetrics) rawString() ([]byte, bool) {
	if !f.byte('"') {
		return nil, false
	}
	end := bytes.IndexByte(f.b[f.i:], '"')
	if end < 0 {
		return nil, false
	}
	s := f.b[f.i : f.i+end]
	if !plainASCII(s) {
		// The slow look only for text that needs it.
		for _, c := range s {
			if c == '\\' || c < 0x20 {
				return nil, false
			}
		}
		if !utf8.Valid(s) {
			return nil, false
		}
	}
	f.i += end + 1
	if len(s) > 0 && s[0] == ':' {
		// "text starting with a colon" looks like a key to tallyKeys.
		j := 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		f.tally.keys++
		f.tally.nulls += count1(j < len(s) && s[j] == 'n')
	}
	return s, true
}

// plainASCII reports whether s holds only printable ASCII without a
// backslash, eight bytes at a time: bodies are mostly such text.
func plainASCII(s []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(s) >= 8 {
		x := binary.LittleEndian.Uint64(s)
		bs := x ^ ('\\' * ones)
		// A high bit set, a byte below 0x20, a byte equal to '\\'.
		if (x|(x-0x20*ones)&^x|(bs-ones)&^bs)&highs != 0 {
			return false
		}
		s = s[8:]
	}
	for _, c := range s {
		if c < 0x20 || c >= utf8.RuneSelf || c == '\\' {
			return false
		}
	}
	return true
}

// number reads a JSON number or null into n as json.Unmarshal would.
func (f *fastMetrics) number(n *Number) bool {
	raw, ok := f.scalar()
	if !ok || raw[0] == '"' {
		return false
	}
	if raw[0] == 'n' {
		n.V = nil
		return true
	}
	// As Number.UnmarshalJSON, but the value lives in the shared slab.
	v, short := shortDecimal(raw)
	if !short {
		var err error
		if v, err = jsonNumber(raw); err != nil {
			return false
		}
	}
	f.values = append(f.values, v)
	n.V = &f.values[len(f.values)-1]
	return true
}

// time reads a timestamp (text, number or null) as json.Unmarshal would.
func (f *fastMetrics) time(t *Time) bool {
	raw, ok := f.scalar()
	if !ok {
		return false
	}
	return t.UnmarshalJSON(raw) == nil
}

// scalar reads a string, a number or null and returns its raw bytes.
func (f *fastMetrics) scalar() ([]byte, bool) {
	start := f.i
	switch c := f.peek(); {
	case c == '"':
		_, ok := f.rawString()
		return f.b[start:f.i], ok
	case c == 'n':
		if len(f.b)-f.i >= 4 && string(f.b[f.i:f.i+4]) == "null" {
			f.i += 4
			return f.b[start:f.i], true
		}
		return nil, false
	case c == '-' || (c >= '0' && c <= '9'):
		ok := f.jsonNumber()
		return f.b[start:f.i], ok
	}
	return nil, false
}

// jsonNumber consumes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (f *fastMetrics) jsonNumber() bool {
	f.byte('-')
	switch c := f.peek(); {
	case c == '0':
		f.i++
	case c >= '1' && c <= '9':
		f.digits()
	default:
		return false
	}
	if f.byte('.') && !f.digits() {
		return false
	}
	if c := f.peek(); c == 'e' || c == 'E' {
		f.i++
		if c := f.peek(); c == '+' || c == '-' {
			f.i++
		}
		if !f.digits() {
			return false
		}
	}
	return true
}

func (f *fastMetrics) digits() bool {
	start := f.i
	for f.i < len(f.b) && f.b[f.i] >= '0' && f.b[f.i] <= '9' {
		f.i++
	}
	return f.i > start
}

func (f *fastMetrics) ws() {
	for f.i < len(f.b) {
		switch f.b[f.i] {
		case ' ', '\t', '\n', '\r':
			f.i++
		default:
			return
		}
	}
}

func (f *fastMetrics) peek() byte {
	if f.i < len(f.b) {
		return f.b[f.i]
	}
	return 0
}

func (f *fastMetrics) byte(c byte) bool {
	if f.peek() == c && f.i < len(f.b) {
		f.i++
		return true
	}
	return false
}

// once marks key as seen and reports whether it was new (json.Unmarshal
// keeps the last of repeated keys; the tolerant reader decides those).
func once(seen *int, key int) bool {
	if *seen&key != 0 {
		return false
	}
	*seen |= key
	return true
}

// shortDecimal reads a JSON number of at most 15 digits without an
// exponent, the usual metric value, without strconv: the digits and the
// power of ten are then both exact doubles, so one correctly rounded
// division gives exactly what strconv.ParseFloat gives (Clinger's fast
// path). ok is false for anything else; raw is valid JSON number syntax.
func shortDecimal(raw []byte) (v float64, ok bool) {
	i, neg := 0, raw[0] == '-'
	if neg {
		i = 1
	}
	var mant uint64
	digits, frac := 0, -1
	for ; i < len(raw); i++ {
		switch c := raw[i]; {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
		case c == '.' && frac < 0:
			frac = 0
		default:
			return 0, false // an exponent
		}
	}
	if digits > 15 {
		return 0, false
	}
	v = float64(mant)
	if frac > 0 {
		v /= exactPow10[frac]
	}
	if neg {
		v = -v
	}
	return v, true
}

var exactPow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}
