package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeProvisioning(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ds.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const provisioning = `# comments may mention ${VAR}
apiVersion: 1
datasources:
  - name: Other
    type: prometheus
    url: http://prom
  - name: AppMon
    uid: appmon
    type: appmon-endpoints-datasource
    url: ${APPMON_API_URL}
    jsonData:
      timeoutSeconds: 10
    secureJsonData:
      apiKey: ${APPMON_METRICS_API_KEY}
`

func TestReadDataSourcesExpandsTheEnvironment(t *testing.T) {
	got, err := readDataSources(writeProvisioning(t, provisioning), map[string]string{
		"APPMON_API_URL": "http://127.0.0.1:1", "APPMON_METRICS_API_KEY": "k",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].UID != "appmon" || got[0].URL != "http://127.0.0.1:1" || got[0].SecureJSONData["apiKey"] != "k" {
		t.Fatalf("got %+v", got)
	}
	if got[0].JSONData["timeoutSeconds"] != 10 {
		t.Fatalf("jsonData %v", got[0].JSONData)
	}
	// The browser sees that a key is set, never the key.
	pub := got[0].public()
	if fields := pub["secureJsonFields"].(map[string]bool); !fields["apiKey"] {
		t.Fatalf("secureJsonFields %v", fields)
	}
	for k, v := range pub {
		if s, ok := v.(string); ok && s == "k" {
			t.Fatalf("the API key is in the public settings under %q", k)
		}
	}
}

func TestReadDataSourcesRefusesAnUnsetVariable(t *testing.T) {
	_, err := readDataSources(writeProvisioning(t, provisioning), map[string]string{"APPMON_API_URL": "http://127.0.0.1:1"})
	if err == nil || !strings.Contains(err.Error(), "APPMON_METRICS_API_KEY") {
		t.Fatalf("err %v, want one naming APPMON_METRICS_API_KEY", err)
	}
}
