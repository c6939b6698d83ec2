package fleet

import (
	"context"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miekg/dns"
)

// dnsServer is a real DNS server on 127.0.0.1 (UDP) whose records the
// test changes between queries.
type dnsServer struct {
	addr string

	mu       sync.Mutex
	a        map[string][]string // name (FQDN) -> addresses
	aaaa     map[string][]string
	srv      map[string][]*dns.SRV
	servfail bool
	gate     chan struct{} // when set, answers wait until it is closed
	queries  atomic.Int64
}

func startDNS(t *testing.T) *dnsServer {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &dnsServer{addr: pc.LocalAddr().String(), a: map[string][]string{}, aaaa: map[string][]string{}, srv: map[string][]*dns.SRV{}}
	started := make(chan struct{})
	server := &dns.Server{PacketConn: pc, Handler: dns.HandlerFunc(s.serve), NotifyStartedFunc: func() { close(started) }}
	go func() { _ = server.ActivateAndServe() }()
	<-started
	t.Cleanup(func() {
		s.release()
		_ = server.Shutdown()
	})
	return s
}

func (s *dnsServer) serve(w dns.ResponseWriter, req *dns.Msg) {
	s.queries.Add(1)
	s.mu.Lock()
	gate := s.gate
	s.mu.Unlock()
	if gate != nil {
		<-gate
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := new(dns.Msg)
	m.SetReply(req)
	m.RecursionAvailable = true // as a recursive resolver answers; else an empty answer reads as a lame referral
	if s.servfail {
		m.Rcode = dns.RcodeServerFailure
		_ = w.WriteMsg(m)
		return
	}
	q := req.Question[0]
	name := strings.ToLower(q.Name)
	known := len(s.a[name])+len(s.aaaa[name])+len(s.srv[name]) > 0
	hdr := dns.RR_Header{Name: q.Name, Class: dns.ClassINET, Ttl: 30}
	switch q.Qtype {
	case dns.TypeA:
		for _, ip := range s.a[name] {
			h := hdr
			h.Rrtype = dns.TypeA
			m.Answer = append(m.Answer, &dns.A{Hdr: h, A: net.ParseIP(ip)})
		}
	case dns.TypeAAAA:
		for _, ip := range s.aaaa[name] {
			h := hdr
			h.Rrtype = dns.TypeAAAA
			m.Answer = append(m.Answer, &dns.AAAA{Hdr: h, AAAA: net.ParseIP(ip)})
		}
	case dns.TypeSRV:
		for _, r := range s.srv[name] {
			rr := *r
			rr.Hdr = hdr
			rr.Hdr.Rrtype = dns.TypeSRV
			m.Answer = append(m.Answer, &rr)
		}
	}
	if !known {
		m.Rcode = dns.RcodeNameError
	}
	_ = w.WriteMsg(m)
}

// set replaces the records of one name; nil removes them.
func (s *dnsServer) setA(name string, ips ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a[dns.Fqdn(name)] = ips
}

func (s *dnsServer) setAAAA(name string, ips ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aaaa[dns.Fqdn(name)] = ips
}

// setSRV takes "priority weight port target" per record.
func (s *dnsServer) setSRV(name string, records ...*dns.SRV) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.srv[dns.Fqdn(name)] = records
}

func srvRecord(priority, weight, port uint16, target string) *dns.SRV {
	return &dns.SRV{Priority: priority, Weight: weight, Port: port, Target: dns.Fqdn(target)}
}

func (s *dnsServer) setServfail(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.servfail = on
}

// hold makes answers wait until release.
func (s *dnsServer) hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gate = make(chan struct{})
}

func (s *dnsServer) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gate != nil {
		close(s.gate)
		s.gate = nil
	}
}

// resolver reaches only this server.
func (s *dnsServer) resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", s.addr)
	}}
}

// countingResolver counts resolutions (one per lookup call, however many
// DNS messages the resolver sends for it).
type countingResolver struct {
	Resolver
	calls atomic.Int64
}

func (c *countingResolver) LookupIP(ctx context.Context, network, host string) ([]net.IP, error) {
	c.calls.Add(1)
	return c.Resolver.LookupIP(ctx, network, host)
}

func (c *countingResolver) LookupSRV(ctx context.Context, service, proto, name string) (string, []*net.SRV, error) {
	c.calls.Add(1)
	return c.Resolver.LookupSRV(ctx, service, proto, name)
}

// clock is a test clock the tests move by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
