package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"

	"github.com/appmon/monitoring/pkg/parse"
)

// Kind classifies a failed upstream call by what the user has to do.
type Kind int

const (
	KindUnauthorized Kind = iota + 1
	KindForbidden
	KindNotFound
	KindBadRequest
	KindRateLimited
	KindServerError
	KindUnexpectedStatus
	KindTimeout
	KindUnreachable
	KindDNS
	KindTLS
	KindConnectionLost
	KindTransport
	KindTooLarge
	KindMalformed
	KindHTML
	KindCanceled
	KindUnsupported
	// KindMapping: the data source's response mapping does not fit the body.
	KindMapping
	// KindRedirect: a redirect to another host was refused (redirect.go).
	KindRedirect
	// KindOverBudget: one body alone is larger than the in-flight budget.
	KindOverBudget
)

// Error is a failed upstream call. Error() is the sentence the user sees
// in the panel, the health check or a notification: it names the endpoint
// and says what to fix. It never contains a secret.
type Error struct {
	Kind Kind
	// Path is the endpoint path (never the query string).
	Path string
	// Host is the upstream host:port.
	Host string
	// Status is the HTTP status when there was a response.
	Status int
	// Attempts is how many requests were sent (1 + retries).
	Attempts int
	// Detail is the server's own message (redacted, truncated) or the
	// parser's finding.
	Detail string
	// HTMLBody is set when an error status came with an HTML page.
	HTMLBody bool
	// KeyMissing is set when no API key is configured.
	KeyMissing bool
	// Timeout is the budget that ran out (KindTimeout).
	Timeout time.Duration
	// Limit is the response size limit (KindTooLarge) or the in-flight
	// budget (KindOverBudget).
	Limit int64
	// Size is the announced body size (KindOverBudget; 0 when unknown).
	Size int64
	// RetryAfter is the wait a 429/503 asked for (Retry-After).
	RetryAfter time.Duration
	// RetryAfterTooLong: the wait was longer than the time left.
	RetryAfterTooLong bool
	Err               error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	switch e.Kind {
	case KindUnauthorized:
		if e.KeyMissing {
			return fmt.Sprintf("upstream returned 401 Unauthorized for %s: the server requires an API key and none is set; add it in the data source settings (Connections > Data sources)", e.Path)
		}
		return fmt.Sprintf("upstream returned 401 Unauthorized for %s: the API key in the data source settings was rejected; update it under Connections > Data sources", e.Path)
	case KindForbidden:
		return fmt.Sprintf("upstream returned 403 Forbidden for %s: the API key in the data source settings is not allowed to read this endpoint; use the metrics (read) API key", e.Path)
	case KindNotFound:
		return fmt.Sprintf("upstream returned 404 Not Found for %s: the server at %s does not implement this endpoint of the monitoring contract; check that the data source URL is the application's base URL", e.Path, e.Host)
	case KindBadRequest:
		return fmt.Sprintf("upstream rejected the request to %s (400 Bad Request)%s; adjust the query", e.Path, e.serverSaid())
	case KindRateLimited:
		if e.RetryAfterTooLong {
			return fmt.Sprintf("upstream rate-limited %s (429 Too Many Requests) and asked to retry after %s, longer than the time left; lower the dashboard refresh rate or raise the cache TTL in the data source settings", e.Path, e.RetryAfter)
		}
		if e.RetryAfter > 0 {
			return fmt.Sprintf("upstream rate-limited %s (429 Too Many Requests)%s; the server asked to wait %s; lower the dashboard refresh rate or raise the cache TTL in the data source settings", e.Path, e.afterAttempts(), e.RetryAfter)
		}
		return fmt.Sprintf("upstream rate-limited %s (429 Too Many Requests)%s; lower the dashboard refresh rate or raise the cache TTL in the data source settings", e.Path, e.afterAttempts())
	case KindServerError:
		if e.HTMLBody {
			return fmt.Sprintf("upstream returned %s with an HTML error page for %s%s: a proxy or web server answered instead of the monitoring API; check the server and the data source URL", statusText(e.Status), e.Path, e.afterAttempts())
		}
		return fmt.Sprintf("upstream returned %s for %s%s%s; check the monitoring API's logs", statusText(e.Status), e.Path, e.afterAttempts(), e.serverSaid())
	case KindUnexpectedStatus:
		return fmt.Sprintf("upstream returned %s for %s%s; the endpoint does not answer as the monitoring contract says", statusText(e.Status), e.Path, e.serverSaid())
	case KindTimeout:
		return fmt.Sprintf("upstream did not answer %s within %s%s: the server is slow or unreachable; check the server or raise the timeout in the data source settings", e.Path, e.Timeout, e.afterAttempts())
	case KindUnreachable:
		return fmt.Sprintf("cannot reach %s: %s; is the server running and is the data source URL right?", e.Host, e.Detail)
	case KindDNS:
		return fmt.Sprintf("cannot resolve host %s: check the host name in the data source URL", e.Host)
	case KindTLS:
		return fmt.Sprintf("TLS connection to %s failed (%s): check the TLS settings of the data source (CA certificate, server name, skip verify)", e.Host, e.Detail)
	case KindConnectionLost:
		return fmt.Sprintf("upstream closed the connection while answering %s%s: the server or a proxy dropped it; check the monitoring API's logs", e.Path, e.afterAttempts())
	case KindTooLarge:
		return fmt.Sprintf("upstream response for %s is larger than the %s limit: raise the maximum response size in the data source settings or narrow the query (category, metric name)", e.Path, formatBytes(e.Limit))
	case KindOverBudget:
		size := "larger than"
		if e.Size > 0 {
			size = humanBytes(e.Size) + ", more than"
		}
		return fmt.Sprintf("upstream response for %s is %s the %s this data source may receive at once: raise the in-flight memory (inflightMaxBytes) in the data source settings or narrow the query (category, metric name)", e.Path, size, formatBytes(e.Limit))
	case KindMalformed:
		return fmt.Sprintf("upstream returned malformed data for %s: %s; the endpoint does not follow the monitoring contract", e.Path, e.Detail)
	case KindHTML:
		return fmt.Sprintf("upstream returned an HTML page instead of data for %s: the data source URL probably points at a web page or a login/proxy page, not at the monitoring API", e.Path)
	case KindCanceled:
		return fmt.Sprintf("the request to %s was canceled", e.Path)
	case KindUnsupported:
		return fmt.Sprintf("the server at %s does not offer %s", e.Host, e.Detail)
	case KindRedirect:
		return e.redirectMessage()
	case KindMapping:
		return fmt.Sprintf("the response mapping does not fit what %s returned: %s; fix it under Response mapping in the data source settings", e.Path, e.Detail)
	default:
		return fmt.Sprintf("request to %s%s failed: %s", e.Host, e.Path, e.Detail)
	}
}

