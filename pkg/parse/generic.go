package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The readers first decode the contract's exact shape with typed structs
// (fast, and the shape the reference server sends). Anything else falls
// back to a generic walk over the decoded JSON, where keys are matched
// whatever their spelling: started_at, startedAt and StartedAt are one key.

// keyTally counts the object keys of a JSON body as an encoder writes
// them ("key": value) and how many of them hold null. A typed fast path
// compares it with the contract keys it proved present (non-null values):
// present + nulls == keys means the body had no other key with a value, so
// nothing a dialect added (tags, details …) is lost; a null carries
// nothing. A '":' inside a text value only causes a mismatch, which costs
// the slower generic walk, never a wrong result.
type keyTally struct{ keys, nulls int }

func tallyKeys(b []byte) keyTally {
	var t keyTally
	for {
		i := bytes.IndexByte(b, ':')
		if i < 0 {
			return t
		}
		if i > 0 && b[i-1] == '"' {
			t.keys++
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\n' || b[j] == '\t' || b[j] == '\r') {
				j++
			}
			if j < len(b) && b[j] == 'n' { // only null starts with n
				t.nulls++
			}
		}
		b = b[i+1:]
	}
}

// fits reports whether present non-null contract keys account for every key.
func (t keyTally) fits(present int) bool { return present+t.nulls == t.keys }

// syntaxOnly returns a malformed-body error when err is a JSON syntax
// error (no reader can do better), nil otherwise.
func syntaxOnly(doc string, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) || (err != nil && strings.Contains(err.Error(), "unexpected end of JSON input")) {
		return malformed(doc, err)
	}
	return nil
}

// count1 is 1 for a key known to be present.
func count1(present bool) int {
	if present {
		return 1
	}
	return 0
}

// decodeGeneric decodes a body for the generic walk.
func decodeGeneric(doc string, b []byte) (any, error) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, malformed(doc, err)
	}
	return unwrapJSONAPI(v, 0), nil
}

// unwrapJSONAPI replaces JSON:API resource objects ({"id","type",
// "attributes":{…}}, Rails and Laravel API resources) by their attributes
// plus the id, so the readers see the fields themselves.
func unwrapJSONAPI(v any, depth int) any {
	if depth > maxWalkDepth {
		return v
	}
	switch t := v.(type) {
	case []any:
		for i := range t {
			t[i] = unwrapJSONAPI(t[i], depth+1)
		}
	case map[string]any:
		attrs, ok := t["attributes"].(map[string]any)
		if _, typed := t["type"].(string); ok && typed {
			if id, ok := t["id"]; ok {
				if _, has := attrs["id"]; !has {
					attrs["id"] = id
				}
			}
			return unwrapJSONAPI(attrs, depth+1)
		}
		for k, x := range t {
			t[k] = unwrapJSONAPI(x, depth+1)
		}
	}
	return v
}

// jsonObject is a decoded JSON object.
type jsonObject map[string]any

// normKey folds the spellings of a key: lower case without _ - . and
// spaces, so response_time_ms, responseTimeMs and Response-Time-MS match.
func normKey(k string) string {
	clean := true
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c == '_' || c == '-' || c == ' ' || c == '.' || (c >= 'A' && c <= 'Z') {
			clean = false
			break
		}
	}
	if clean {
		return k
	}
	var sb strings.Builder
	sb.Grow(len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_' || c == '-' || c == ' ' || c == '.':
		case c >= 'A' && c <= 'Z':
			sb.WriteByte(c + 'a' - 'A')
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// get returns the value of the first of names (normalised spellings, in
// priority order) the object has, and the key as the response spells it.
// When two keys fold to the same name the smaller one wins, so the result
// does not depend on map order.
func (o jsonObject) get(names ...string) (any, string, bool) {
	best, bestKey := len(names), ""
	var val any
	for k, v := range o {
		i := slices.Index(names, normKey(k))
		if i >= 0 && (i < best || (i == best && k < bestKey)) {
			best, bestKey, val = i, k, v
		}
	}
	return val, bestKey, best < len(names)
}

// has reports whether the object has one of names.
func (o jsonObject) has(names ...string) bool {
	_, _, ok := o.get(names...)
	return ok
}

// object returns the value of one of names when it is an object.
func (o jsonObject) object(names ...string) (jsonObject, bool) {
	v, _, ok := o.get(names...)
	if !ok {
		return nil, false
	}
	m, ok := v.(map[string]any)
	return m, ok
}

// text returns the value of one of names as text (numbers formatted).
func (o jsonObject) text(names ...string) string {
	v, _, ok := o.get(names...)
	if !ok {
		return ""
	}
	s, _ := scalarText(v)
	return strings.TrimSpace(s)
}

// sortedKeys gives an object's keys in order, for deterministic output.
func (o jsonObject) sortedKeys() []string { return slices.Sorted(maps.Keys(o)) }

// scalarText formats a string, number or boolean; objects, lists and null
// have no text.
func scalarText(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(t), true
	}
	return "", false
}

