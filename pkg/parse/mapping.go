package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/theory/jsonpath"
	"github.com/theory/jsonpath/spec"
)

// MappingSpec is what a user writes for one endpoint under
// jsonData.mappings.<endpoint>: JSONPath (RFC 9535) expressions saying
// where the data is in a response whose shape cannot be guessed.
type MappingSpec struct {
	// Root selects the object the other paths start from (default: the
	// whole response).
	Root string `json:"root,omitempty"`
	// Items selects the list of alerts or metrics.
	Items string `json:"items,omitempty"`
	// Fields maps contract fields to paths: relative to each item for
	// alerts and metrics, relative to root for health, dashboard, uptime.
	Fields map[string]string `json:"fields,omitempty"`
	// Services selects the dependencies of health and dashboard.
	Services string `json:"services,omitempty"`
	// ServiceFields maps name/status/responseTime/error in each service.
	ServiceFields map[string]string `json:"serviceFields,omitempty"`
	// Summary maps dashboard figure keys to paths relative to root.
	Summary map[string]string `json:"summary,omitempty"`
}

// Mapping is the compiled mapping of a data source. A nil *Mapping maps
// nothing. It is safe for concurrent use.
type Mapping struct {
	endpoints map[string]*endpointMapping
}

// MappingEndpoints are the endpoints a mapping can be given for.
var MappingEndpoints = []string{"health", "metrics", "alerts", "dashboard", "uptime"}

// MappingError says which setting did not fit a response, in the words of
// the settings (mappings.alerts.items …).
type MappingError struct{ Msg string }

func (e *MappingError) Error() string { return e.Msg }

func mappingErrorf(format string, args ...any) error {
	return &MappingError{Msg: fmt.Sprintf(format, args...)}
}

// field is one contract field: its setting name (camelCase) and where it
// goes in the contract document (dotted for nested uptime fields).
type field struct {
	name   string
	out    string
	labels bool
}

// listShape is a list inside a document: alerts, metrics or services.
type listShape struct {
	pathKey, fieldsKey string // setting keys: items/fields or services/serviceFields
	out                string // contract key of the list
	asMap              bool   // health and dashboard services are an object keyed by name
	key                string // field that defaults to an entry's key in an object of entries
	required           string // field every item must have
	fields             []field
}

type shape struct {
	doc     []field // read from root; fields without a setting key are only copied
	docKey  string  // setting key of the document fields ("" when fields are item fields)
	list    *listShape
	copy    []string // contract keys copied from root as they are
	summary bool
}

var serviceList = &listShape{
	pathKey: "services", fieldsKey: "serviceFields", out: "services", asMap: true, key: "name", required: "name",
	fields: []field{{"name", "name", false}, {"status", "status", false}, {"responseTime", "responseTime", false}, {"error", "error", false}},
}

var shapes = map[string]shape{
	"alerts": {
		copy: []string{"timestamp"},
		list: &listShape{pathKey: "items", fieldsKey: "fields", out: "alerts", key: "id", required: "startedAt", fields: []field{
			{"id", "id", false}, {"rule", "rule", false}, {"name", "name", false}, {"severity", "severity", false},
			{"status", "status", false}, {"description", "description", false}, {"metric", "metric", false},
			{"value", "value", false}, {"threshold", "threshold", false}, {"startedAt", "started_at", false},
			{"acknowledgedAt", "acknowledged_at", false}, {"resolvedAt", "resolved_at", false},
			{"escalationLevel", "escalation_level", false}, {"labels", "labels", true}, {"runbookUrl", "runbook_url", false},
		}},
	},
	"metrics": {
		copy: []string{"timestamp", "category"},
		list: &listShape{pathKey: "items", fieldsKey: "fields", out: "metrics", key: "name", required: "name", fields: []field{
			{"name", "name", false}, {"value", "value", false}, {"unit", "unit", false}, {"category", "category", false},
			{"description", "description", false}, {"labels", "labels", true}, {"timestamp", "timestamp", false},
		}},
	},
	"health": {
		docKey: "fields",
		doc:    []field{{"status", "status", false}, {"score", "health_score", false}, {"timestamp", "timestamp", false}},
		list:   serviceList,
	},
	"dashboard": {
		docKey: "fields",
		doc: []field{{"status", "status", false}, {"healthScore", "health_score", false},
			{"uptimePercentage", "uptime_percentage", false}, {"timestamp", "timestamp", false}},
		list:    serviceList,
		summary: true,
	},
	"uptime": {
		docKey: "fields",
		doc: []field{{"status", "status", false}, {"timestamp", "timestamp", false},
			{"formatted", "uptime.formatted", false}, {"percentage", "uptime.percentage", false},
			{"seconds", "uptime.seconds", false}, {"slaTarget", "sla.target", false},
			{"compliant", "sla.compliance.overall", false}, {"uptimeCompliant", "sla.compliance.uptime", false},
			{"errorRateCompliant", "sla.compliance.errorRate", false}},
	},
}

