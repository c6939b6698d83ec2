package client

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoffPolicy spaces retries: exponential with "equal jitter" (half
// fixed, half random) so many viewers retrying at once spread out, and a
// cap on what a server's Retry-After may ask for.
type backoffPolicy struct {
	base          time.Duration
	max           time.Duration
	maxRetryAfter time.Duration
}

var defaultBackoff = backoffPolicy{base: 200 * time.Millisecond, max: 3 * time.Second, maxRetryAfter: 10 * time.Second}

// delay is the wait before retry number n (1-based).
func (p backoffPolicy) delay(n int) time.Duration {
	d := p.base << min(n-1, 16)
	if d <= 0 || d > p.max {
		d = p.max
	}
	half := d / 2
	return half + rand.N(half+1)
}

// jitter is the random extra wait after a server's Retry-After: up to a
// quarter of it, at least up to the base delay.
func (p backoffPolicy) jitter(retryAfter time.Duration) time.Duration {
	span := max(retryAfter/4, p.base)
	return rand.N(span + 1)
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs != secs {
			return 0, false
		}
		return time.Duration(min(secs, 24*3600) * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
