// Package client talks to an application's monitoring endpoints. It adds
// what a dashboard with many panels and viewers needs on top of the SDK's
// HTTP client: request coalescing, a short TTL cache, bounded retries that
// honour Retry-After, a response size limit and errors that say what to fix.
package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"golang.org/x/sync/singleflight"

	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/redact"
	"github.com/appmon/monitoring/pkg/settings"
)

// Contract endpoint paths.
const (
	PathHealth         = "/api/health/check"
	PathUptime         = "/api/monitoring/uptime"
	PathMetrics        = "/api/monitoring/metrics"
	PathMetricsHistory = "/api/monitoring/metrics/history"
	PathDashboard      = "/api/monitoring/dashboard"
	PathAlerts         = "/api/monitoring/alerts"
	PathIncidents      = "/api/monitoring/incidents"
	PathCapabilities   = "/api/monitoring/capabilities"
)

// Cache entry bound: generous for one data source's handful of endpoints;
// the byte bound is a setting (cacheMaxBytes).
const (
	cacheMaxEntries = 512
	errorBodyLimit  = 64 << 10
)

// Request is one GET of a contract endpoint.
type Request struct {
	Path  string
	Query url.Values
	// Accept lets a caller take a non-2xx answer as data (the health check
	// answers 503 with a full health document when the app is unhealthy).
	Accept func(status int, body []byte) bool
	// NoCache skips the TTL cache lookup (the health check wants a live answer).
	NoCache bool
	// Raw skips the response mapping (the preview applies a candidate).
	Raw bool
}

// Response is a received body. It is shared between callers and cached:
// treat it as read-only.
type Response struct {
	Path        string
	URL         string
	Status      int
	ContentType string
	Body        []byte
	FetchedAt   time.Time

	memo memo
	cacheLink
	// hold is the in-flight budget the body still takes.
	hold *budgetHold
}

var acceptHeader = []string{"application/json, text/plain;q=0.9, */*;q=0.5"}

// Client is safe for concurrent use; one exists per data source instance.
type Client struct {
	base   *url.URL
	http   *http.Client
	apiKey string
	keyID  string
	// keyHeader is the X-API-Key header value, built once.
	keyHeader []string
	timeout   time.Duration
	retries   int
	maxBytes  int64
	backoff   backoffPolicy

	// red removes both keys from any text that came from elsewhere.
	red *redact.Redactor
	// allowedHosts are other hosts a redirect may lead to (redirect.go).
	allowedHosts []string

	cache *responseCache
	// budget bounds the response bytes being received at once (body.go).
	budget *byteBudget
	// transport is under the SDK's middlewares, which hide its
	// CloseIdleConnections from http.Client.
	transport *http.Transport
	group     singleflight.Group // capability discovery
	fetches   *sharedFetches     // every other GET (shared_fetch.go)
	caps      capabilitiesCache

	mapping *parse.Mapping // jsonData.mappings; see mapping.go
	// mformat is the metrics format negotiation found (capabilities.go).
	mformat formatMemory

	now func() time.Time
	// shared: the budget and cache belong to a fleet (shared.go).
	shared bool
}

