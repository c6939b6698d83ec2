package plugin

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func TestResources(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	values := func(body []byte) []string {
		var opts []Option
		if err := json.Unmarshal(body, &opts); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		var out []string
		for _, o := range opts {
			out = append(out, o.Value)
		}
		return out
	}
	tests := []struct {
		path string
		want []string
	}{
		{"categories", []string{"system", "api", "database", "cache", "business"}},
		{"metrics?category=api", []string{"api.error_rate", "api.requests.rate", "api.response_time.p95"}},
		{"services", []string{"brevo", "cache", "database", "stripe"}},
		{"severities", []string{"critical", "high", "medium", "low", "info"}},
	}
	for _, tt := range tests {
		res := callResource(t, ds, tt.path)
		if res.Status != 200 {
			t.Fatalf("%s: %d %s", tt.path, res.Status, res.Body)
		}
		if d := cmp.Diff(tt.want, values(res.Body)); d != "" {
			t.Fatalf("%s:\n%s", tt.path, d)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestResourceErrors(t *testing.T) {
	fake := fakeapi.New(t)
	tests := []struct {
		name, key, path string
		status          int
		want            string
	}{
		{"upstream 401 becomes 502 so Grafana's session is not touched", "wrong-key-1234", "categories", 502, "upstream returned 401 Unauthorized for /api/monitoring/metrics"},
		{"unknown route", fakeapi.APIKey, "nope", 404, "unknown resource GET /nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := newDS(t, fake.URL, `{"retries":0}`, map[string]string{"apiKey": tt.key})
			res := callResource(t, ds, tt.path)
			var body map[string]string
			_ = json.Unmarshal(res.Body, &body)
			if res.Status != tt.status || !strings.Contains(body["error"], tt.want) {
				t.Fatalf("%d %s", res.Status, res.Body)
			}
		})
	}
	t.Run("config error", func(t *testing.T) {
		ds := newDS(t, "", `{}`, nil)
		res := callResource(t, ds, "categories")
		if res.Status != 400 || !strings.Contains(string(res.Body), "the data source has no URL") {
			t.Fatalf("%d %s", res.Status, res.Body)
		}
	})
}
