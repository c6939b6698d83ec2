package integration

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/plugin"
	"github.com/appmon/monitoring/pkg/settings"
)

// upstream is the client a data source with these settings talks to the
// server with, for tests that call an endpoint directly.
func upstream(t testing.TB, url, jsonData, key string) *client.Client {
	t.Helper()
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		UID: "it", Name: "AppMon", Type: plugin.PluginID, URL: url, JSONData: json.RawMessage(jsonData),
		DecryptedSecureJSONData: map[string]string{"apiKey": key},
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}