// New builds the client from validated settings, with the SDK's HTTP
// client (TLS, custom headers, proxy, tracing and metrics middlewares).
func New(s *settings.Settings) (*Client, error) {
	var transport *http.Transport
	opts := s.HTTPOptions
	configure := opts.ConfigureTransport
	opts.ConfigureTransport = func(o httpclient.Options, t *http.Transport) {
		if configure != nil {
			configure(o, t)
		}
		transport = t
	}
	if opts.Middlewares == nil {
		// The SDK's defaults, its per-request metrics and tracing
		// bookkeeping made cheap (request_metrics.go, request_tracing.go).
		opts.Middlewares = leanMiddlewares()
	}
	hc, err := httpclient.New(opts)
	if err != nil {
		return nil, &settings.ConfigError{Msg: "cannot create the HTTP client from the data source settings: " + err.Error() + "; check the TLS certificates and keys"}
	}
	// Every request runs on a context with this same timeout (started
	// before the request, so it always ends first); the client's own
	// timer per request would only add allocations.
	hc.Timeout = 0
	inflight, cacheBytes := memoryLimits(s)
	c := &Client{
		base:      s.BaseURL,
		http:      hc,
		transport: transport,
		apiKey:    s.APIKey,
		timeout:   s.Timeout,
		retries:   s.Retries,
		maxBytes:  s.MaxResponseBytes,
		backoff:   defaultBackoff,
		budget:    newByteBudget(inflight),
		fetches:   newSharedFetches(),
		cache:     newResponseCache(s.CacheTTL, cacheMaxEntries, cacheBytes),
		now:       time.Now,
	}
	c.cache.startSweeper()
	c.red, c.allowedHosts = s.Redactor, s.AllowedRedirectHosts
	if c.red == nil {
		c.red = redact.New(s.APIKey, s.AdminKey)
	}
	// The SDK's client follows any redirect with every header set on the
	// request, X-API-Key included; only the configured origin (and hosts
	// the user listed) may receive it.
	hc.CheckRedirect = c.checkRedirect
	if s.APIKey != "" {
		c.keyHeader = []string{s.APIKey}
		sum := sha256.Sum256([]byte(s.APIKey))
		c.keyID = hex.EncodeToString(sum[:8])
	}
	return c, nil
}

// BaseURL is the application root the client talks to.
func (c *Client) BaseURL() *url.URL { return c.base }

// Close releases idle connections, the cache and its sweeper; the
// instance is being replaced.
func (c *Client) Close() {
	c.http.CloseIdleConnections()
	if c.transport != nil {
		c.transport.CloseIdleConnections()
	}
	c.fetches.close()
	if c.shared {
		c.forgetInstance()
		return
	}
	c.cache.stopSweeper()
	c.cache.clear()
}

// URL builds the absolute URL of an endpoint.
func (c *Client) URL(path string, q url.Values) string {
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = q.Encode()
	return u.String()
}

// Get fetches an endpoint. Identical calls share one upstream request
// while it is in flight, successful answers are reused for the cache TTL,
// and within one request scope each URL is fetched once.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u := c.URL(r.Path, r.Query)
	key := u + "\x00" + c.keyID
	if r.Raw {
		key += "\x00raw" // a raw body must never be served as a mapped one
	}
	if sc := scopeFrom(ctx); sc != nil && !r.NoCache {
		return sc.do(ctx, key, func() (*Response, error) { return c.getShared(ctx, key, u, r) },
			func(err error) error { return c.transportError(r.Path, err, c.timeout) })
	}
	return c.getShared(ctx, key, u, r)
}

func (c *Client) getShared(ctx context.Context, key, u string, r Request) (*Response, error) {
	if !r.NoCache {
		if resp, ok := c.cache.get(key, c.now()); ok {
			return resp, nil
		}
	}
	start := c.now()
	// The shared fetch must not die with the first caller (one viewer
	// closing a dashboard would fail everyone waiting on it), so it runs
	// on its own timeout; each caller still stops waiting at its own
	// deadline.
	f := c.fetches.start(key, func() (*Response, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.timeout)
		defer cancel()
		resp, err := c.fetch(fctx, u, r)
		if err == nil {
			// Accepted non-2xx answers (an unhealthy health check) are data
			// too, and an outage is exactly when every panel asks for it.
			c.cache.put(key, resp, c.now())
		}
		return resp, err
	})
	select {
	case <-f.done:
		if f.err != nil {
			return nil, f.err
		}
		return f.resp, nil
	case <-ctx.Done():
		return nil, c.transportError(r.Path, ctx.Err(), c.now().Sub(start).Round(time.Millisecond))
	}
}