type compiledPath struct {
	setting string // mappings.alerts.fields.startedAt
	text    string
	path    *jsonpath.Path
}

type endpointMapping struct {
	name     string
	shape    shape
	root     *compiledPath
	list     *compiledPath
	doc      map[string]*compiledPath // by contract out key
	items    map[string]*compiledPath
	summary  map[string]*compiledPath
	summKeys []string
}

// CompileMapping checks every path of every endpoint once, so a typo is a
// settings error naming the setting rather than a failure per query. All
// problems are reported together.
func CompileMapping(specs map[string]MappingSpec) (*Mapping, error) {
	m := &Mapping{endpoints: map[string]*endpointMapping{}}
	var errs []string
	for _, ep := range slices.Sorted(maps.Keys(specs)) {
		em, e := compileEndpoint(ep, specs[ep])
		errs = append(errs, e...)
		if em != nil {
			m.endpoints[ep] = em
		}
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "; "))
	}
	if len(m.endpoints) == 0 {
		return nil, nil
	}
	return m, nil
}

func compileEndpoint(ep string, s MappingSpec) (*endpointMapping, []string) {
	sh, ok := shapes[ep]
	if !ok {
		return nil, []string{fmt.Sprintf("mappings.%s: there is no endpoint %q to map; use %s", ep, ep, strings.Join(MappingEndpoints, ", "))}
	}
	em := &endpointMapping{name: ep, shape: sh}
	var errs []string
	compile := func(setting, text string) *compiledPath {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		p, err := jsonpath.Parse(strings.TrimSpace(text))
		if err != nil {
			hint := ""
			if !strings.HasPrefix(strings.TrimSpace(text), "$") {
				hint = " (a path starts with $, for example $.items[*])"
			}
			errs = append(errs, fmt.Sprintf("%s: %q is not a valid JSONPath: %s%s", setting, text, strings.TrimPrefix(err.Error(), "jsonpath: "), hint))
			return nil
		}
		return &compiledPath{setting: setting, text: strings.TrimSpace(text), path: p}
	}
	prefix := "mappings." + ep
	em.root = compile(prefix+".root", s.Root)

	// Item or document fields, by which key the endpoint uses.
	fieldsTarget, fieldDefs := "", []field(nil)
	if sh.docKey == "fields" {
		fieldsTarget, fieldDefs = "doc", sh.doc
	} else if sh.list != nil && sh.list.fieldsKey == "fields" {
		fieldsTarget, fieldDefs = "items", sh.list.fields
	}
	em.doc, em.items = map[string]*compiledPath{}, map[string]*compiledPath{}
	addFields := func(key string, given map[string]string, defs []field, into map[string]*compiledPath) {
		for _, name := range slices.Sorted(maps.Keys(given)) {
			f, ok := findField(defs, name)
			if !ok {
				errs = append(errs, fmt.Sprintf("%s.%s.%s: %s has no field %q; use %s", prefix, key, name, ep, name, fieldNames(defs)))
				continue
			}
			if p := compile(prefix+"."+key+"."+name, given[name]); p != nil {
				into[f.out] = p
			}
		}
	}
	switch fieldsTarget {
	case "doc":
		addFields("fields", s.Fields, fieldDefs, em.doc)
	case "items":
		addFields("fields", s.Fields, fieldDefs, em.items)
	}
	if sh.list != nil {
		em.list = compile(prefix+"."+sh.list.pathKey, listPath(sh.list, s))
		if sh.list.fieldsKey == "serviceFields" {
			addFields("serviceFields", s.ServiceFields, sh.list.fields, em.items)
		}
	}
	refuse := func(key string, set bool, use string) {
		if set {
			errs = append(errs, fmt.Sprintf("%s.%s: %s has no %s; use %s", prefix, key, ep, key, use))
		}
	}
	keys := "root, fields"
	if sh.list != nil {
		keys = "root, " + sh.list.pathKey + ", fields"
		if sh.list.fieldsKey == "serviceFields" {
			keys = "root, fields, services, serviceFields"
		}
	}
	if sh.summary {
		keys += ", summary"
	}
	refuse("items", s.Items != "" && (sh.list == nil || sh.list.pathKey != "items"), keys)
	refuse("services", s.Services != "" && (sh.list == nil || sh.list.pathKey != "services"), keys)
	refuse("serviceFields", len(s.ServiceFields) > 0 && (sh.list == nil || sh.list.fieldsKey != "serviceFields"), keys)
	refuse("summary", len(s.Summary) > 0 && !sh.summary, keys)

	if sh.summary {
		em.summary = map[string]*compiledPath{}
		for _, k := range slices.Sorted(maps.Keys(s.Summary)) {
			if strings.TrimSpace(k) == "" {
				errs = append(errs, fmt.Sprintf("%s.summary: a figure has an empty name", prefix))
				continue
			}
			if p := compile(prefix+".summary."+k, s.Summary[k]); p != nil {
				em.summary[k] = p
				em.summKeys = append(em.summKeys, k)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if em.root == nil && em.list == nil && len(em.doc) == 0 && len(em.items) == 0 && len(em.summary) == 0 {
		return nil, nil // an empty mapping changes nothing
	}
	return em, nil
}

func listPath(l *listShape, s MappingSpec) string {
	if l.pathKey == "services" {
		return s.Services
	}
	return s.Items
}

// findField accepts the setting spelling (startedAt) and the contract's
// (started_at), in any case.
func findField(defs []field, name string) (field, bool) {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "")) }
	for _, f := range defs {
		if norm(f.name) == norm(name) {
			return f, true
		}
	}
	return field{}, false
}

