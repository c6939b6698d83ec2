package fleet

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/settings"
)

type dnsFixture struct {
	server *dnsServer
	clock  *clock
	res    *countingResolver
	src    *DNS
}

func newDNSFixture(t *testing.T, cfg settings.Discovery, opts DNSOptions) *dnsFixture {
	t.Helper()
	f := &dnsFixture{server: startDNS(t), clock: newClock()}
	f.res = &countingResolver{Resolver: f.server.resolver()}
	opts.Resolver, opts.Now = f.res, f.clock.Now
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Second
	}
	f.src = NewDNS(cfg, opts)
	return f
}

func aDiscovery(record string) settings.Discovery {
	return settings.Discovery{Name: "app.internal", Record: record, Port: 4000, Scheme: "http", PathPrefix: "/prefix", Refresh: 30 * time.Second}
}

// describe renders targets as "instance url servername" lines.
func describe(targets []Target) string {
	lines := make([]string, len(targets))
	for i, t := range targets {
		lines[i] = fmt.Sprintf("%s %s %s", t.Instance, t.BaseURL, t.ServerName)
	}
	return strings.Join(lines, "\n")
}

func mustTargets(t *testing.T, src Source) string {
	t.Helper()
	targets, err := src.Targets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return describe(targets)
}

func expect(t *testing.T, got string, want ...string) {
	t.Helper()
	if w := strings.Join(want, "\n"); got != w {
		t.Fatalf("targets:\n%s\nwant:\n%s", got, w)
	}
}

func TestDNSAddressRecords(t *testing.T) {
	tests := []struct {
		name   string
		record string
		want   []string
	}{
		{"A means A and AAAA, IPv4 first, each in address order", settings.RecordA, []string{
			"10.0.0.2:4000 http://10.0.0.2:4000/prefix app.internal",
			"10.0.0.10:4000 http://10.0.0.10:4000/prefix app.internal",
			"[fd00::1]:4000 http://[fd00::1]:4000/prefix app.internal",
		}},
		{"AAAA only", settings.RecordAAAA, []string{
			"[fd00::1]:4000 http://[fd00::1]:4000/prefix app.internal",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDNSFixture(t, aDiscovery(tt.record), DNSOptions{})
			f.server.setA("app.internal", "10.0.0.10", "10.0.0.2")
			f.server.setAAAA("app.internal", "fd00::1")
			expect(t, mustTargets(t, f.src), tt.want...)
		})
	}
}

// Added and removed instances show after the refresh interval, not before.
func TestDNSRefreshPicksUpChanges(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{StaleWait: 5 * time.Second})
	f.server.setA("app.internal", "10.0.0.1", "10.0.0.2")
	expect(t, mustTargets(t, f.src), "10.0.0.1:4000 http://10.0.0.1:4000/prefix app.internal", "10.0.0.2:4000 http://10.0.0.2:4000/prefix app.internal")

	f.server.setA("app.internal", "10.0.0.2", "10.0.0.3") // 1 removed, 3 added
	f.clock.advance(29 * time.Second)
	expect(t, mustTargets(t, f.src), "10.0.0.1:4000 http://10.0.0.1:4000/prefix app.internal", "10.0.0.2:4000 http://10.0.0.2:4000/prefix app.internal")
	if n := f.res.calls.Load(); n != 1 {
		t.Fatalf("%d resolutions within the refresh interval, want 1", n)
	}

	f.clock.advance(time.Second)
	expect(t, mustTargets(t, f.src), "10.0.0.2:4000 http://10.0.0.2:4000/prefix app.internal", "10.0.0.3:4000 http://10.0.0.3:4000/prefix app.internal")
	if n := f.res.calls.Load(); n != 2 {
		t.Fatalf("%d resolutions, want 2", n)
	}
}

