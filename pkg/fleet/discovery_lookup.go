package fleet

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/appmon/monitoring/pkg/settings"
)

// ResolveError is a DNS name that gave no instances, with the reason in
// the user's words.
type ResolveError struct {
	Name   string
	Reason string
}

func (e *ResolveError) Error() string {
	return "DNS name " + e.Name + " did not resolve: " + e.Reason
}

// lookup resolves the name once into targets in a stable order.
func lookup(ctx context.Context, r Resolver, cfg settings.Discovery) ([]Target, error) {
	name := strings.TrimSuffix(cfg.Name, ".")
	if cfg.Record == settings.RecordSRV {
		_, records, err := r.LookupSRV(ctx, "", "", cfg.Name)
		if err != nil {
			return nil, &ResolveError{Name: name, Reason: reason(ctx, err, "SRV records")}
		}
		targets := srvTargets(records, cfg)
		if len(targets) == 0 {
			return nil, &ResolveError{Name: name, Reason: "its SRV records list no instance"}
		}
		return targets, nil
	}
	network, kinds := "ip", "A or AAAA records"
	if cfg.Record == settings.RecordAAAA {
		network, kinds = "ip6", "AAAA records"
	}
	ips, err := r.LookupIP(ctx, network, cfg.Name)
	if err == nil && len(ips) == 0 {
		err = &net.DNSError{Err: "no addresses", Name: cfg.Name, IsNotFound: true}
	}
	if err != nil {
		return nil, &ResolveError{Name: name, Reason: reason(ctx, err, kinds)}
	}
	return addressTargets(ips, name, cfg), nil
}

// addressTargets gives one target per address, IPv4 first, each in
// address order; requests carry the DNS name as Host and TLS server name.
func addressTargets(ips []net.IP, name string, cfg settings.Discovery) []Target {
	keys := make([]net.IP, 0, len(ips))
	for _, ip := range ips {
		if v4 := ip.To4(); v4 != nil {
			ip = v4
		}
		keys = append(keys, ip)
	}
	slices.SortFunc(keys, func(a, b net.IP) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), bytes.Compare(a, b))
	})
	keys = slices.CompactFunc(keys, net.IP.Equal)
	port := strconv.Itoa(cfg.Port)
	out := make([]Target, 0, len(keys))
	for _, ip := range keys {
		hostPort := net.JoinHostPort(ip.String(), port)
		out = append(out, Target{Instance: hostPort, BaseURL: baseURL(cfg, hostPort), ServerName: name})
	}
	return out
}

// srvTargets gives one target per record, by priority (lowest first),
// weight (highest first), then host and port, so the order is the same on
// every refresh (the resolver shuffles records of equal priority).
func srvTargets(records []*net.SRV, cfg settings.Discovery) []Target {
	type hostPort struct {
		host string
		port uint16
		prio uint16
		wt   uint16
	}
	list := make([]hostPort, 0, len(records))
	for _, r := range records {
		host := strings.TrimSuffix(r.Target, ".")
		if host == "" || r.Port == 0 { // "." means: no service here
			continue
		}
		list = append(list, hostPort{host: strings.ToLower(host), port: r.Port, prio: r.Priority, wt: r.Weight})
	}
	slices.SortFunc(list, func(a, b hostPort) int {
		return cmp.Or(cmp.Compare(a.prio, b.prio), cmp.Compare(b.wt, a.wt), cmp.Compare(a.host, b.host), cmp.Compare(a.port, b.port))
	})
	out := make([]Target, 0, len(list))
	seen := make(map[string]bool, len(list))
	for _, r := range list {
		instance := net.JoinHostPort(r.host, strconv.Itoa(int(r.port)))
		if seen[instance] {
			continue
		}
		seen[instance] = true
		out = append(out, Target{Instance: instance, BaseURL: baseURL(cfg, instance), ServerName: r.host})
	}
	return out
}

func baseURL(cfg settings.Discovery, hostPort string) *url.URL {
	scheme := cfg.Scheme
	if scheme == "" {
		scheme = "http"
	}
	return &url.URL{Scheme: scheme, Host: hostPort, Path: cfg.PathPrefix}
}

// reason turns a resolver error into words: which records are missing,
// or that the DNS server did not answer in time.
func reason(ctx context.Context, err error, kinds string) string {
	var dnsErr *net.DNSError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return "the DNS server did not answer in time"
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "the name does not exist or has no " + kinds
	case errors.As(err, &dnsErr) && dnsErr.IsTimeout:
		return "the DNS server did not answer in time"
	case errors.As(err, &dnsErr) && strings.Contains(dnsErr.Err, "connection refused"):
		return "no DNS server answered (connection refused)"
	case errors.As(err, &dnsErr):
		return "the DNS server gave no usable answer (" + dnsErr.Err + ")"
	}
	return err.Error()
}
