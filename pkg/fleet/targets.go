package fleet

import (
	"context"
	"net"
	"net/url"
)

// Target is one instance of the application the data source reads.
type Target struct {
	// Instance names the instance in labels and notices: host:port.
	Instance string
	// BaseURL is the instance's application root (scheme, host, optional
	// path prefix), in the same form as the data source URL.
	BaseURL *url.URL
	// ServerName is the DNS name requests carry as Host header and TLS
	// server name when BaseURL holds an address found by discovery; empty
	// when BaseURL already names the host.
	ServerName string
}

// Source lists the instances of the fleet. A static list never changes; a
// DNS source answers with the records it resolved last.
type Source interface {
	Targets(ctx context.Context) ([]Target, error)
}

// Static is a Source over a fixed list of base URLs.
type Static []Target

// NewStatic builds the Source of a configured list of instance URLs.
// Duplicate instances (the same host:port twice) are kept once, so a list
// written with a repeated line does not double a sum.
func NewStatic(urls []*url.URL) Static {
	out := make(Static, 0, len(urls))
	seen := make(map[string]bool, len(urls))
	for _, u := range urls {
		if u == nil {
			continue
		}
		t := Target{Instance: InstanceOf(u), BaseURL: u}
		if seen[t.Instance] {
			continue
		}
		seen[t.Instance] = true
		out = append(out, t)
	}
	return out
}

// Targets returns the list; it never fails.
func (s Static) Targets(context.Context) ([]Target, error) { return s, nil }

// InstanceOf is the instance label of a base URL: host:port, with the
// scheme's default port written out so that "http://a" and "http://a:80"
// are one instance.
func InstanceOf(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	port := "80"
	if u.Scheme == "https" {
		port = "443"
	}
	return net.JoinHostPort(u.Hostname(), port)
}
