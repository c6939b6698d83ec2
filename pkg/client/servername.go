package client

import (
	"net"
	"net/http"
	"net/url"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"

	"github.com/appmon/monitoring/pkg/settings"
)

// NewForInstance builds the client of one instance of a fleet: the data
// source's settings with the instance's base URL. When serverName is set
// (the instance's address was found in DNS, so base holds an IP), every
// request carries it as Host header and as TLS server name, so virtual
// hosts and certificates for the name still match. A server name set in
// the data source's TLS settings wins for TLS.
func NewForInstance(s *settings.Settings, base *url.URL, serverName string) (*Client, error) {
	st := *s
	st.BaseURL = base
	if serverName != "" {
		tlsOpts := st.HTTPOptions.TLS
		if tlsOpts == nil || tlsOpts.ServerName == "" {
			if tlsOpts != nil {
				cp := *tlsOpts
				tlsOpts = &cp
			} else {
				tlsOpts = &httpclient.TLSOptions{}
			}
			tlsOpts.ServerName = serverName
			st.HTTPOptions.TLS = tlsOpts
		}
	}
	c, err := New(&st)
	if err != nil || serverName == "" {
		return c, err
	}
	c.http.Transport = hostHeader{next: c.http.Transport, addr: base.Host, host: hostFor(serverName, base)}
	return c, nil
}

// hostFor is the Host header: the name, with the port when it is not the
// scheme's default.
func hostFor(name string, base *url.URL) string {
	port := base.Port()
	if port == "" || (base.Scheme == "http" && port == "80") || (base.Scheme == "https" && port == "443") {
		return name
	}
	return net.JoinHostPort(name, port)
}

// hostHeader sets the Host of every request to the instance's own
// address (redirects within it included); a redirect to an allowed other
// host keeps that host's name.
type hostHeader struct {
	next       http.RoundTripper
	addr, host string
}

func (h hostHeader) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != h.addr {
		return h.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.Host = h.host
	return h.next.RoundTrip(r2)
}
