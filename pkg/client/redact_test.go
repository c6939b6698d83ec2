package client

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// An upstream message echoing the key in any spelling comes back without
// it; the old exact replace missed every one of these.
func TestUpstreamEchoRedacted(t *testing.T) {
	const key = "Client-Test-Key-9f3a71"
	// The characters around a base64 or URL-encoded key that encode
	// other bytes stay.
	for name, tc := range map[string]struct{ echo, want string }{
		"upper case":  {strings.ToUpper(key), "[redacted]"},
		"cut to 9":    {key[4:13], "[redacted]"},
		"url encoded": {url.QueryEscape(key + "/x"), "[redacted]%2Fx"},
		"base64":      {base64.StdEncoding.EncodeToString([]byte("user:" + key)), "dXNlcjpD[redacted]"},
	} {
		t.Run(name, func(t *testing.T) {
			srv, _ := serve(t, func(_ int64, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"error":"key %s is not valid"}`, tc.echo)
			})
			c := newClient(t, srv.URL, `{"retries":0}`, key)
			_, err := c.Get(context.Background(), Request{Path: PathMetrics})
			want := "upstream rejected the request to /api/monitoring/metrics (400 Bad Request): key " + tc.want + " is not valid; adjust the query"
			if err == nil || err.Error() != want {
				t.Fatalf("err = %v\nwant  %s", err, want)
			}
		})
	}
}
