package settings

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Load reads the whole configuration: connection, objectives and schedule,
// and names every problem of all three in one error.
func TestLoadWholeConfiguration(t *testing.T) {
	load := func(url, jsonData string) (*Settings, error) {
		return Load(context.Background(), backend.DataSourceInstanceSettings{
			URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: map[string]string{"apiKey": "key-12345678"},
		})
	}
	s, err := load("http://127.0.0.1:3000", `{}`)
	if err != nil || len(s.Objectives) != 3 || s.Schedule == nil || len(s.Schedule.Layers) == 0 {
		t.Fatalf("defaults: %v %+v", err, s)
	}
	s, err = load("http://127.0.0.1:3000", `{"slos":[],"oncall":{"layers":[{"name":"p","members":[{"name":"A"}]}]}}`)
	if err != nil || len(s.Objectives) != 0 || len(s.Schedule.Layers) != 1 {
		t.Fatalf("configured: %v %+v", err, s)
	}
	s, err = load("", `{"timeoutSeconds":0,"slos":[{"id":"x","target":120}],"oncall":{"layers":"no"}}`)
	var problems Problems
	if s != nil || err == nil || !asProblems(err, &problems) || len(problems) != 3 {
		t.Fatalf("three problems in one error: %v", err)
	}
	for _, word := range []string{"URL", "slos", "oncall"} {
		if !strings.Contains(err.Error(), word) {
			t.Errorf("%q does not name %s", err, word)
		}
	}
}

func asProblems(err error, p *Problems) bool {
	v, ok := err.(Problems)
	*p = v
	return ok
}
