package parse

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	healthWrapperKeys = []string{"data", "result", "health"}
	healthStatusKeys  = []string{"status", "state", "overall", "overallstatus", "health"}
	healthFlagKeys    = []string{"healthy", "ok", "up", "alive"}
	serviceListKeys   = []string{"services", "checks", "components", "dependencies", "details", "entries", "indicators", "checkresults", "healthchecks"}
	serviceNameKeys   = []string{"name", "service", "component", "componentid", "id", "key"}
	serviceErrorKeys  = []string{"error", "errormessage", "reason", "exception", "notificationmessage"}
	healthScoreKeys   = []string{"healthscore", "score"}
	healthTimeKeys    = append(slices.Clone(timeKeys), "checkedat", "lastchecked", "finishedat")
	// Top-level objects of service name to response time (Rails).
	responseTimeMapKeys = []string{"responsetimes", "responsetimesms", "latencies", "latenciesms"}
	// Fields whose content is shown as a service's extra fields without
	// their own name (Spring Boot's details).
	serviceDetailKeys = []string{"details", "data", "info", "meta", "metadata"}
)

// responseTimeKeys are the spellings of a probe's duration and the factor
// to milliseconds; bare durations are read only as text with a unit
// ("12ms", "00:00:00.012").
var responseTimeKeys = []struct {
	key    string
	factor float64
}{
	{"responsetime", 1}, {"responsetimems", 1}, {"responsetimemillis", 1}, {"latencyms", 1},
	{"latency", 1}, {"durationms", 1}, {"elapsedms", 1}, {"timems", 1}, {"tookms", 1},
	{"responsetimeseconds", 1000}, {"latencyseconds", 1000}, {"durationseconds", 1000},
	{"duration", 0}, {"elapsed", 0}, {"took", 0},
}

// genericHealth reads a health document in the shapes applications use.
func genericHealth(b []byte) (Health, error) {
	const doc = "health check"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return Health{}, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return Health{}, shapef(doc, "it is not an object with a status (%s)", describeTop(v))
	}
	o := jsonObject(top)
	for depth := 0; depth < 2 && !o.has(healthStatusKeys...) && !o.has(healthFlagKeys...); depth++ {
		inner, ok := o.object(healthWrapperKeys...)
		if !ok {
			break
		}
		o = inner
	}
	var n notes
	h := Health{Status: statusOf(o)}
	if sv, _, ok := o.get(healthScoreKeys...); ok {
		h.Score, _ = numberValue(sv)
	}
	if tv, key, ok := o.get(healthTimeKeys...); ok {
		t, err := timeValue(tv)
		if err != nil {
			return Health{}, shapef(doc, "%s: %v", key, err)
		}
		h.Timestamp = t
	}
	used := map[string]bool{}
	for _, k := range o.sortedKeys() {
		if !slices.Contains(serviceListKeys, normKey(k)) {
			continue
		}
		switch o[k].(type) {
		case map[string]any, []any:
			h.Services = readServices(o[k], "", &n, 0)
			used[k] = true
		}
		if h.Services != nil {
			break
		}
	}
	h.Services = mergeServices(h.Services)
	if rt, key, ok := o.get(responseTimeMapKeys...); ok {
		if m, ok := rt.(map[string]any); ok {
			used[key] = true
			for i := range h.Services {
				if h.Services[i].ResponseTimeMs == nil {
					h.Services[i].ResponseTimeMs, _ = millisValue(m[h.Services[i].Name], 1)
				}
			}
		}
	}
	// NestJS Terminus repeats details as "info" (healthy) and "error".
	terminus := o.has("details") && (o.has("info") || o.has("error"))
	h.Extra = extraFields(o, func(k string) bool {
		nk := normKey(k)
		if terminus && (nk == "info" || nk == "error") {
			return true
		}
		return used[k] || slices.Contains(healthStatusKeys, nk) || slices.Contains(healthFlagKeys, nk) ||
			slices.Contains(healthScoreKeys, nk) || slices.Contains(healthTimeKeys, nk) || slices.Contains(serviceListKeys, nk)
	}, false)
	if h.Status == "" {
		if len(h.Services) == 0 {
			return Health{}, shapef(doc, "it has no status and no services (%s); expected status (or state, or healthy: true/false) and services, checks or components", describeTop(v))
		}
		n.add("the response has no overall status")
	}
	h.Notes = n.list()
	return h, nil
}

// statusOf reads a status word or a healthy/ok boolean.
func statusOf(o jsonObject) string {
	if sv, _, ok := o.get(healthStatusKeys...); ok {
		switch t := sv.(type) {
		case string:
			return statusText(t)
		case bool:
			return boolStatus(t)
		case map[string]any: // {"status":{"code":"UP"}}
			if c := jsonObject(t).text("code", "value", "status"); c != "" {
				return statusText(c)
			}
		}
	}
	if fv, _, ok := o.get(healthFlagKeys...); ok {
		if b, ok := boolValue(fv); ok {
			return boolStatus(b)
		}
	}
	return ""
}

