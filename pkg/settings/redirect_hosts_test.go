package settings

import (
	"slices"
	"strings"
	"testing"
)

func TestAllowedRedirectHosts(t *testing.T) {
	for jd, want := range map[string][]string{
		`{}`: {},
		`{"allowedRedirectHosts":["Other.Example:8443","api.example.com","https://cdn.example.com/","[::1]:9000","::1"]}`: {"other.example:8443", "api.example.com", "cdn.example.com", "[::1]:9000", "[::1]"},
		`{"allowedRedirectHosts":"a.example, b.example:81"}`:                                                              {"a.example", "b.example:81"},
	} {
		s, err := load(t, "http://h", jd, nil)
		if err != nil {
			t.Fatalf("%s: %v", jd, err)
		}
		if !slices.Equal(s.AllowedRedirectHosts, want) {
			t.Errorf("%s: %q, want %q", jd, s.AllowedRedirectHosts, want)
		}
	}
	for jd, want := range map[string]string{
		`{"allowedRedirectHosts":["ok.example","bad.example/path"]}`: `allowedRedirectHosts[1]: "bad.example/path" is not a host name`,
		`{"allowedRedirectHosts":["x.example:0"]}`:                   `allowedRedirectHosts[0]: "x.example:0" has no valid port`,
		`{"allowedRedirectHosts":["user@x.example"]}`:                `allowedRedirectHosts[0]: "user@x.example" is not a host name`,
		`{"allowedRedirectHosts":[""]}`:                              `allowedRedirectHosts[0]: "" is empty`,
		`{"allowedRedirectHosts":42}`:                                `allowedRedirectHosts must be a list of host names`,
	} {
		_, err := load(t, "http://h", jd, nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want …%s…", jd, err, want)
		}
	}
}
