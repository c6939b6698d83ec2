package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
)

// ActionResponse is a 2xx answer to a state-changing request.
type ActionResponse struct {
	Status int
	Body   []byte
}

// PostAdmin sends one POST that changes the application's state (an alert
// action) with the admin key in the X-Admin-Key header, the only place the
// contract accepts it. It goes through the same HTTP client as every read
// (TLS, custom headers, the redirect guard) and its errors are redacted
// like theirs, but it is never cached, coalesced or retried: sending an
// action twice could raise two alerts.
func (c *Client) PostAdmin(ctx context.Context, path, adminKey string, body []byte) (*ActionResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL(path, nil), bytes.NewReader(body))
	if err != nil {
		return nil, &Error{Kind: KindTransport, Path: path, Host: c.base.Host, Detail: c.redact(err.Error()), Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-Admin-Key", adminKey)
	res, err := c.http.Do(req)
	if err != nil {
		return nil, c.transportError(path, err, c.timeout)
	}
	defer res.Body.Close()
	limit := min(c.effectiveLimit(ctx), errorBodyLimit)
	b, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return nil, c.transportError(path, err, c.timeout)
	}
	if int64(len(b)) > limit {
		if res.StatusCode/100 == 2 {
			return nil, &Error{Kind: KindTooLarge, Path: path, Host: c.base.Host, Status: res.StatusCode, Limit: limit}
		}
		b = b[:limit]
	}
	if res.StatusCode/100 != 2 {
		e := c.statusError(path, res.StatusCode, res.Header.Get("Content-Type"), b)
		e.Attempts = 1
		return nil, e
	}
	return &ActionResponse{Status: res.StatusCode, Body: b}, nil
}

// Forget drops every cached answer of one endpoint (any query), so the
// next read after an action sees its effect instead of a copy from before.
func (c *Client) Forget(path string) {
	prefix := c.URL(path, nil)
	c.cache.removeIf(func(key string) bool {
		rest, ok := strings.CutPrefix(key, prefix)
		return ok && (rest == "" || rest[0] == '?' || rest[0] == '\x00')
	})
}

func (c *responseCache) removeIf(match func(key string) bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for key, el := range c.items {
		if match(key) {
			c.removeElement(el)
		}
	}
}