func (e *Error) afterAttempts() string {
	if e.Attempts > 1 {
		return fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	return ""
}

func (e *Error) serverSaid() string {
	if e.Detail == "" {
		return ""
	}
	// The sentence continues after the server's message.
	return ": " + strings.TrimRight(e.Detail, ". ")
}

// Source tells Grafana whose fault the error is. Everything here comes
// from the upstream server, the network or the user's settings.
func (e *Error) Source() backend.ErrorSource { return backend.ErrorSourceDownstream }

// GrafanaStatus is the status reported for the query.
func (e *Error) GrafanaStatus() backend.Status {
	switch e.Kind {
	case KindUnauthorized:
		return backend.StatusUnauthorized
	case KindForbidden:
		return backend.StatusForbidden
	case KindNotFound:
		return backend.StatusNotFound
	case KindBadRequest:
		return backend.StatusBadRequest
	case KindRateLimited:
		return backend.StatusTooManyRequests
	case KindTimeout:
		return backend.StatusTimeout
	default:
		return backend.StatusBadGateway
	}
}

func (e *Error) retryable() bool {
	switch e.Kind {
	case KindRateLimited, KindConnectionLost:
		return true
	case KindServerError:
		return e.Status == http.StatusBadGateway || e.Status == http.StatusServiceUnavailable || e.Status == http.StatusGatewayTimeout
	}
	return false
}

// Unsupported reports a missing optional extension; what says which one
// and what to do instead.
func Unsupported(host, path, what string) *Error {
	return &Error{Kind: KindUnsupported, Host: host, Path: path, Detail: what}
}

// AsError returns the *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("status %d", code)
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// humanBytes is a size rounded for reading (a body's announced length).
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// statusError classifies a non-2xx answer.
func (c *Client) statusError(path string, status int, contentType string, body []byte) *Error {
	e := &Error{Path: path, Host: c.base.Host, Status: status, KeyMissing: c.apiKey == ""}
	if eb, ok := parse.ParseErrorBody(body); ok {
		e.Detail = c.redact(eb.Message)
	} else if parse.IsHTML(contentType, body) {
		e.HTMLBody = true
	}
	switch {
	case status == http.StatusUnauthorized:
		e.Kind = KindUnauthorized
	case status == http.StatusForbidden:
		e.Kind = KindForbidden
	case status == http.StatusNotFound:
		e.Kind = KindNotFound
	case status == http.StatusBadRequest:
		e.Kind = KindBadRequest
	case status == http.StatusTooManyRequests:
		e.Kind = KindRateLimited
	case status >= 500:
		e.Kind = KindServerError
	default:
		e.Kind = KindUnexpectedStatus
	}
	return e
}

// transportError classifies a failure without a (complete) response.
func (c *Client) transportError(path string, err error, budget time.Duration) *Error {
	e := &Error{Path: path, Host: c.base.Host, Err: err, KeyMissing: c.apiKey == ""}
	var dnsErr *net.DNSError
	var netErr net.Error
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var redirErr *RedirectError
	switch {
	case errors.As(err, &redirErr):
		e.Kind, e.Err = KindRedirect, redirErr
	case errors.Is(err, httpclient.ErrResponseBodyTooLarge):
		e.Kind, e.Limit = KindTooLarge, c.maxBytes
	case errors.Is(err, context.Canceled):
		e.Kind = KindCanceled
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		e.Kind, e.Timeout = KindTimeout, budget
	case errors.As(err, &dnsErr):
		e.Kind = KindDNS
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Kind, e.Detail = KindUnreachable, "connection refused"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		e.Kind, e.Detail = KindUnreachable, "no route to host"
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		e.Kind, e.Detail = KindTLS, "the server's certificate is not trusted"
	case errors.As(err, &recordErr):
		e.Kind, e.Detail = KindTLS, "the server does not speak TLS; use http:// or fix the port"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		e.Kind = KindConnectionLost
	default:
		e.Kind, e.Detail = KindTransport, c.redact(rootCause(err))
	}
	return e
}

// rootCause drops the "Get \"url\": " wrapping net/http adds.
func rootCause(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		err = u
	}
}

// BodyError turns a parse failure of a received body into the error the
// user sees.
func (c *Client) BodyError(resp *Response, err error) error {
	if err == nil {
		return nil
	}
	e := &Error{Path: resp.Path, Host: c.base.Host, Status: resp.Status, Err: err}
	if parse.IsKind(err, parse.KindHTML) {
		e.Kind = KindHTML
	} else {
		e.Kind = KindMalformed
		e.Detail = c.redact(err.Error())
	}
	return e
}

// redact removes secrets from text that came from elsewhere (an upstream
// message may echo what it was sent, in any spelling) and keeps it short.
// Redaction comes first so a cut never leaves part of a key behind.
func (c *Client) redact(s string) string {
	s = c.red.String(s)
	s = strings.Join(strings.Fields(s), " ")
	const maxDetail = 300
	if len(s) > maxDetail {
		s = strings.ToValidUTF8(s[:maxDetail], "") + "…"
	}
	return s
}