// fetch sends the request, retrying 429/502/503/504 and dropped
// connections with backoff, never sleeping past the context's deadline.
func (c *Client) fetch(ctx context.Context, u string, r Request) (*Response, error) {
	for attempt := 1; ; attempt++ {
		resp, retryAfter, err := c.attempt(ctx, u, r)
		if err == nil {
			return resp, nil
		}
		err.Attempts = attempt
		if retryAfter > 0 && err.Kind == KindRateLimited {
			err.RetryAfter = retryAfter // the message says how long was asked
		}
		if !err.retryable() || attempt > c.retries {
			return nil, err
		}
		wait := c.backoff.delay(attempt)
		if retryAfter > 0 {
			if retryAfter > c.backoff.maxRetryAfter {
				err.RetryAfterTooLong = err.Kind == KindRateLimited
				return nil, err
			}
			// Every viewer was told the same instant: spread the retries.
			wait = retryAfter + c.backoff.jitter(retryAfter)
		}
		if dl, ok := ctx.Deadline(); ok {
			left := dl.Sub(c.now())
			if retryAfter > left || (retryAfter == 0 && wait > left) {
				err.RetryAfterTooLong = retryAfter > 0 && err.Kind == KindRateLimited
				return nil, err
			}
			if wait > left {
				wait = retryAfter // no room for the random part
			}
		}
		if sleepCtx(ctx, wait) != nil {
			return nil, err
		}
	}
}

func (c *Client) attempt(ctx context.Context, u string, r Request) (*Response, time.Duration, *Error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, &Error{Kind: KindTransport, Path: r.Path, Host: c.base.Host, Detail: c.redact(err.Error()), Err: err}
	}
	// Values built once (length = capacity, so an Add elsewhere copies
	// rather than writes into them); keys in canonical form, as Set would.
	req.Header["Accept"] = acceptHeader
	if c.apiKey != "" {
		req.Header["X-Api-Key"] = c.keyHeader
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, 0, c.transportError(r.Path, err, c.timeout)
	}
	defer res.Body.Close()

	limit := c.effectiveLimit(ctx)
	ok := res.StatusCode/100 == 2
	if ok && res.ContentLength > limit {
		return nil, 0, &Error{Kind: KindTooLarge, Path: r.Path, Host: c.base.Host, Status: res.StatusCode, Limit: limit}
	}
	readLimit := limit
	if !ok && r.Accept == nil {
		readLimit = min(limit, errorBodyLimit)
	}
	read, rerr := c.readBody(ctx, r.Path, res, readLimit)
	if rerr != nil {
		return nil, 0, rerr
	}
	// The reservation covers the body until it is parsed, cached or
	// collected (see budgetHold); an error answer gives it back here.
	hold := c.budget.hold(read.reserved)
	kept := false
	defer func() {
		if !kept {
			hold.release()
		}
	}()
	body := read.body
	if read.over && (ok || r.Accept != nil) {
		return nil, 0, &Error{Kind: KindTooLarge, Path: r.Path, Host: c.base.Host, Status: res.StatusCode, Limit: limit}
	}
	if ok || r.Accept != nil {
		mapped, err := c.mapBody(r, body)
		if err != nil && ok {
			return nil, 0, &Error{Kind: KindMapping, Path: r.Path, Host: c.base.Host, Status: res.StatusCode, Detail: c.redact(err.Error()), Err: err}
		}
		if err == nil {
			body = mapped // an accepted error status is judged on the mapped body
		}
	}
	if ok || (r.Accept != nil && r.Accept(res.StatusCode, body)) {
		kept = true
		resp := &Response{
			Path: r.Path, URL: u, Status: res.StatusCode, ContentType: res.Header.Get("Content-Type"),
			Body: body, FetchedAt: c.now(), hold: hold,
		}
		hold.attach(resp)
		hold.releaseAfter(unreadHold)
		return resp, 0, nil
	}
	retryAfter, _ := parseRetryAfter(res.Header, c.now())
	return nil, retryAfter, c.statusError(r.Path, res.StatusCode, res.Header.Get("Content-Type"), body)
}

// effectiveLimit honours Grafana's own response limit when it is stricter.
func (c *Client) effectiveLimit(ctx context.Context) int64 {
	if gl := backend.GrafanaConfigFromContext(ctx).ResponseLimit(); gl > 0 && gl < c.maxBytes {
		return gl
	}
	return c.maxBytes
}

// IsNotFound reports whether err is an upstream 404.
func IsNotFound(err error) bool {
	e, ok := AsError(err)
	return ok && e.Kind == KindNotFound
}

// IsKind reports whether err is an upstream error of the kind.
func IsKind(err error, k Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}
