package settings

import (
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/redact"
)

// Secrets are the secureJsonData values removed from every output:
// the API key and the admin key, trimmed as Load trims them.
func Secrets(s backend.DataSourceInstanceSettings) []string {
	return []string{
		strings.TrimSpace(s.DecryptedSecureJSONData[SecureKeyAPIKey]),
		strings.TrimSpace(s.DecryptedSecureJSONData[SecureKeyAdminKey]),
	}
}

// NewRedactor builds the instance's redactor from its secrets; it works
// on settings Load refuses too, so even an error answer is scrubbed.
func NewRedactor(s backend.DataSourceInstanceSettings) *redact.Redactor {
	return redact.New(Secrets(s)...)
}

// checkSecrets refuses keys too short to be redacted safely: a run of
// fewer than redact.MinRun characters would match ordinary words.
func checkSecrets(apiKey, adminKey string) error {
	for _, k := range []struct{ name, value string }{{"API key", apiKey}, {"admin key", adminKey}} {
		if n := len(k.value); n > 0 && n < redact.MinRun {
			return configErrorf("the %s must be at least %d characters (the saved one has %d): paste the complete key under Connections > Data sources", k.name, redact.MinRun, n)
		}
	}
	return nil
}
