package settings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// FleetJSONDataKey is the jsonData key of the fleet settings: the
// instances of the application one data source reads.
const FleetJSONDataKey = "fleet"

// Bounds of the fleet settings. Past about a thousand instances direct
// polling from Grafana is the wrong design: scrape them with Prometheus.
const (
	MaxFleetInstances          = 1000
	DefaultFleetMaxConcurrency = 16
	MaxFleetMaxConcurrency     = 256
	DefaultDiscoveryRefresh    = 30 * time.Second
	MinDiscoveryRefresh        = 5 * time.Second
	MaxDiscoveryRefresh        = time.Hour
)

// DNS record types of fleet discovery. RecordA resolves both A and AAAA
// records; RecordAAAA only AAAA.
const (
	RecordA    = "A"
	RecordAAAA = "AAAA"
	RecordSRV  = "SRV"
)

// Fleet is the set of instances one data source reads (jsonData "fleet"):
// a fixed list of base URLs, or a DNS name that lists them. Exactly one of
// Instances and Discovery is set.
type Fleet struct {
	// Instances are the base URLs (scheme, host, optional path prefix),
	// without a trailing slash and without user info.
	Instances []*url.URL
	Discovery *Discovery
	// MaxConcurrency bounds the requests in flight to the fleet at once.
	MaxConcurrency int
}

// Discovery finds the instances in DNS.
type Discovery struct {
	// Name is the DNS name to resolve, e.g. app.internal or
	// _http._tcp.app.internal.
	Name string
	// Record is RecordA, RecordAAAA or RecordSRV.
	Record string
	// Port of every instance for A and AAAA records; 0 for SRV records,
	// which carry their own ports.
	Port int
	// Scheme and PathPrefix come from the data source URL.
	Scheme, PathPrefix string
	// Refresh is how long an answer is used before resolving again.
	Refresh time.Duration
}

// FleetError lists every problem of the fleet settings, each prefixed
// with its path (e.g. "fleet.instances[2]") when it is about one field.
type FleetError struct{ Problems []string }

func (e *FleetError) Error() string {
	return "fleet settings (jsonData." + FleetJSONDataKey + "): " + strings.Join(e.Problems, "; ")
}

// Is lets callers test errors.Is(err, settings.ErrConfig).
func (e *FleetError) Is(target error) bool { return target == ErrConfig }

// fleetProblemPath matches "fleet.instances[2]", "fleet.discovery.port", ...
var fleetProblemPath = regexp.MustCompile(`^` + FleetJSONDataKey + `(\.[A-Za-z]+(\[\d+\])?)+$`)

// Fields splits each problem into the setting's path and what to fix.
func (e *FleetError) Fields() []jsondata.FieldProblem {
	return jsondata.FieldProblems(e.Problems, fleetProblemPath)
}

// loadFleet reads the fleet settings for Load. An unusable data source
// URL is reported by the connection settings; the fleet is still checked
// so one save shows every problem.
func loadFleet(jsonData []byte, dataSourceURL string) (*Fleet, error) {
	base, _ := ParseBaseURL(dataSourceURL)
	return ParseFleet(jsonData, base)
}

// ParseFleet reads jsonData "fleet". Without it (or with null) the data
// source reads one instance at its URL and the fleet is nil. base is the
// data source URL, which gives discovered instances their scheme, path
// prefix and default port; nil when it is not usable.
func ParseFleet(jsonData []byte, base *url.URL) (*Fleet, error) {
	raw, err := jsondata.Section(jsonData, FleetJSONDataKey)
	if err != nil {
		return nil, &FleetError{Problems: []string{err.Error()}}
	}
	if raw == nil {
		return nil, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return nil, &FleetError{Problems: []string{fleetShapeHint}}
	}
	p := &fleetParser{}
	p.unknownKeys(FleetJSONDataKey, top, "instances", "discovery", "maxConcurrency")
	f := &Fleet{MaxConcurrency: DefaultFleetMaxConcurrency}
	if v, ok := top["maxConcurrency"]; ok {
		if n, ok := p.wholeNumber(FleetJSONDataKey+".maxConcurrency", v, 1, MaxFleetMaxConcurrency,
			fmt.Sprintf(" requests at once (default %d)", DefaultFleetMaxConcurrency)); ok {
			f.MaxConcurrency = n
		}
	}
	instances, hasInstances := present(top, "instances")
	discovery, hasDiscovery := present(top, "discovery")
	switch {
	case hasInstances && hasDiscovery:
		p.add("set either instances (a list of base URLs) or discovery (a DNS name), not both")
	case hasInstances:
		f.Instances = p.instances(instances)
	case hasDiscovery:
		f.Discovery = p.discovery(discovery, base)
	default:
		p.add("set instances (a list of base URLs) or discovery (a DNS name); remove fleet to read only the data source URL")
	}
	if len(p.problems) > 0 {
		return nil, &FleetError{Problems: p.problems}
	}
	return f, nil
}

