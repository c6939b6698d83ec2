package settings

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func load(t *testing.T, url, jsonData string, secure map[string]string) (*Settings, error) {
	t.Helper()
	return Load(context.Background(), backend.DataSourceInstanceSettings{
		UID: "ds1", Name: "AppMon", URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: secure,
	})
}

func TestLoadDefaults(t *testing.T) {
	s, err := load(t, "http://localhost:4000/", `{}`, map[string]string{"apiKey": " key-0001 ", "adminKey": "admin-01"})
	if err != nil {
		t.Fatal(err)
	}
	if s.BaseURL.String() != "http://localhost:4000" || s.Timeout != DefaultTimeout || s.CacheTTL != DefaultCacheTTL ||
		s.MaxResponseBytes != DefaultMaxResponseBytes || s.Retries != DefaultRetries || s.StreamInterval != DefaultStreamInterval {
		t.Fatalf("defaults not applied: %+v", s)
	}
	if s.APIKey != "key-0001" || s.AdminKey != "admin-01" {
		t.Fatalf("secrets: %q %q", s.APIKey, s.AdminKey)
	}
	if s.HTTPOptions.Timeouts.Timeout != DefaultTimeout || s.HTTPOptions.Timeouts.DialTimeout > DefaultTimeout {
		t.Fatalf("http timeouts: %+v", s.HTTPOptions.Timeouts)
	}
}

func TestLoadOptions(t *testing.T) {
	s, err := load(t, "https://app.example.com/prefix", `{"timeoutSeconds":2.5,"cacheTTLSeconds":0,"maxResponseBytes":2048,"retries":0,"streamIntervalSeconds":1,"tlsSkipVerify":true}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Timeout != 2500*time.Millisecond || s.CacheTTL != 0 || s.MaxResponseBytes != 2048 || s.Retries != 0 || s.StreamInterval != time.Second {
		t.Fatalf("options not applied: %+v", s)
	}
	if s.HTTPOptions.TLS == nil || !s.HTTPOptions.TLS.InsecureSkipVerify {
		t.Fatalf("TLS option from the SDK's standard key not applied: %+v", s.HTTPOptions.TLS)
	}
	if s.HTTPOptions.Timeouts.DialTimeout != 2500*time.Millisecond {
		t.Fatalf("dial timeout must not exceed the timeout: %v", s.HTTPOptions.Timeouts.DialTimeout)
	}
}

// Secrets only ever come from secureJsonData.
func TestAPIKeyNotReadFromJSONData(t *testing.T) {
	s, err := load(t, "http://h", `{"apiKey":"leaked"}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.APIKey != "" {
		t.Fatalf("api key read from jsonData: %q", s.APIKey)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, url, jsonData, want string
	}{
		{"no url", "", `{}`, "the data source has no URL: set the monitoring API's base URL"},
		{"bad scheme", "ftp://host", `{}`, `the data source URL "ftp://host" is not valid`},
		{"no host", "http://", `{}`, "is not valid"},
		{"user info", "http://bob:secretpw@host", `{}`, "contains a user name or password"},
		{"query string", "http://host/?api_key=secretpw", `{}`, "has a query string"},
		{"timeout too small", "http://h", `{"timeoutSeconds":0}`, "timeoutSeconds is 0; set it between 1 and 300 seconds"},
		{"timeout wrong type", "http://h", `{"timeoutSeconds":"ten"}`, "not valid JSON or have a wrong type"},
		{"negative retries", "http://h", `{"retries":-1}`, "retries is -1; set it between 0 and 5"},
		{"tiny limit", "http://h", `{"maxResponseBytes":10}`, "maxResponseBytes is 10; set it to at least 1024"},
		{"stream too fast", "http://h", `{"streamIntervalSeconds":0.1}`, "streamIntervalSeconds is 0.1"},
		{"cache too long", "http://h", `{"cacheTTLSeconds":100000}`, "cacheTTLSeconds is 100000"},
		{"SDK option of the wrong type", "http://h", `{"tlsAuthWithCACert":true,"serverName":5}`, "the HTTP settings of the data source are not valid: an HTTP option in jsonData has the wrong type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.url, tt.jsonData, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("err is not a config error: %T", err)
			}
			if strings.Contains(err.Error(), "secretpw") {
				t.Fatalf("error leaks a secret: %v", err)
			}
		})
	}
}

func TestParseBaseURLStripsEndpoint(t *testing.T) {
	for in, want := range map[string]string{
		"https://app.example.com/api/monitoring/metrics": "https://app.example.com",
		"https://app.example.com/base/api/health/check/": "https://app.example.com/base",
		"http://127.0.0.1:4000":                          "http://127.0.0.1:4000",
	} {
		u, err := ParseBaseURL(in)
		if err != nil || u.String() != want {
			t.Errorf("ParseBaseURL(%q) = %v, %v; want %q", in, u, err, want)
		}
	}
}