func TestDNSSRVRecords(t *testing.T) {
	cfg := settings.Discovery{Name: "_http._tcp.app.internal", Record: settings.RecordSRV, Scheme: "https", Refresh: 10 * time.Second}
	f := newDNSFixture(t, cfg, DNSOptions{StaleWait: 5 * time.Second})
	f.server.setSRV("_http._tcp.app.internal",
		srvRecord(20, 0, 4000, "backup.app.internal"),
		srvRecord(10, 5, 4001, "b.app.internal"),
		srvRecord(10, 5, 4000, "a.app.internal"),
		srvRecord(10, 50, 4000, "z.app.internal"),
		srvRecord(10, 5, 4000, "a.app.internal"), // the same instance twice
	)
	// The resolver shuffles records of one priority; the order must not move.
	want := []string{
		"z.app.internal:4000 https://z.app.internal:4000 z.app.internal",
		"a.app.internal:4000 https://a.app.internal:4000 a.app.internal",
		"b.app.internal:4001 https://b.app.internal:4001 b.app.internal",
		"backup.app.internal:4000 https://backup.app.internal:4000 backup.app.internal",
	}
	for range 5 {
		if err := f.src.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		expect(t, mustTargets(t, f.src), want...)
	}

	f.server.setSRV("_http._tcp.app.internal", srvRecord(10, 5, 4000, "a.app.internal"), srvRecord(10, 5, 4002, "c.app.internal"))
	f.clock.advance(10 * time.Second)
	expect(t, mustTargets(t, f.src),
		"a.app.internal:4000 https://a.app.internal:4000 a.app.internal",
		"c.app.internal:4002 https://c.app.internal:4002 c.app.internal")
}

func TestDNSFirstResolutionFails(t *testing.T) {
	tests := []struct {
		name   string
		cfg    settings.Discovery
		setup  func(*dnsServer)
		reason string
	}{
		{"unknown name", aDiscovery(settings.RecordA), func(*dnsServer) {},
			"DNS name app.internal did not resolve: the name does not exist or has no A or AAAA records"},
		{"no AAAA records", aDiscovery(settings.RecordAAAA), func(s *dnsServer) { s.setA("app.internal", "10.0.0.1") },
			"DNS name app.internal did not resolve: the name does not exist or has no AAAA records"},
		{"no SRV records", settings.Discovery{Name: "_x._tcp.app.internal", Record: settings.RecordSRV, Refresh: time.Minute}, func(*dnsServer) {},
			"DNS name _x._tcp.app.internal did not resolve: the name does not exist or has no SRV records"},
		{"server failure", aDiscovery(settings.RecordA), func(s *dnsServer) { s.setA("app.internal", "10.0.0.1"); s.setServfail(true) },
			"DNS name app.internal did not resolve: the DNS server gave no usable answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDNSFixture(t, tt.cfg, DNSOptions{})
			tt.setup(f.server)
			targets, err := f.src.Targets(context.Background())
			var re *ResolveError
			if !errors.As(err, &re) || targets != nil {
				t.Fatalf("targets %v, err %v; want a ResolveError", targets, err)
			}
			if !strings.HasPrefix(err.Error(), tt.reason) {
				t.Fatalf("error %q, want it to start with %q", err, tt.reason)
			}
			if strings.Contains(err.Error(), "127.0.0.1") {
				t.Fatalf("the error names the DNS server's address: %q", err)
			}
		})
	}
}

// No DNS server at all is said plainly, without the resolver's addresses.
func TestDNSNoServer(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := pc.LocalAddr().String()
	_ = pc.Close()
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", addr)
	}}
	src := NewDNS(aDiscovery(settings.RecordA), DNSOptions{Resolver: r, Timeout: 2 * time.Second})
	_, err = src.Targets(context.Background())
	if want := "DNS name app.internal did not resolve: no DNS server answered (connection refused)"; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

// The first query after a failed first resolution tries again.
func TestDNSRecoversAfterFirstFailure(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{})
	if _, err := f.src.Targets(context.Background()); err == nil {
		t.Fatal("an unknown name resolved")
	}
	f.server.setA("app.internal", "10.0.0.1")
	expect(t, mustTargets(t, f.src), "10.0.0.1:4000 http://10.0.0.1:4000/prefix app.internal")
}

