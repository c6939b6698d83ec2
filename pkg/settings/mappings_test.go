package settings

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadMappings(t *testing.T) {
	cases := []struct {
		name, jsonData string
		want           []string // substrings of the error; none means valid
		mapped         []string
	}{
		{"absent", `{"timeoutSeconds":5}`, nil, nil},
		{"null", `{"mappings":null}`, nil, nil},
		{"valid", `{"mappings":{"alerts":{"items":"$.payload.alertList[*]","fields":{"startedAt":"$.when"}},"uptime":null}}`, nil, []string{"alerts"}},
		{"bad path", `{"mappings":{"alerts":{"fields":{"startedAt":"$.when["}}}}`,
			[]string{`response mappings (jsonData.mappings): mappings.alerts.fields.startedAt: "$.when[" is not a valid JSONPath`}, nil},
		{"misspelt key", `{"mappings":{"alerts":{"item":"$.a[*]"}}}`,
			[]string{`mappings.alerts: unknown key "item"; use root, items, fields`}, nil},
		{"wrong type", `{"mappings":{"metrics":{"items":["$.a"]}}}`,
			[]string{`mappings.metrics: items must be a JSONPath string`}, nil},
		{"fields not an object", `{"mappings":{"metrics":{"fields":"$.a"}}}`,
			[]string{`mappings.metrics: fields must be an object of field names and JSONPath strings`}, nil},
		{"not an object", `{"mappings":["alerts"]}`, []string{"mappings must be an object with one entry per endpoint"}, nil},
		{"endpoint not an object", `{"mappings":{"health":"$.x"}}`, []string{"mappings.health: must be an object"}, nil},
		{"all problems together", `{"mappings":{"alerts":{"root":"$["},"health":{"services":"$.s[","x":1}}}`,
			[]string{"mappings.alerts.root:", `mappings.health: unknown key "x"`}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := LoadMappings([]byte(tc.jsonData))
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(m.Endpoints(), ","); got != strings.Join(tc.mapped, ",") {
					t.Fatalf("mapped endpoints %q, want %q", got, tc.mapped)
				}
				return
			}
			if err == nil {
				t.Fatal("want an error")
			}
			if !errors.Is(err, ErrConfig) {
				t.Errorf("%T is not a settings error", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "json:") || strings.Contains(err.Error(), "Go struct") {
				t.Errorf("error speaks Go: %q", err)
			}
		})
	}
}