// numberValue reads a number or a numeric string. ok is false for any
// other value; null is ok with a nil number (no value).
func numberValue(v any) (*float64, bool) {
	switch t := v.(type) {
	case nil:
		return nil, true
	case float64:
		return finite(t), !math.IsNaN(t)
	case string:
		s := strings.TrimSpace(t)
		if s == "" {
			return nil, true
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, false
		}
		return &f, true
	}
	return nil, false
}

// boolValue reads a boolean, also written as text.
func boolValue(v any) (bool, bool) {
	switch t := v.(type) {
	case bool:
		return t, true
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "true", "yes":
			return true, true
		case "false", "no":
			return false, true
		}
	}
	return false, false
}

// timeValue reads RFC 3339 text (any offset; without one it is UTC), or a
// Unix time in seconds or milliseconds told apart by magnitude. Null and
// "" are the zero time.
func timeValue(v any) (time.Time, error) {
	switch t := v.(type) {
	case nil:
		return time.Time{}, nil
	case float64:
		return unixTime(t)
	case string:
		s := strings.TrimSpace(t)
		if s == "" {
			return time.Time{}, nil
		}
		return parseTimeString(s)
	}
	return time.Time{}, fmt.Errorf("%s is not a time", kindWord(v))
}

// kindWord names a JSON value's kind in the user's words.
func kindWord(v any) string {
	switch t := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("the text %q", truncate(t, 40))
	case float64:
		return "the number " + strconv.FormatFloat(t, 'g', -1, 64)
	case bool:
		return fmt.Sprintf("%v", t)
	case nil:
		return "null"
	}
	return "a value"
}

// keyList lists an object's keys for an error message.
func keyList(o jsonObject) string {
	if len(o) == 0 {
		return "none"
	}
	keys := o.sortedKeys()
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return strings.Join(keys, ", ")
}

// describeTop says what a response is, for "no data found" errors.
func describeTop(v any) string {
	switch t := v.(type) {
	case map[string]any:
		return "top-level keys: " + keyList(t)
	case []any:
		return fmt.Sprintf("a list of %d entries", len(t))
	}
	return "the response is " + kindWord(v)
}

// container finds the part of a document that holds the data: the first of
// keys that is present (descending through wrappers such as
// {"data":{"alerts":[…]}}), or the document itself. levels are the objects
// passed through, outermost first, where document fields (timestamp,
// category) may be.
func container(v any, keys ...string) (data any, path string, levels []jsonObject) {
	for depth := 0; depth < 3; depth++ {
		o, ok := v.(map[string]any)
		if !ok {
			return v, path, levels
		}
		levels = append(levels, o)
		inner, key, ok := jsonObject(o).get(keys...)
		if !ok {
			return v, path, levels
		}
		switch inner.(type) {
		case map[string]any, []any:
		default:
			return v, path, levels // {"data": "none"}: not a wrapper
		}
		if path != "" {
			path += "."
		}
		path += key
		v = inner
	}
	return v, path, levels
}

// levelsTime reads the innermost document timestamp of the wrapper levels.
func levelsTime(levels []jsonObject) (time.Time, error) {
	for i := len(levels) - 1; i >= 0; i-- {
		if levels[i].has(timeKeys...) {
			return docTime(levels[i])
		}
	}
	return time.Time{}, nil
}

// timeKeys are spellings of a document's or a sample's timestamp.
var timeKeys = []string{"timestamp", "time", "ts", "generatedat", "collectedat", "updatedat", "date", "datetime"}

// isTimeKey reports whether a key names a time (timestamp, created_at,
// startedAt …): such numbers are not metrics.
func isTimeKey(k string) bool {
	nk := normKey(k)
	if slices.Contains(timeKeys, nk) {
		return true
	}
	if strings.HasSuffix(k, "_at") || strings.HasSuffix(k, "At") || strings.HasSuffix(nk, "timestamp") {
		return true
	}
	return nk == "since" || nk == "until" || nk == "epoch"
}

// docTime reads a document's own timestamp from the first time key.
func docTime(o jsonObject) (time.Time, error) {
	v, key, ok := o.get(timeKeys...)
	if !ok {
		return time.Time{}, nil
	}
	t, err := timeValue(v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w; expected RFC 3339 text such as 2025-06-01T12:00:00Z or Unix seconds or milliseconds", key, err)
	}
	return t, nil
}
