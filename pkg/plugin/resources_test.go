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

	res := callResource(t, ds, "annotations?from=1748736000000&to=1748779200000")
	var anns []Annotation
	if err := json.Unmarshal(res.Body, &anns); err != nil || res.Status != 200 || len(anns) != 2 {
		t.Fatalf("annotations: %d %s", res.Status, res.Body)
	}
	if anns[0].Title != "Payment Failures" || anns[0].TimeEnd == 0 || anns[1].TimeEnd != 0 || !contains(anns[0].Tags, "severity:critical") {
		t.Fatalf("annotations = %+v", anns)
	}
	res = callResource(t, ds, "annotations?from=2025-06-01T00:00:00Z&to=2025-06-02T00:00:00Z&source=incidents")
	if err := json.Unmarshal(res.Body, &anns); err != nil || len(anns) != 1 || anns[0].Source != "incidents" {
		t.Fatalf("incidents: %d %s", res.Status, res.Body)
	}

	res = callResource(t, ds, "capabilities")
	var caps map[string]any
	if err := json.Unmarshal(res.Body, &caps); err != nil || caps["discovered"] != true || caps["contract_version"] != "1.0" {
		t.Fatalf("capabilities: %s", res.Body)
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
		{"bad time", fakeapi.APIKey, "annotations?from=yesterday&to=1", 400, `from="yesterday" is not a time`},
		{"missing time", fakeapi.APIKey, "annotations?to=1", 400, "from is missing"},
		{"bad source", fakeapi.APIKey, "annotations?from=1&to=2&source=logs", 400, `source "logs" is not known`},
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