func boolStatus(b bool) string {
	if b {
		return StatusHealthy
	}
	return StatusUnhealthy
}

// readServices reads services as an object of name to service (object,
// status word or boolean) or a list of named objects. Sub-services
// (Spring Boot's composite components) are named parent.child.
func readServices(v any, prefix string, n *notes, depth int) []ServiceHealth {
	if depth > 3 {
		return nil
	}
	out := []ServiceHealth{}
	switch t := v.(type) {
	case map[string]any:
		o := jsonObject(t)
		for _, k := range o.sortedKeys() {
			name := joinName(prefix, k)
			switch x := o[k].(type) {
			case map[string]any:
				out = append(out, readService(name, jsonObject(x), n, depth)...)
			case []any: // health-check drafts: "db:connections": [{…}, …]
				for i, e := range x {
					eo, ok := e.(map[string]any)
					if !ok {
						n.skip("service", "not an object", fmt.Sprintf("%s[%d]", name, i))
						continue
					}
					// "component:measurement" keys (the health-check
					// response draft): the component is the service.
					sub := jsonObject(eo).text("componentid", "name")
					if sub == "" {
						sub, _, _ = strings.Cut(k, ":")
						sub = joinName(prefix, sub)
						if len(x) > 1 {
							sub = fmt.Sprintf("%s[%d]", sub, i)
						}
					}
					svc := readService(sub, jsonObject(eo), n, depth)
					_, measure, _ := strings.Cut(k, ":")
					if svc[0].ResponseTimeMs == nil && isTimeMeasure(measure) {
						svc[0].ResponseTimeMs = observedMillis(jsonObject(eo))
					}
					out = append(out, svc...)
				}
			case string:
				st := statusText(x)
				if StatusValue(st) == nil {
					n.skip("service", "not a status word", name)
					continue
				}
				out = append(out, ServiceHealth{Name: name, Status: st})
			case bool:
				out = append(out, ServiceHealth{Name: name, Status: boolStatus(x)})
			default:
				n.skip("service", "not an object or a status", name)
			}
		}
	case []any:
		for i, e := range t {
			eo, ok := e.(map[string]any)
			if !ok {
				n.skip("service", "not an object", fmt.Sprintf("services[%d]", i))
				continue
			}
			o := jsonObject(eo)
			name := o.text(serviceNameKeys...)
			if name == "" {
				n.skip("service", "no name", fmt.Sprintf("services[%d]", i))
				continue
			}
			out = append(out, readService(joinName(prefix, name), o, n, depth)...)
		}
	}
	return out
}

// readService reads one service and its sub-services.
func readService(name string, o jsonObject, n *notes, depth int) []ServiceHealth {
	s := ServiceHealth{Name: name, Status: statusOf(o)}
	// The figures may be in the service or in its details (Spring Boot,
	// Laravel's meta).
	places := []jsonObject{o}
	for _, k := range o.sortedKeys() {
		if d, ok := o[k].(map[string]any); ok && slices.Contains(serviceDetailKeys, normKey(k)) {
			places = append(places, d)
		}
	}
	for _, p := range places {
		if s.ResponseTimeMs == nil {
			s.ResponseTimeMs = responseTimeOf(p)
		}
		if s.Error == "" {
			s.Error = errorOf(p)
		}
	}
	if s.Error == "" && StatusValue(s.Status) != nil && *StatusValue(s.Status) < 1 {
		s.Error = o.text("message", "output", "description") // why it is not healthy
	}
	var subs []ServiceHealth
	for _, k := range o.sortedKeys() {
		nk := normKey(k)
		if nk == "details" || !slices.Contains(serviceListKeys, nk) {
			continue
		}
		if _, ok := o[k].(map[string]any); ok {
			subs = append(subs, readServices(o[k], name, n, depth+1)...)
		}
	}
	s.Extra = extraFields(o, func(k string) bool {
		nk := normKey(k)
		if slices.Contains(healthStatusKeys, nk) || slices.Contains(healthFlagKeys, nk) ||
			slices.Contains(serviceErrorKeys, nk) || slices.Contains(serviceNameKeys, nk) ||
			(s.Error != "" && (nk == "message" || nk == "output")) {
			return true
		}
		if nk != "details" && slices.Contains(serviceListKeys, nk) {
			return true
		}
		for _, rk := range responseTimeKeys {
			if rk.key == nk {
				return true
			}
		}
		return false
	}, true)
	return append([]ServiceHealth{s}, subs...)
}