// A failed refresh keeps the last good answer, says so, and retries
// sooner than the refresh interval.
func TestDNSKeepsLastGoodAnswer(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{StaleWait: 5 * time.Second})
	f.server.setA("app.internal", "10.0.0.1", "10.0.0.2")
	good := mustTargets(t, f.src)

	f.server.setServfail(true)
	f.clock.advance(30 * time.Second)
	if got := mustTargets(t, f.src); got != good {
		t.Fatalf("after a failed refresh: %s, want the last good answer %s", got, good)
	}
	if n := f.res.calls.Load(); n != 2 {
		t.Fatalf("%d resolutions, want 2", n)
	}
	f.clock.advance(2 * time.Second)
	notice := f.src.Notice()
	want := "DNS name app.internal did not resolve: the DNS server gave no usable answer (server misbehaving); using the 2 instances it listed 32s ago"
	if notice != want {
		t.Fatalf("notice %q, want %q", notice, want)
	}
	if err := f.src.Refresh(context.Background()); err == nil || !strings.HasPrefix(notice, err.Error()) {
		t.Fatalf("Refresh = %v, want the failure", err)
	}

	// Retried 5 s after the failure, not 30.
	f.server.setServfail(false)
	f.server.setA("app.internal", "10.0.0.3")
	calls := f.res.calls.Load()
	f.clock.advance(2 * time.Second)
	_ = mustTargets(t, f.src)
	if n := f.res.calls.Load(); n != calls {
		t.Fatalf("retried %d times within 5 s of a failure", n-calls)
	}
	f.clock.advance(3 * time.Second)
	expect(t, mustTargets(t, f.src), "10.0.0.3:4000 http://10.0.0.3:4000/prefix app.internal")
	if n := f.src.Notice(); n != "" {
		t.Fatalf("notice after recovery: %q", n)
	}
}

// A slow DNS server never holds a query that has an answer to serve.
func TestDNSSlowServerServesLastGoodAnswer(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{StaleWait: 50 * time.Millisecond})
	f.server.setA("app.internal", "10.0.0.1")
	good := mustTargets(t, f.src)

	f.server.hold()
	f.server.setA("app.internal", "10.0.0.9")
	f.clock.advance(time.Minute)
	start := time.Now()
	for range 3 {
		if got := mustTargets(t, f.src); got != good {
			t.Fatalf("while refreshing: %s, want %s", got, good)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("3 queries took %v with a slow DNS server", d)
	}
	if n := f.res.calls.Load(); n != 2 {
		t.Fatalf("%d resolutions, want 2: queries share the one in flight", n)
	}
	f.server.release()
	if err := f.src.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	expect(t, mustTargets(t, f.src), "10.0.0.9:4000 http://10.0.0.9:4000/prefix app.internal")
}

// Cancelling a query returns at once; the resolution goes on for the
// others and is bounded by the timeout.
func TestDNSCancellationNeverHangs(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{Timeout: 300 * time.Millisecond})
	f.server.setA("app.internal", "10.0.0.1")
	f.server.hold()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.src.Targets(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the query's deadline", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("a cancelled query took %v", d)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if err := f.src.Refresh(ctx2); !errors.Is(err, context.Canceled) {
		t.Fatalf("Refresh with a cancelled context = %v", err)
	}

	// A query that waits gets the timeout, in words.
	_, err = f.src.Targets(context.Background())
	want := "DNS name app.internal did not resolve: the DNS server did not answer in time"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("the resolution outlived its timeout: %v", d)
	}
}

// A dashboard's panels arriving together share one resolution.
func TestDNSConcurrentQueriesShareOneResolution(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{})
	f.server.setA("app.internal", "10.0.0.1", "10.0.0.2")
	f.server.hold()
	var wg sync.WaitGroup
	results := make([]string, 20)
	errs := make([]error, 20)
	for i := range results {
		wg.Go(func() {
			targets, err := f.src.Targets(context.Background())
			results[i], errs[i] = describe(targets), err
		})
	}
	time.Sleep(100 * time.Millisecond)
	f.server.release()
	wg.Wait()
	for i := range results {
		if errs[i] != nil || results[i] != results[0] || results[0] == "" {
			t.Fatalf("query %d: %q, %v", i, results[i], errs[i])
		}
	}
	if n := f.res.calls.Load(); n != 1 {
		t.Fatalf("%d resolutions for 20 queries, want 1", n)
	}
}

// Callers may change the slice they get without changing the next answer.
func TestDNSTargetsAreCopies(t *testing.T) {
	f := newDNSFixture(t, aDiscovery(settings.RecordA), DNSOptions{})
	f.server.setA("app.internal", "10.0.0.1")
	targets, err := f.src.Targets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	targets[0].Instance = "changed"
	expect(t, mustTargets(t, f.src), "10.0.0.1:4000 http://10.0.0.1:4000/prefix app.internal")
}

var _ Source = (*DNS)(nil)
