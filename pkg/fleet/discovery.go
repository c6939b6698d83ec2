package fleet

import (
	"context"
	"fmt"
	"net"
	"slices"
	"sync"
	"time"

	"github.com/appmon/monitoring/pkg/settings"
)

// Resolver is the part of *net.Resolver discovery uses; tests give it a
// *net.Resolver whose Dial reaches their own DNS server.
type Resolver interface {
	LookupIP(ctx context.Context, network, host string) ([]net.IP, error)
	LookupSRV(ctx context.Context, service, proto, name string) (string, []*net.SRV, error)
}

// Defaults of DNSOptions.
const (
	DefaultResolveTimeout = 5 * time.Second
	DefaultStaleWait      = 250 * time.Millisecond
	// retryAfterFailure bounds how long a failed refresh waits before the
	// next try (the refresh interval when that is shorter).
	retryAfterFailure = 5 * time.Second
)

// DNSOptions are what tests and the plugin may change; zero values take
// the defaults.
type DNSOptions struct {
	// Resolver defaults to net.DefaultResolver.
	Resolver Resolver
	// Now defaults to time.Now; it decides when an answer is out of date.
	Now func() time.Time
	// Timeout bounds one resolution.
	Timeout time.Duration
	// StaleWait is how long a query that finds the answer out of date
	// waits for the refresh it started before it takes the last good
	// answer; a slow resolver never holds a query longer. Negative: never
	// wait.
	StaleWait time.Duration
}

// DNS is a Source whose instances are the A/AAAA or SRV records of one
// DNS name. It keeps the last good answer for the refresh interval and
// resolves again in the background when a query finds it out of date; a
// failed refresh keeps the last good answer and says so in Notice.
type DNS struct {
	cfg  settings.Discovery
	opts DNSOptions

	mu      sync.Mutex
	last    []Target      // last good answer; nil before the first
	lastAt  time.Time     // when last was resolved
	failErr error         // failure of the latest resolution; nil after a success
	next    time.Time     // when the answer is out of date
	running chan struct{} // closed when the resolution in flight ends; nil when none
}

// NewDNS returns the Source of one discovery setting. It resolves on the
// first query, not here, so a data source with a DNS problem still loads
// and says what is wrong when used.
func NewDNS(cfg settings.Discovery, opts DNSOptions) *DNS {
	if opts.Resolver == nil {
		opts.Resolver = net.DefaultResolver
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultResolveTimeout
	}
	if opts.StaleWait == 0 {
		opts.StaleWait = DefaultStaleWait
	}
	if cfg.Refresh <= 0 {
		cfg.Refresh = settings.DefaultDiscoveryRefresh
	}
	return &DNS{cfg: cfg, opts: opts}
}

// Targets returns the instances in a stable order. Before the first good
// answer it waits for DNS (or ctx) and fails with a *ResolveError when the
// name does not resolve; after it, it never fails: an out-of-date answer
// is refreshed in the background and served meanwhile.
func (s *DNS) Targets(ctx context.Context) ([]Target, error) {
	s.mu.Lock()
	if s.last != nil && s.opts.Now().Before(s.next) {
		out := slices.Clone(s.last)
		s.mu.Unlock()
		return out, nil
	}
	done := s.startLocked()
	hasAnswer := s.last != nil
	s.mu.Unlock()

	if hasAnswer {
		if s.opts.StaleWait > 0 {
			timer := time.NewTimer(s.opts.StaleWait)
			select {
			case <-done:
			case <-timer.C:
			case <-ctx.Done():
			}
			timer.Stop()
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		return slices.Clone(s.last), nil
	}
	select {
	case <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for DNS name %s: %w", s.cfg.Name, ctx.Err())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		return nil, s.failErr
	}
	return slices.Clone(s.last), nil
}

// Refresh resolves now (or joins the resolution in flight) and returns
// its error; on failure the last good answer stays in use.
func (s *DNS) Refresh(ctx context.Context) error {
	s.mu.Lock()
	done := s.startLocked()
	s.mu.Unlock()
	select {
	case <-done:
	case <-ctx.Done():
		return fmt.Errorf("waiting for DNS name %s: %w", s.cfg.Name, ctx.Err())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failErr
}

// Notice says, in the user's words, that the instances come from an
// older answer because the latest refresh failed; "" when the answer is
// current or there is none yet (Targets reports that as an error).
func (s *DNS) Notice() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failErr == nil || s.last == nil {
		return ""
	}
	age := s.opts.Now().Sub(s.lastAt).Round(time.Second)
	return fmt.Sprintf("%v; using the %d instances it listed %v ago", s.failErr, len(s.last), age)
}

// startLocked starts a resolution unless one is in flight and returns the
// channel closed when it ends. Only one runs at a time, so a dashboard's
// many panels share it.
func (s *DNS) startLocked() chan struct{} {
	if s.running != nil {
		return s.running
	}
	done := make(chan struct{})
	s.running = done
	// Not the query's context: a cancelled panel must not fail the
	// resolution the other panels wait for. Timeout bounds it.
	go s.resolve(done)
	return done
}

func (s *DNS) resolve(done chan struct{}) {
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	targets, err := lookup(ctx, s.opts.Resolver, s.cfg)
	cancel()

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	if err != nil {
		s.failErr = err
		s.next = now.Add(min(s.cfg.Refresh, retryAfterFailure))
	} else {
		s.last, s.lastAt, s.failErr = targets, now, nil
		s.next = now.Add(s.cfg.Refresh)
	}
	s.running = nil
	close(done)
}
