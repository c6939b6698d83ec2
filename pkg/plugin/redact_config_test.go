package plugin

import (
	"context"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// A key too short to redact safely is refused with a sentence that says
// so, in the health check and in every query, without echoing the key.
func TestShortKeyRefused(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{}`, map[string]string{"apiKey": "abc123"})
	want := "the API key must be at least 8 characters (the saved one has 6)"
	h, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil || h.Status != backend.HealthStatusError || !strings.HasPrefix(strings.ToLower(h.Message[:1])+h.Message[1:], want) {
		t.Fatalf("health %v %q, %v; want an error starting %q", h.Status, h.Message, err, want)
	}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{}`)}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error == nil || !strings.HasPrefix(r.Error.Error(), want) || r.Status != backend.StatusBadRequest || r.ErrorSource != backend.ErrorSourceDownstream {
		t.Fatalf("query: %+v; want a 400 downstream error starting %q", r, want)
	}
	for _, s := range []string{h.Message, r.Error.Error()} {
		if strings.Contains(s, "abc123") {
			t.Fatalf("the message echoes the key: %q", s)
		}
	}
}