func fieldNames(defs []field) string {
	names := make([]string, len(defs))
	for i, f := range defs {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// Has reports whether the endpoint has a mapping.
func (m *Mapping) Has(endpoint string) bool {
	return m != nil && m.endpoints[endpoint] != nil
}

// Endpoints lists the mapped endpoints.
func (m *Mapping) Endpoints() []string {
	if m == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(m.endpoints))
}

// Apply rewrites a response body into the contract's own shape, so the
// normal reader (ParseAlerts, ParseHealth, …) reads it and every check of
// meaning stays in one place. Bodies of endpoints without a mapping, and
// bodies that are not JSON (HTML pages, Prometheus text), are returned
// unchanged: their reader says what they are.
func (m *Mapping) Apply(endpoint string, body []byte) ([]byte, error) {
	if !m.Has(endpoint) {
		return body, nil
	}
	b := trimBody(body)
	if len(b) == 0 || (b[0] != '{' && b[0] != '[') {
		return body, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return body, nil
	}
	out, err := m.endpoints[endpoint].apply(doc)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

func (em *endpointMapping) apply(doc any) (map[string]any, error) {
	root := doc
	if em.root != nil {
		nodes := em.root.path.Select(doc)
		switch {
		case len(nodes) == 0:
			return nil, mappingErrorf("%s (%q) matched nothing in the response; %s", em.root.setting, em.root.text, describe(doc))
		case len(nodes) > 1:
			return nil, mappingErrorf("%s (%q) matched %d values; it must select one object", em.root.setting, em.root.text, len(nodes))
		}
		root = nodes[0]
	}
	rootObj, isObj := root.(map[string]any)
	if !isObj && em.shape.list == nil {
		return nil, mappingErrorf("mappings.%s: the response%s is %s, not an object; set mappings.%s.root to the object that holds the data", em.name, rootWord(em.root), kindOf(root), em.name)
	}
	out := map[string]any{}
	for _, k := range em.shape.copy {
		if v, ok := rootObj[k]; ok {
			out[k] = v
		}
	}
	for _, f := range em.shape.doc {
		v, ok, err := pick(em.doc[f.out], root, rootObj, f.out, "")
		if err != nil {
			return nil, err
		}
		if ok {
			setPath(out, f.out, v)
		}
	}
	if em.shape.list != nil {
		list, err := em.applyList(root, rootObj)
		if err != nil {
			return nil, err
		}
		if list != nil {
			out[em.shape.list.out] = list
		}
	}
	if em.shape.summary {
		raw, has := rootObj["summary"]
		summary, ok := raw.(map[string]any)
		switch {
		case ok:
			summary = maps.Clone(summary)
		case has && len(em.summKeys) == 0:
			out["summary"] = raw // not an object: the reader says so
		default:
			summary = map[string]any{}
		}
		for _, k := range em.summKeys {
			v, ok, err := pick(em.summary[k], root, nil, "", "")
			if err != nil {
				return nil, err
			}
			if !ok {
				v = nil // mapped but absent: unknown, never a stale contract value
			}
			summary[k] = v
		}
		if (has && ok) || len(em.summKeys) > 0 {
			out["summary"] = summary
		}
	}
	return out, nil
}

func fieldOut(ls *listShape, name string) string {
	for _, f := range ls.fields {
		if f.name == name {
			return f.out
		}
	}
	return name
}

// entry is one list element and, for an object of entries, its key.
type entry struct {
	key string
	v   any
}

func (em *endpointMapping) applyList(root any, rootObj map[string]any) (any, error) {
	ls := em.shape.list
	var entries []entry
	if em.list == nil {
		raw, ok := rootObj[ls.out]
		if arr, isList := root.([]any); isList {
			raw, ok = arr, true // a bare list is the list
		}
		if !ok {
			return nil, nil // the reader reports the missing list in contract words
		}
		entries = expand([]any{raw}, ls)
	} else {
		nodes := em.list.path.Select(root)
		if len(nodes) == 0 && !emptySelection(em.list.path, root) {
			return nil, mappingErrorf("%s (%q) matched nothing in the response; %s", em.list.setting, em.list.text, describe(root))
		}
		entries = expand(nodes, ls)
	}
	items := make([]map[string]any, 0, len(entries))
	missing := 0 // items where the mapped required field selected nothing
	for i, e := range entries {
		obj, _ := e.v.(map[string]any)
		item := map[string]any{}
		for _, f := range ls.fields {
			v, ok, err := pick(em.items[f.out], e.v, obj, f.out, fmt.Sprintf(" in item %d of the list", i))
			if err != nil {
				return nil, err
			}
			if !ok && f.name == ls.key && e.key != "" {
				v, ok = e.key, true
			}
			if !ok && f.name == "value" && obj == nil && em.items["value"] == nil {
				v, ok = e.v, true // an object of plain numbers: {"cpu": 12.5}
			}
			if !ok {
				if f.name == ls.required && em.items[f.out] != nil {
					missing++
				}
				continue
			}
			if f.labels {
				v = labelStrings(v)
			}
			item[f.out] = v
		}
		items = append(items, item)
	}
	// One item without it is the reader's to skip (with a note); none with
	// it means the path is wrong.
	if missing > 0 && missing == len(entries) && !ls.asMap {
		p := em.items[fieldOut(ls, ls.required)]
		return nil, mappingErrorf("%s (%q) selected nothing in any of the %d items of the list%s", p.setting, p.text, missing, itemKeys(entries[0].v, "the first item's", "the first item"))
	}
	if !ls.asMap {
		return items, nil
	}
	byName := make(map[string]any, len(items))
	for i, it := range items {
		name, _ := it["name"].(string)
		if name == "" {
			if n, ok := it["name"].(json.Number); ok {
				name = n.String()
			}
		}
		if name == "" {
			return nil, mappingErrorf("mappings.%s.serviceFields.name: service %d of the list has no name%s", em.name, i, itemKeys(entries[i].v, "its", "it"))
		}
		delete(it, "name")
		byName[name] = it
	}
	return byName, nil
}

// expand turns what a list path selected into entries: one array is its
// elements; one object whose values are all objects (or, for metrics, all
// numbers) is named entries; anything else is one item per node.
func expand(nodes []any, ls *listShape) []entry {
	if len(nodes) == 1 {
		switch v := nodes[0].(type) {
		case []any:
			out := make([]entry, len(v))
			for i, x := range v {
				out[i] = entry{v: x}
			}
			return out
		case map[string]any:
			if namedEntries(v, ls.out == "metrics") {
				out := make([]entry, 0, len(v))
				for _, k := range slices.Sorted(maps.Keys(v)) {
					out = append(out, entry{key: k, v: v[k]})
				}
				return out
			}
		}
	}
	out := make([]entry, len(nodes))
	for i, n := range nodes {
		out[i] = entry{v: n}
	}
	return out
}

func namedEntries(obj map[string]any, numbersToo bool) bool {
	if len(obj) == 0 {
		return true
	}
	for _, v := range obj {
		switch v.(type) {
		case map[string]any:
		case json.Number, nil:
			if !numbersToo {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// pick reads one field: through its path when mapped, else under its
// contract name (dotted for nested fields). A mapped path selecting
// nothing is unknown (null), never the contract default.
func pick(p *compiledPath, node any, obj map[string]any, contractKey, where string) (any, bool, error) {
	if p == nil {
		if obj == nil || contractKey == "" {
			return nil, false, nil
		}
		return getPath(obj, contractKey)
	}
	nodes := p.path.Select(node)
	switch len(nodes) {
	case 0:
		return nil, false, nil
	case 1:
		return nodes[0], true, nil
	}
	return nil, false, mappingErrorf("%s (%q) selected %d values%s; a field needs exactly one", p.setting, p.text, len(nodes), where)
}

func getPath(obj map[string]any, dotted string) (any, bool, error) {
	parts := strings.Split(dotted, ".")
	cur := any(obj)
	for _, p := range parts {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false, nil
		}
		if cur, ok = m[p]; !ok {
			return nil, false, nil
		}
	}
	return cur, true, nil
}

func setPath(obj map[string]any, dotted string, v any) {
	parts := strings.Split(dotted, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := obj[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[p] = next
		}
		obj = next
	}
	obj[parts[len(parts)-1]] = v
}

// emptySelection tells "the list is there and empty" from "the path
// points nowhere": a path ending in a wildcard, slice or filter selects
// nothing from an empty list, and its parent then is a list or object.
func emptySelection(p *jsonpath.Path, root any) bool {
	segs := p.Query().Segments()
	if len(segs) == 0 {
		return false
	}
	last := segs[len(segs)-1]
	for _, s := range last.Selectors() {
		switch s.(type) {
		case spec.Name, spec.Index:
			return false
		}
	}
	parent := spec.Query(true, segs[:len(segs)-1]...).Select(root, root)
	if len(parent) != 1 {
		return false
	}
	switch parent[0].(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

// labelStrings makes label values strings (servers send numbers and
// booleans as labels); non-objects pass through for the reader to refuse.
func labelStrings(v any) any {
	obj, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(obj))
	for k, x := range obj {
		switch t := x.(type) {
		case string:
			out[k] = t
		case nil:
			continue
		case json.Number:
			out[k] = t.String()
		case bool:
			out[k] = fmt.Sprint(t)
		default:
			b, _ := json.Marshal(t)
			out[k] = string(b)
		}
	}
	return out
}

// describe names what the response has, so a path that matched nothing
// can be corrected without looking at the raw body.
func describe(v any) string {
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			return "the response is an empty object"
		}
		keys := slices.Sorted(maps.Keys(t))
		if len(keys) > 20 {
			keys = append(keys[:20], "…")
		}
		return "top-level keys are: " + strings.Join(keys, ", ")
	case []any:
		return fmt.Sprintf("the response is a list of %d values", len(t))
	}
	return "the response is " + kindOf(v)
}

// itemKeys describes a list item for an error: "; <whose> keys are: a, b"
// or "; <it> is a string".
func itemKeys(v any, whose, it string) string {
	obj, ok := v.(map[string]any)
	if !ok {
		return "; " + it + " is " + kindOf(v)
	}
	keys := slices.Sorted(maps.Keys(obj))
	if len(keys) > 20 {
		keys = append(keys[:20], "…")
	}
	return "; " + whose + " keys are: " + strings.Join(keys, ", ")
}

func rootWord(p *compiledPath) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf(" at %s (%q)", p.setting, p.text)
}

func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}
