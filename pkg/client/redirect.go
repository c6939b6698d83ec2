package client

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// maxRedirects matches net/http's own limit.
const maxRedirects = 10

// RedirectError is a redirect the client refused to follow. Target is the
// origin it pointed to (scheme://host[:port], never a path or query),
// already redacted; HostPort is what to add to the allowed hosts.
type RedirectError struct {
	Target    string
	HostPort  string
	Downgrade bool
	TooMany   bool
}

func (e *RedirectError) Error() string {
	switch {
	case e.TooMany:
		return fmt.Sprintf("stopped after %d redirects", maxRedirects)
	case e.Downgrade:
		return "refused a redirect from HTTPS to " + e.Target
	}
	return "refused a redirect to " + e.Target
}

// checkRedirect is the http.Client's CheckRedirect: a redirect within the
// data source URL's origin (scheme, host and port) is followed with the
// API key; one to a host the user listed in allowedRedirectHosts too,
// unless it leaves HTTPS for HTTP; anything else is refused before a
// request is sent, so the other host never sees the key.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return &RedirectError{TooMany: true}
	}
	to := req.URL
	if sameOrigin(c.base, to) {
		return nil
	}
	e := &RedirectError{Target: c.red.String(origin(to)), HostPort: c.red.String(hostPort(to))}
	if c.base.Scheme == "https" && to.Scheme != "https" {
		e.Downgrade = true
		return e
	}
	if c.allowedHost(to) {
		return nil
	}
	return e
}

// allowedHost matches "host:port" entries exactly and bare "host" entries
// on the scheme's default port.
func (c *Client) allowedHost(u *url.URL) bool {
	host, port := strings.ToLower(u.Hostname()), effectivePort(u)
	withPort := net.JoinHostPort(host, port)
	bare := host
	if strings.Contains(host, ":") {
		bare = "[" + host + "]"
	}
	return slices.Contains(c.allowedHosts, withPort) || (port == defaultPort(u.Scheme) && slices.Contains(c.allowedHosts, bare))
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && effectivePort(a) == effectivePort(b)
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	return defaultPort(u.Scheme)
}

func defaultPort(scheme string) string {
	if strings.EqualFold(scheme, "https") {
		return "443"
	}
	return "80"
}

// hostPort is the allowed-hosts entry for u: host, plus the port when it
// is not the scheme's default.
func hostPort(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if p := effectivePort(u); p != defaultPort(u.Scheme) {
		return net.JoinHostPort(host, p)
	}
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

func origin(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + hostPort(u)
}

// redirectMessage is the user's sentence for a refused redirect.
func (e *Error) redirectMessage() string {
	re, _ := e.Err.(*RedirectError)
	switch {
	case re == nil:
		return fmt.Sprintf("the server redirected %s to another host; AppMon does not send the API key to another host", e.Path)
	case re.TooMany:
		return fmt.Sprintf("the server redirected %s more than %d times; check the data source URL", e.Path, maxRedirects)
	case re.Downgrade:
		return fmt.Sprintf("the server redirected %s from HTTPS to %s, which is not encrypted; AppMon does not send the API key over plain HTTP: fix the server's redirect or the data source URL", e.Path, re.Target)
	}
	return fmt.Sprintf("the server redirected %s to %s, a different host; AppMon does not send the API key to another host. Add %s to Allowed redirect hosts in the data source settings if that host is yours.", e.Path, re.Target, re.HostPort)
}