// millisValue reads a duration as milliseconds: a number times factor
// (factor 0: numbers have no known unit), or text with a unit.
func millisValue(v any, factor float64) (*float64, bool) {
	switch t := v.(type) {
	case float64:
		if factor == 0 || t < 0 {
			return nil, false
		}
		return finite(t * factor), true
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err == nil && factor != 0 && f >= 0 {
			return finite(f * factor), true
		}
		d, ok := durationText(t)
		if !ok {
			return nil, false
		}
		return ptr(float64(d) / float64(time.Millisecond)), true
	case nil:
		return nil, true
	}
	return nil, false
}

// durationText reads "12ms", "1.5 s" or .NET's "00:00:00.0123".
func durationText(s string) (time.Duration, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return d, true
	}
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, false
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	sec, err3 := strconv.ParseFloat(parts[2], 64)
	if err1 != nil || err2 != nil || err3 != nil || h < 0 || m < 0 || sec < 0 || h > 1e6 {
		return 0, false
	}
	return time.Duration((float64(h)*3600 + float64(m)*60 + sec) * float64(time.Second)), true
}

// maxExtra bounds the extra fields kept per object.
const maxExtra = 32

// extraFields keeps an object's other text, numbers and booleans, nested
// objects flattened to dotted keys (detail objects without their own
// name when unprefixed is true).
func extraFields(o jsonObject, skip func(string) bool, unprefixed bool) map[string]string {
	out := map[string]string{}
	var walk func(o jsonObject, prefix string, depth int)
	walk = func(o jsonObject, prefix string, depth int) {
		for _, k := range o.sortedKeys() {
			if len(out) >= maxExtra {
				return
			}
			if depth == 0 && skip(k) {
				continue
			}
			switch x := o[k].(type) {
			case map[string]any:
				if depth < 3 {
					p := joinName(prefix, k)
					if unprefixed && depth == 0 && slices.Contains(serviceDetailKeys, normKey(k)) {
						p = prefix
					}
					walk(x, p, depth+1)
				}
			case []any:
				continue
			default:
				if s, ok := scalarText(x); ok {
					out[joinName(prefix, k)] = truncate(s, 200)
				}
			}
		}
	}
	walk(o, "", 0)
	if len(out) == 0 {
		return nil
	}
	return out
}

func responseTimeOf(o jsonObject) *float64 {
	for _, rk := range responseTimeKeys {
		rv, _, ok := o.get(rk.key)
		if !ok {
			continue
		}
		if ms, ok := millisValue(rv, rk.factor); ok && ms != nil {
			return ms
		}
	}
	return nil
}

func errorOf(o jsonObject) string {
	ev, _, ok := o.get(serviceErrorKeys...)
	if !ok {
		return ""
	}
	switch e := ev.(type) {
	case string:
		return strings.TrimSpace(e)
	case map[string]any:
		return jsonObject(e).text("message", "error", "reason")
	}
	return ""
}

func isTimeMeasure(m string) bool {
	m = normKey(m)
	return strings.Contains(m, "time") || strings.Contains(m, "latency") || strings.Contains(m, "duration")
}

// observedMillis reads a health-check draft's observedValue in ms or s.
func observedMillis(o jsonObject) *float64 {
	v, _, ok := o.get("observedvalue")
	if !ok {
		return nil
	}
	switch strings.ToLower(o.text("observedunit")) {
	case "ms", "milliseconds":
		ms, _ := millisValue(v, 1)
		return ms
	case "s", "seconds":
		ms, _ := millisValue(v, 1000)
		return ms
	}
	return nil
}

// mergeServices joins entries of one service (the health-check draft
// reports each measurement separately): the worst status, the first
// response time and error.
func mergeServices(in []ServiceHealth) []ServiceHealth {
	if len(in) < 2 {
		return in
	}
	sortServices(in)
	out := in[:1]
	for _, s := range in[1:] {
		last := &out[len(out)-1]
		if s.Name != last.Name {
			out = append(out, s)
			continue
		}
		if worse(s.Status, last.Status) {
			last.Status = s.Status
		}
		if last.ResponseTimeMs == nil {
			last.ResponseTimeMs = s.ResponseTimeMs
		}
		if last.Error == "" {
			last.Error = s.Error
		}
		for k, v := range s.Extra {
			if last.Extra == nil {
				last.Extra = map[string]string{}
			}
			if _, ok := last.Extra[k]; !ok && len(last.Extra) < maxExtra {
				last.Extra[k] = v
			}
		}
	}
	return out
}

func worse(a, b string) bool {
	va, vb := StatusValue(a), StatusValue(b)
	switch {
	case va == nil:
		return false
	case vb == nil:
		return true
	}
	return *va < *vb
}