const fleetShapeHint = `must be an object like {"instances":["http://10.0.0.1:4000","http://10.0.0.2:4000"]} ` +
	`or {"discovery":{"name":"app.internal","record":"A","port":4000}}`

// present returns a key's value unless it is absent or null.
func present(m map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	v, ok := m[key]
	if !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return nil, false
	}
	return v, true
}

type fleetParser struct{ problems []string }

func (p *fleetParser) add(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

// unknownKeys reports misspelt keys, which would otherwise silently fall
// back to a default.
func (p *fleetParser) unknownKeys(path string, m map[string]json.RawMessage, known ...string) {
	var unknown []string
	for k := range m {
		if !slices.Contains(known, k) {
			unknown = append(unknown, strconv.Quote(k))
		}
	}
	if len(unknown) == 0 {
		return
	}
	slices.Sort(unknown)
	prefix := path + ": "
	if path == FleetJSONDataKey {
		prefix = "" // the whole section: the error already names it
	}
	p.add("%s%s is not a setting here; use %s", prefix, strings.Join(unknown, ", "), strings.Join(known, ", "))
}

// wholeNumber reads a whole number in [lo, hi]; ok is false (and the
// problem reported, ending with hint) when it is anything else.
func (p *fleetParser) wholeNumber(path string, raw json.RawMessage, lo, hi int, hint string) (int, bool) {
	var v float64
	if err := json.Unmarshal(raw, &v); err != nil || v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		p.add("%s: %s is not valid; set a whole number between %d and %d%s", path, bytes.TrimSpace(raw), lo, hi, hint)
		return 0, false
	}
	return int(v), true
}

// str reads a string; ok is false (and the problem reported) otherwise.
func (p *fleetParser) str(path string, raw json.RawMessage, example string) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.add("%s: %s is not text; write it in quotes, like %s", path, bytes.TrimSpace(raw), example)
		return "", false
	}
	return strings.TrimSpace(s), true
}

func (p *fleetParser) instances(raw json.RawMessage) []*url.URL {
	path := FleetJSONDataKey + ".instances"
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		p.add(`%s: must be a list of base URLs like ["http://10.0.0.1:4000","http://10.0.0.2:4000"]`, path)
		return nil
	}
	switch {
	case len(items) == 0:
		p.add("%s: is empty; list the base URL of every instance, like http://10.0.0.1:4000", path)
		return nil
	case len(items) > MaxFleetInstances:
		p.add("%s: has %d instances; at most %d are supported: scrape a fleet this large with Prometheus instead", path, len(items), MaxFleetInstances)
		return nil
	}
	out := make([]*url.URL, 0, len(items))
	seen := make(map[string]int, len(items))
	for i, item := range items {
		at := fmt.Sprintf("%s[%d]", path, i)
		var s string
		if err := json.Unmarshal(item, &s); err != nil {
			p.add("%s: %s is not a URL; write the base URL in quotes, like \"http://10.0.0.1:4000\"", at, bytes.TrimSpace(item))
			continue
		}
		u, problem := parseInstanceURL(s)
		if problem != "" {
			p.add("%s: %s", at, problem)
			continue
		}
		key := hostPort(u)
		if j, dup := seen[key]; dup {
			p.add("%s: %s is the same instance as %s[%d]; list each instance once", at, u, path, j)
			continue
		}
		seen[key] = i
		out = append(out, u)
	}
	return out
}

