package history_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/history"
	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/settings"
	"github.com/appmon/monitoring/pkg/slo"
)

// TestReferenceServerMatchesWholeFetch is the property against the real
// reference server: random windows and steps while its clock moves a
// minute at a time and jumps hours, across series with gaps (the process
// figures have no backfilled history), and across a restart that
// rebuilds its history, the cached answer equals the whole fetch.
func TestReferenceServerMatchesWholeFetch(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("set APPMON_INTEGRATION=1 to run against the reference server")
	}
	const days = 3
	ctx := context.Background()
	start := func(clock time.Time, seed string) *testserver.Server {
		// A crawling clock holds the data still between the test's jumps.
		s, err := testserver.Start(testserver.Options{HistoryDays: days, ClockStart: clock, ClockControl: true, ClockSpeed: 0.0001, WorkloadSeed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	var mu sync.Mutex
	srv := start(time.Now().Add(-time.Hour).Truncate(time.Second), "")
	defer func() { srv.Stop() }()
	// One address across the restart, as a data source's URL stays.
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		mu.Lock()
		u, _ := url.Parse(srv.URL)
		mu.Unlock()
		r.SetURL(u)
	}})
	defer proxy.Close()
	target := func() (string, string) {
		mu.Lock()
		defer mu.Unlock()
		return proxy.URL, srv.APIKey
	}

	rng := rand.New(rand.NewPCG(19, uint64(time.Now().UnixNano())))
	c := history.New(history.DefaultMaxBytes)
	names := []string{"api.error_rate", "uptime.percentage", "system.cpu.usage"}
	steps := []int{60, 120, 300, 900, 3600}
	restarted := false
	for round := range 80 {
		switch r := rng.IntN(100); {
		case round == 50:
			if s := c.Stats(); s.Invalidated != 0 {
				t.Fatalf("stats %+v before any restart: the server revised settled points, or the cache misread them", s)
			}
			now, err := srv.Clock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// A restart loses the history: the new process has other figures
			// for the same times. (With the same workload seed it would
			// regenerate the same recent minutes, which no client can tell
			// from a server that kept its history.)
			next := start(now.Add(time.Minute), "restarted")
			mu.Lock()
			old := srv
			srv = next
			mu.Unlock()
			old.Stop()
			restarted = true
		case r < 70:
			advance(t, srv, time.Minute)
		case r < 85:
			advance(t, srv, time.Duration(rng.IntN(600))*time.Second)
		default:
			advance(t, srv, time.Duration(1+rng.IntN(5))*time.Hour) // a clock jump
		}
		now, err := srv.Clock(ctx)
		if err != nil {
			t.Fatal(err)
		}
		name, step := names[rng.IntN(len(names))], steps[rng.IntN(len(steps))]
		to := alignDown(now, step)
		if rng.IntN(8) == 0 {
			to = to.Add(-time.Duration(rng.IntN(10)*step) * time.Second)
		}
		from := alignDown(to.Add(-time.Duration(30+rng.IntN(2*1440))*time.Minute), step)
		if oldest := now.Add(-days * 24 * time.Hour); from.Before(oldest) {
			from = oldest
		}
		f := fetcherTo(target, name, step)
		got, err := c.Get(ctx, key(name, step), history.Window{From: from, To: to, Retention: days * 24 * time.Hour}, f)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		want, err := f(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameHistory(got, want); err != nil {
			t.Fatalf("round %d (%s step %d, %s to %s, restarted %v): %v", round, name, step, from.Format(time.RFC3339), to.Format(time.RFC3339), restarted, err)
		}
	}
	s := c.Stats()
	t.Logf("%+v", s)
	if s.Partial < 20 || s.Invalidated == 0 {
		t.Fatalf("stats %+v: want answers from held points and the restart noticed", s)
	}
}

func advance(t *testing.T, s *testserver.Server, d time.Duration) {
	t.Helper()
	if d < time.Second {
		return
	}
	if _, err := s.AdvanceClock(context.Background(), d); err != nil {
		t.Fatal(fmt.Errorf("advancing the reference server's clock: %w", err))
	}
}

// TestReferenceServerSLORule runs the default SLOs as an alert rule would,
// a minute apart and across clock jumps, with and without the history
// cache against the reference server: the slo frames are the same.
func TestReferenceServerSLORule(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("set APPMON_INTEGRATION=1 to run against the reference server")
	}
	ctx := context.Background()
	srv, err := testserver.Start(testserver.Options{HistoryDays: 3, ClockStart: time.Now().Add(-time.Hour).Truncate(time.Second), ClockControl: true, ClockSpeed: 0.0001})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	s, err := settings.Load(ctx, backend.DataSourceInstanceSettings{
		URL: srv.URL, JSONData: json.RawMessage(`{"cacheTTLSeconds":0}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": srv.APIKey},
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(s)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var now time.Time
	clock := func() time.Time { return now }
	cached := &query.Runner{Client: c, Now: clock, Objectives: slo.DefaultObjectives(), History: query.NewHistoryCache(history.DefaultMaxBytes)}
	whole := &query.Runner{Client: c, Now: clock, Objectives: slo.DefaultObjectives()}
	q := sloRule(t)
	for round := range 12 {
		d := time.Minute
		if round%5 == 4 {
			d = 2 * time.Hour // a clock jump
		}
		if now, err = srv.AdvanceClock(ctx, d); err != nil {
			t.Fatal(err)
		}
		got, err := cached.Run(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := whole.Run(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if gs, ws := frameString(t, got[0]), frameString(t, want[0]); gs != ws {
			t.Fatalf("round %d: the cached evaluation differs:\n%s\nwant\n%s", round, gs, ws)
		}
	}
	// The first evaluation fetches each series set whole, every later one
	// partly (with 3 days kept, the 1-minute requests cover everything).
	if st := cached.History.Stats(); st.Full == 0 || st.Partial != 11*st.Full || st.Invalidated != 0 {
		t.Fatalf("history cache stats %+v: want every later evaluation read partly", st)
	}
}
