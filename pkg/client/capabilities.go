package client

import (
	"context"
	"sync"
	"time"

	"github.com/appmon/monitoring/pkg/parse"
)

// How long a discovery result is trusted. Servers rarely gain or lose
// extensions, but a failed discovery (server down, bad key) is retried
// soon so the extensions come back once the server does.
const (
	capabilitiesTTL        = 5 * time.Minute
	capabilitiesFailureTTL = 15 * time.Second
)

// Capabilities is what discovery found.
type Capabilities struct {
	parse.Capabilities
	// Discovered is false when the server has no capabilities endpoint
	// (404: core contract only) or discovery failed.
	Discovered bool
	// Err is why discovery failed; nil for a 404.
	Err error
}

type capabilitiesCache struct {
	mu      sync.Mutex
	value   Capabilities
	expires time.Time
}

// Capabilities discovers the server's optional extensions, once per TTL
// per data source instance. It never fails: on error the result is "core
// only" with Err set, and queries fall back to the core endpoints.
func (c *Client) Capabilities(ctx context.Context) Capabilities {
	now := c.now()
	c.caps.mu.Lock()
	if now.Before(c.caps.expires) {
		v := c.caps.value
		c.caps.mu.Unlock()
		return v
	}
	c.caps.mu.Unlock()
	return c.sharedDiscovery(ctx)
}

// RefreshCapabilities discovers again, ignoring the cached result (the
// health check runs after a server may have been upgraded).
func (c *Client) RefreshCapabilities(ctx context.Context) Capabilities {
	return c.sharedDiscovery(ctx)
}

// sharedDiscovery runs one discovery for every caller waiting on it. Like
// a coalesced fetch it runs on a context of its own with the data
// source's timeout: one viewer closing its dashboard must not fail the
// discovery another viewer's query waits for. Each caller stops waiting
// at its own deadline.
func (c *Client) sharedDiscovery(ctx context.Context) Capabilities {
	ch := c.group.DoChan("\x00capabilities", func() (any, error) {
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.timeout)
		defer cancel()
		return c.discover(dctx), nil
	})
	select {
	case res := <-ch:
		return res.Val.(Capabilities)
	case <-ctx.Done():
		return Capabilities{Err: c.transportError(PathCapabilities, ctx.Err(), c.timeout)}
	}
}

func (c *Client) discover(ctx context.Context) Capabilities {
	var out Capabilities
	ttl := capabilitiesTTL
	resp, err := c.Get(ctx, Request{Path: PathCapabilities, NoCache: true})
	switch {
	case IsNotFound(err):
		// Core contract only.
	case err != nil:
		out.Err, ttl = err, capabilitiesFailureTTL
	default:
		caps, perr := parse.ParseCapabilities(resp.Body)
		if perr != nil {
			out.Err, ttl = c.BodyError(resp, perr), capabilitiesFailureTTL
		} else {
			out.Capabilities, out.Discovered = caps, true
		}
	}
	if ctx.Err() == nil {
		c.caps.mu.Lock()
		c.caps.value, c.caps.expires = out, c.now().Add(ttl)
		c.caps.mu.Unlock()
	}
	return out
}

// MetricsFormatTTL is how long the metrics format that worked is reused
// before the next request negotiates again, so a server that changes what
// it serves is re-detected within minutes.
const MetricsFormatTTL = 5 * time.Minute

// formatMemory is the metrics wire format ("json", "prometheus",
// "datadog") that last worked for this data source instance.
type formatMemory struct {
	mu      sync.Mutex
	format  string
	expires time.Time
}

// MetricsFormat returns the remembered working metrics format, or "" when
// none is known (never detected, expired or forgotten).
func (c *Client) MetricsFormat() string {
	c.mformat.mu.Lock()
	defer c.mformat.mu.Unlock()
	if c.mformat.format == "" || !c.now().Before(c.mformat.expires) {
		return ""
	}
	return c.mformat.format
}

// RememberMetricsFormat records the format that was read successfully, for
// MetricsFormatTTL.
func (c *Client) RememberMetricsFormat(format string) {
	c.mformat.mu.Lock()
	defer c.mformat.mu.Unlock()
	c.mformat.format, c.mformat.expires = format, c.now().Add(MetricsFormatTTL)
}

// ForgetMetricsFormat drops the remembered format (it stopped working).
func (c *Client) ForgetMetricsFormat(format string) {
	c.mformat.mu.Lock()
	defer c.mformat.mu.Unlock()
	if c.mformat.format == format {
		c.mformat.format = ""
	}
}