// parseInstanceURL checks one instance's base URL and says what to fix.
// Messages never echo a password.
func parseInstanceURL(raw string) (*url.URL, string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, "is empty; write the instance's base URL, like http://10.0.0.1:4000"
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Sprintf("%q is not a base URL; use http:// or https:// and a host, like http://10.0.0.1:4000", redactRaw(raw, u))
	}
	if u.User != nil {
		return nil, fmt.Sprintf("%s contains a user name or password: remove it; the API key goes in the API key field, which is stored encrypted", u.Redacted())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Sprintf("%s has a query string or fragment: use only the instance's base URL", schemeHost(u))
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, fmt.Sprintf("%s has port %s; use a port between 1 and 65535", schemeHost(u), port)
		}
	}
	clean, err := ParseBaseURL(raw) // the same normalisation as the data source URL
	if err != nil {
		return nil, fmt.Sprintf("%s is not a base URL", schemeHost(u))
	}
	return clean, ""
}

// hostPort is what tells two instances apart: host and port, the default
// port filled in, so http://a and http://a:80 are one instance.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = defaultPort(u.Scheme)
	}
	return strings.ToLower(u.Hostname()) + ":" + port
}

func defaultPort(scheme string) string {
	if scheme == "https" {
		return "443"
	}
	return "80"
}

// dnsName is a DNS name: labels of letters, digits, '-' and '_' (SRV
// names start with _service._proto), an optional final dot.
var dnsName = regexp.MustCompile(`^([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$`)

func (p *fleetParser) discovery(raw json.RawMessage, base *url.URL) *Discovery {
	path := FleetJSONDataKey + ".discovery"
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		p.add(`%s: must be an object like {"name":"app.internal","record":"A","port":4000,"refreshSeconds":30}`, path)
		return nil
	}
	p.unknownKeys(path, m, "name", "record", "port", "refreshSeconds")
	d := &Discovery{Record: RecordA, Refresh: DefaultDiscoveryRefresh}
	if base != nil {
		d.Scheme, d.PathPrefix = base.Scheme, base.Path
	}

	if v, ok := present(m, "record"); ok {
		if s, ok := p.str(path+".record", v, `"A"`); ok {
			switch r := strings.ToUpper(s); r {
			case RecordA, RecordAAAA, RecordSRV:
				d.Record = r
			default:
				p.add(`%s.record: %q is not supported; use "A" (A and AAAA records), "AAAA" or "SRV"`, path, s)
			}
		}
	}

	name, named := "", false
	if v, ok := present(m, "name"); ok {
		name, named = p.str(path+".name", v, `"app.internal"`)
	} else {
		named = true // reported as missing below
	}
	switch {
	case !named:
	case name == "":
		p.add("%s.name: is required; write the DNS name that lists the instances, like app.internal", path)
	case strings.Contains(name, "://") || strings.ContainsAny(name, ":/"):
		p.add("%s.name: %q is not a DNS name; write only the name, like app.internal, without scheme, port or path (they come from the data source URL and port)", path, name)
	case len(name) > 253 || !dnsName.MatchString(name):
		p.add("%s.name: %q is not a DNS name; use letters, digits, '-', '_' and dots, like app.internal", path, name)
	}
	d.Name = name

	port, hasPort := present(m, "port")
	switch {
	case d.Record == RecordSRV && hasPort:
		p.add("%s.port: SRV records carry the port of each instance; remove port", path)
	case d.Record != RecordSRV && hasPort:
		d.Port, _ = p.wholeNumber(path+".port", port, 1, 65535, "; without it the data source URL's port is used")
	case d.Record != RecordSRV && base != nil:
		d.Port = defaultBasePort(base)
	}

	if v, ok := present(m, "refreshSeconds"); ok {
		var s float64
		if err := json.Unmarshal(v, &s); err != nil || s < MinDiscoveryRefresh.Seconds() || s > MaxDiscoveryRefresh.Seconds() {
			p.add("%s.refreshSeconds: %s is not valid; set it between %v and %v seconds (default %v)", path, bytes.TrimSpace(v),
				MinDiscoveryRefresh.Seconds(), MaxDiscoveryRefresh.Seconds(), DefaultDiscoveryRefresh.Seconds())
		} else {
			d.Refresh = time.Duration(s * float64(time.Second))
		}
	}
	return d
}

// defaultBasePort is the data source URL's port, or the scheme's.
func defaultBasePort(base *url.URL) int {
	port := base.Port()
	if port == "" {
		port = defaultPort(base.Scheme)
	}
	n, _ := strconv.Atoi(port)
	return n
}
