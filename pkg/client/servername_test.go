package client

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/settings"
)

// An instance found in DNS is reached at its address but asked for by
// name: the Host header and the TLS server name carry the DNS name, and
// the certificate is checked against it.
func TestInstanceServerNameInHostAndTLS(t *testing.T) {
	var gotHost, gotSNI string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotHost, gotSNI = r.Host, r.TLS.ServerName
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"healthy"}`))
	}))
	t.Cleanup(srv.Close)
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		URL: "https://app.internal", JSONData: json.RawMessage(`{"tlsAuthWithCACert":true}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": testKey, "tlsCACert": caPEM},
	})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(srv.URL) // https://127.0.0.1:port
	// The test certificate is issued to example.com (and 127.0.0.1).
	c, err := NewForInstance(s, base, "example.com")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	if _, err := c.Get(context.Background(), Request{Path: PathHealth}); err != nil {
		t.Fatal(err)
	}
	if want := "example.com:" + base.Port(); gotHost != want {
		t.Errorf("Host %q, want %q", gotHost, want)
	}
	if gotSNI != "example.com" {
		t.Errorf("TLS server name %q, want example.com", gotSNI)
	}
	if c.BaseURL().String() != srv.URL || s.BaseURL.String() != "https://app.internal" {
		t.Errorf("instance base %s, data source base %s: the instance's URL must not change the settings", c.BaseURL(), s.BaseURL)
	}

	// Without a server name the address is the host, as for a listed URL.
	c2, err := NewForInstance(s, base, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c2.Close)
	if _, err := c2.Get(context.Background(), Request{Path: PathHealth}); err != nil {
		t.Fatal(err)
	}
	if gotHost != base.Host {
		t.Errorf("Host %q, want the address %q", gotHost, base.Host)
	}
}

// A name the certificate does not cover fails TLS: the server name is
// really what is verified.
func TestInstanceServerNameIsVerified(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(srv.Close)
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		URL: "https://app.internal", JSONData: json.RawMessage(`{"tlsAuthWithCACert":true,"retries":0}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": testKey, "tlsCACert": caPEM},
	})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(srv.URL)
	c, err := NewForInstance(s, base, "app.internal")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	if _, err := c.Get(context.Background(), Request{Path: PathHealth}); !IsKind(err, KindTLS) {
		t.Fatalf("want a TLS error for a name the certificate lacks, got %v", err)
	}
}
