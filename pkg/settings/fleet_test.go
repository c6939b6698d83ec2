package settings

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := ParseBaseURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestParseFleetValid(t *testing.T) {
	tests := []struct {
		name, base, jsonData string
		want                 string // fmt of the fleet, "<nil>" for none
	}{
		{"no fleet key", "http://lb:4000", `{"timeoutSeconds":5}`, "<nil>"},
		{"null fleet", "http://lb:4000", `{"fleet":null}`, "<nil>"},
		{"instances", "http://lb:4000", `{"fleet":{"instances":["http://a:4000/","https://b/app/api/health/check"]}}`,
			"instances=[http://a:4000 https://b/app] max=16"},
		{"instances with concurrency", "http://lb:4000", `{"fleet":{"instances":["http://a:4000"],"maxConcurrency":256}}`,
			"instances=[http://a:4000] max=256"},
		{"discovery defaults: port from the URL", "http://lb:4000/prefix", `{"fleet":{"discovery":{"name":"app.internal"}}}`,
			"discovery={app.internal A 4000 http /prefix 30s} max=16"},
		{"discovery defaults: port from the https scheme", "https://lb", `{"fleet":{"discovery":{"name":"app.internal","record":"aaaa"}}}`,
			"discovery={app.internal AAAA 443 https  30s} max=16"},
		{"discovery defaults: port from the http scheme", "http://lb", `{"fleet":{"discovery":{"name":"app.internal."}}}`,
			"discovery={app.internal. A 80 http  30s} max=16"},
		{"discovery with everything", "http://lb:4000", `{"fleet":{"discovery":{"name":"app.internal","record":"A","port":8080,"refreshSeconds":5},"maxConcurrency":1}}`,
			"discovery={app.internal A 8080 http  5s} max=1"},
		{"SRV", "https://lb:9000", `{"fleet":{"discovery":{"name":"_http._tcp.app.internal","record":"SRV","refreshSeconds":3600}}}`,
			"discovery={_http._tcp.app.internal SRV 0 https  1h0m0s} max=16"},
		{"null instances beside discovery", "http://lb", `{"fleet":{"instances":null,"discovery":{"name":"x"}}}`,
			"discovery={x A 80 http  30s} max=16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFleet([]byte(tt.jsonData), mustURL(t, tt.base))
			if err != nil {
				t.Fatal(err)
			}
			if got := describeFleet(f); got != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func describeFleet(f *Fleet) string {
	switch {
	case f == nil:
		return "<nil>"
	case f.Discovery != nil:
		return fmt.Sprintf("discovery=%v max=%d", *f.Discovery, f.MaxConcurrency)
	}
	return fmt.Sprintf("instances=%v max=%d", f.Instances, f.MaxConcurrency)
}

func TestParseFleetProblems(t *testing.T) {
	many := make([]string, MaxFleetInstances+1)
	for i := range many {
		many[i] = fmt.Sprintf(`"http://10.0.%d.%d:4000"`, i/256, i%256)
	}
	tests := []struct {
		name, jsonData string
		want           map[string]string // path -> part of the message; "" path for the whole section
	}{
		{"not an object", `{"fleet":["http://a"]}`, map[string]string{"": `must be an object like {"instances"`}},
		{"empty object", `{"fleet":{}}`, map[string]string{"": "set instances (a list of base URLs) or discovery (a DNS name)"}},
		{"both", `{"fleet":{"instances":["http://a"],"discovery":{"name":"x"}}}`, map[string]string{"": "not both"}},
		{"misspelt key", `{"fleet":{"instances":["http://a"],"maxconcurrency":3}}`, map[string]string{
			"": `"maxconcurrency" is not a setting here; use instances, discovery, maxConcurrency`}},
		{"instances not a list", `{"fleet":{"instances":"http://a"}}`, map[string]string{"fleet.instances": "must be a list of base URLs"}},
		{"empty list", `{"fleet":{"instances":[]}}`, map[string]string{"fleet.instances": "is empty"}},
		{"too many", `{"fleet":{"instances":[` + strings.Join(many, ",") + `]}}`, map[string]string{
			"fleet.instances": "has 1001 instances; at most 1000 are supported: scrape a fleet this large with Prometheus"}},
		{"each instance", `{"fleet":{"instances":["http://a:4000","ftp://b","http://bob:hunter22@c","http://a:4000/","http://d/?k=1",5,"","http://e:70000","http://f:80","http://f"]}}`,
			map[string]string{
				"fleet.instances[1]": `"ftp://b" is not a base URL; use http:// or https://`,
				"fleet.instances[2]": "http://bob:xxxxx@c contains a user name or password: remove it; the API key goes in the API key field",
				"fleet.instances[3]": "http://a:4000 is the same instance as fleet.instances[0]; list each instance once",
				"fleet.instances[4]": "has a query string",
				"fleet.instances[5]": "5 is not a URL",
				"fleet.instances[6]": "is empty",
				"fleet.instances[7]": "has port 70000; use a port between 1 and 65535",
				"fleet.instances[9]": "http://f is the same instance as fleet.instances[8]",
			}},
		{"concurrency", `{"fleet":{"instances":["http://a"],"maxConcurrency":0}}`, map[string]string{
			"fleet.maxConcurrency": "0 is not valid; set a whole number between 1 and 256 requests at once (default 16)"}},
		{"concurrency too high", `{"fleet":{"instances":["http://a"],"maxConcurrency":257}}`, map[string]string{"fleet.maxConcurrency": "257 is not valid"}},
		{"concurrency not whole", `{"fleet":{"instances":["http://a"],"maxConcurrency":1.5}}`, map[string]string{"fleet.maxConcurrency": "1.5 is not valid"}},
		{"concurrency text", `{"fleet":{"instances":["http://a"],"maxConcurrency":"8"}}`, map[string]string{"fleet.maxConcurrency": `"8" is not valid`}},
		{"discovery not an object", `{"fleet":{"discovery":"app.internal"}}`, map[string]string{"fleet.discovery": "must be an object like"}},
		{"no name", `{"fleet":{"discovery":{"record":"A"}}}`, map[string]string{"fleet.discovery.name": "is required"}},
		{"name with scheme and port", `{"fleet":{"discovery":{"name":"http://app.internal:4000"}}}`, map[string]string{
			"fleet.discovery.name": "without scheme, port or path"}},
		{"name with a space", `{"fleet":{"discovery":{"name":"app internal"}}}`, map[string]string{"fleet.discovery.name": "is not a DNS name"}},
		{"name not text", `{"fleet":{"discovery":{"name":5}}}`, map[string]string{"fleet.discovery.name": "5 is not text"}},
		{"record", `{"fleet":{"discovery":{"name":"x","record":"CNAME"}}}`, map[string]string{
			"fleet.discovery.record": `"CNAME" is not supported; use "A" (A and AAAA records), "AAAA" or "SRV"`}},
		{"port", `{"fleet":{"discovery":{"name":"x","port":0}}}`, map[string]string{"fleet.discovery.port": "between 1 and 65535"}},
		{"port too high", `{"fleet":{"discovery":{"name":"x","port":65536}}}`, map[string]string{"fleet.discovery.port": "65536 is not valid"}},
		{"port with SRV", `{"fleet":{"discovery":{"name":"x","record":"SRV","port":80}}}`, map[string]string{
			"fleet.discovery.port": "SRV records carry the port of each instance; remove port"}},
		{"refresh too short", `{"fleet":{"discovery":{"name":"x","refreshSeconds":4}}}`, map[string]string{
			"fleet.discovery.refreshSeconds": "4 is not valid; set it between 5 and 3600 seconds (default 30)"}},
		{"refresh too long", `{"fleet":{"discovery":{"name":"x","refreshSeconds":3601}}}`, map[string]string{"fleet.discovery.refreshSeconds": "3601 is not valid"}},
		{"misspelt discovery key", `{"fleet":{"discovery":{"name":"x","refresh":10}}}`, map[string]string{
			"fleet.discovery": `"refresh" is not a setting here; use name, record, port, refreshSeconds`}},
		{"every discovery problem at once", `{"fleet":{"discovery":{"record":"MX","port":-1,"refreshSeconds":1},"maxConcurrency":0}}`, map[string]string{
			"fleet.discovery.record": "MX", "fleet.discovery.name": "required", "fleet.discovery.port": "-1",
			"fleet.discovery.refreshSeconds": "1 is not valid", "fleet.maxConcurrency": "0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFleet([]byte(tt.jsonData), mustURL(t, "http://lb:4000"))
			var fe *FleetError
			if !errors.As(err, &fe) || f != nil {
				t.Fatalf("fleet %v, err %v; want a FleetError", f, err)
			}
			if !errors.Is(err, ErrConfig) {
				t.Fatal("a fleet problem must be a configuration error")
			}
			got := map[string]string{}
			for _, p := range fe.Fields() {
				if _, dup := got[p.Path]; dup {
					t.Fatalf("two problems for %q: %v", p.Path, fe.Problems)
				}
				got[p.Path] = p.Message
			}
			for path, part := range tt.want {
				if !strings.Contains(got[path], part) {
					t.Errorf("problem at %q = %q, want it to contain %q (all: %v)", path, got[path], part, fe.Problems)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("problems %v, want exactly the paths of %v", fe.Problems, tt.want)
			}
			if strings.Contains(err.Error(), "hunter22") {
				t.Fatalf("a password is echoed: %v", err)
			}
			if strings.Contains(err.Error(), "float64") || strings.Contains(err.Error(), "json.") || strings.Contains(err.Error(), "Go ") {
				t.Fatalf("a Go type name in %q", err)
			}
		})
	}
}

func TestLoadFleet(t *testing.T) {
	s, err := load(t, "https://lb.example.com:8443/app", `{"fleet":{"discovery":{"name":"app.internal","refreshSeconds":10}}}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Discovery{Name: "app.internal", Record: RecordA, Port: 8443, Scheme: "https", PathPrefix: "/app", Refresh: 10 * time.Second}
	if s.Fleet == nil || s.Fleet.Discovery == nil || *s.Fleet.Discovery != want || s.Fleet.MaxConcurrency != DefaultFleetMaxConcurrency {
		t.Fatalf("fleet = %+v, want discovery %+v", s.Fleet, want)
	}
	if s, err = load(t, "http://lb", `{}`, nil); err != nil || s.Fleet != nil {
		t.Fatalf("without fleet: %+v, %v; want one instance (nil fleet)", s.Fleet, err)
	}
}

// Load reports the fleet's problems together with the others.
func TestLoadFleetProblemsBesideOthers(t *testing.T) {
	_, err := load(t, "ftp://lb", `{"slos":[{"kind":"nope"}],"fleet":{"instances":["http://a","http://a"]}}`, nil)
	if err == nil {
		t.Fatal("no error")
	}
	var fe *FleetError
	if !errors.As(err, &fe) || !errors.Is(err, ErrConfig) {
		t.Fatalf("err = %v; want the fleet problem among them", err)
	}
	for _, part := range []string{"the data source URL", "SLO configuration", "fleet.instances[1]: http://a is the same instance as fleet.instances[0]"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("%q missing from %v", part, err)
		}
	}
}
