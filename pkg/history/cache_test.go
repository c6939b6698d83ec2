package history_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/history"
	"github.com/appmon/monitoring/pkg/parse"
)

// fetcher reads [from, to) of one name at one step from a history server.
func fetcher(base, name string, step int) history.Fetcher {
	return fetcherTo(func() (string, string) { return base, "" }, name, step)
}

// fetcherTo reads from the server (URL and API key) target names at the
// time of each request: a restarted server has another key.
func fetcherTo(target func() (base, apiKey string), name string, step int) history.Fetcher {
	return func(ctx context.Context, from, to time.Time) (parse.History, error) {
		base, apiKey := target()
		q := url.Values{}
		q.Set("name", name)
		q.Set("from", strconv.FormatInt(from.UnixMilli(), 10))
		q.Set("to", strconv.FormatInt(to.UnixMilli(), 10))
		q.Set("step", strconv.Itoa(step))
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/monitoring/metrics/history?"+q.Encode(), nil)
		if err != nil {
			return parse.History{}, err
		}
		if apiKey != "" {
			req.Header.Set("X-API-Key", apiKey)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return parse.History{}, err
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			return parse.History{}, err
		}
		if res.StatusCode != http.StatusOK {
			return parse.History{}, fmt.Errorf("status %d: %s", res.StatusCode, body)
		}
		return parse.ParseHistory(body)
	}
}

func key(name string, step int) history.Key {
	return history.Key{Path: "/api/monitoring/metrics/history", Selector: "name=" + name, Step: step}
}

// sameHistory reports the first difference between two answers for the
// same window (their echoed from/to aside).
func sameHistory(got, want parse.History) error {
	if got.Step != want.Step {
		return fmt.Errorf("step %d, want %d", got.Step, want.Step)
	}
	if len(got.Series) != len(want.Series) {
		return fmt.Errorf("%d series, want %d", len(got.Series), len(want.Series))
	}
	for i := range want.Series {
		g, w := got.Series[i], want.Series[i]
		if g.Name != w.Name || g.Unit != w.Unit || g.Category != w.Category || fmt.Sprint(g.Labels) != fmt.Sprint(w.Labels) {
			return fmt.Errorf("series %d is %s%v (%s, %s), want %s%v (%s, %s)", i, g.Name, g.Labels, g.Unit, g.Category, w.Name, w.Labels, w.Unit, w.Category)
		}
		if len(g.Times) != len(w.Times) {
			return fmt.Errorf("%s%v has %d points, want %d", w.Name, w.Labels, len(g.Times), len(w.Times))
		}
		for k := range w.Times {
			if !g.Times[k].Equal(w.Times[k]) {
				return fmt.Errorf("%s%v point %d at %s, want %s", w.Name, w.Labels, k, g.Times[k], w.Times[k])
			}
			gv, wv := g.Values[k], w.Values[k]
			if (gv == nil) != (wv == nil) || (gv != nil && *gv != *wv) {
				return fmt.Errorf("%s%v at %s is %s, want %s", w.Name, w.Labels, w.Times[k].Format(time.RFC3339), show(gv), show(wv))
			}
		}
	}
	return nil
}

func show(p *float64) string {
	if p == nil {
		return "null"
	}
	return strconv.FormatFloat(*p, 'g', -1, 64)
}

func alignDown(t time.Time, step int) time.Time {
	s := t.Unix()
	return time.Unix(s-((s%int64(step))+int64(step))%int64(step), 0).UTC()
}

func TestSteadyStateFetchesOnlyTheTail(t *testing.T) {
	start := time.Date(2026, 3, 2, 12, 0, 30, 0, time.UTC)
	up := newUpstream(t, start, 30)
	c := history.New(history.DefaultMaxBytes)
	const step = 60
	ctx := context.Background()
	get := func() parse.History {
		now := up.Now()
		to := alignDown(now, step)
		h, err := c.Get(ctx, key("api.error_rate", step), history.Window{From: to.Add(-3 * 24 * time.Hour), To: to, Retention: 30 * 24 * time.Hour},
			fetcher(up.URL, "api.error_rate", step))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	get()
	full := up.bytes.Load()
	for range 5 {
		up.Advance(time.Minute)
		up.reset()
		got := get()
		if n := up.requests.Load(); n != 1 {
			t.Fatalf("a minute later the cache made %d requests, want 1 (the tail)", n)
		}
		if b := up.bytes.Load(); b*50 > full {
			t.Fatalf("a minute later the cache moved %d bytes, more than a 50th of the whole window (%d)", b, full)
		}
		now := up.Now()
		want, err := fetcher(up.URL, "api.error_rate", step)(ctx, alignDown(now, step).Add(-3*24*time.Hour), alignDown(now, step))
		if err != nil {
			t.Fatal(err)
		}
		if err := sameHistory(got, want); err != nil {
			t.Fatal(err)
		}
	}
	if s := c.Stats(); s.Full != 1 || s.Partial != 5 {
		t.Fatalf("stats %+v, want 1 full and 5 partial", s)
	}
}

// TestMatchesWholeFetch is the property: whatever the windows, steps,
// clock jumps (forwards and backwards, on either side), gaps, nulls and
// restarts, a cached answer equals fetching the window whole.
func TestMatchesWholeFetch(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { checkProperty(t, seed, 120) })
	}
}

func checkProperty(t *testing.T, seed uint64, rounds int) {
	rng := rand.New(rand.NewPCG(seed, 19))
	start := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(86400)) * time.Second)
	up := newUpstream(t, start, 7)
	c := history.New(history.DefaultMaxBytes)
	if seed%3 == 0 {
		c = history.New(300 << 10) // small: evictions mid-run
	}
	ctx := context.Background()
	names := []string{"api.error_rate", "api.response_time.p95"}
	steps := []int{60, 120, 300, 600, 3600}
	skew := time.Duration(0) // the data source's clock minus the server's
	restarts := 0
	for round := range rounds {
		switch r := rng.IntN(100); {
		case r < 50:
			up.Advance(time.Minute)
		case r < 65:
			up.Advance(time.Duration(rng.IntN(180)) * time.Second)
		case r < 72:
			up.Advance(time.Duration(1+rng.IntN(6)) * time.Hour) // a clock jump
		case r < 76:
			// The clocks disagree: the data source's ahead by up to 3 hours,
			// or behind by up to a minute (a server further ahead may drop
			// the window's oldest bucket unseen, see Window).
			skew = time.Duration(rng.IntN(3*3600+60)-60) * time.Second
		case r < 79:
			up.Restart(time.Duration(rng.IntN(48)) * time.Hour)
			restarts++
		}
		name, step := names[rng.IntN(len(names))], steps[rng.IntN(len(steps))]
		now := up.Now().Add(skew)
		to := alignDown(now, step)
		if rng.IntN(8) == 0 {
			to = to.Add(-time.Duration(rng.IntN(20)) * time.Duration(step) * time.Second) // an older window
		}
		span := time.Duration(10+rng.IntN(3*1440)) * time.Minute
		if rng.IntN(4) == 0 {
			span = 7 * 24 * time.Hour
		}
		from := alignDown(to.Add(-span), step)
		if rng.IntN(5) == 0 {
			from = to.Add(-span) // not aligned to the step
		}
		oldest := now.Add(-7 * 24 * time.Hour)
		if from.Before(oldest) {
			from = oldest
		}
		if (to.Sub(from)/time.Second)/time.Duration(step) > 11000 || !to.After(from) {
			continue
		}
		f := fetcher(up.URL, name, step)
		got, err := c.Get(ctx, key(name, step), history.Window{From: from, To: to, Retention: 7 * 24 * time.Hour}, f)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		want, err := f(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameHistory(got, want); err != nil {
			t.Fatalf("round %d (%s step %d, %s to %s, skew %v, %d restarts): %v", round, name, step,
				from.Format(time.RFC3339), to.Format(time.RFC3339), skew, restarts, err)
		}
	}
	s := c.Stats()
	if s.Partial < int64(rounds)/4 {
		t.Fatalf("only %d of %d answers used held points (%+v)", s.Partial, rounds, s)
	}
	if restarts > 0 && s.Invalidated == 0 {
		t.Logf("no restart was noticed by a re-fetched overlap (%+v)", s)
	}
}

func TestRestartIsNoticedAndNotMixed(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), 30)
	c := history.New(history.DefaultMaxBytes)
	ctx := context.Background()
	const step = 300
	f := fetcher(up.URL, "uptime.percentage", step)
	window := func() history.Window {
		to := alignDown(up.Now(), step)
		return history.Window{From: to.Add(-24 * time.Hour), To: to}
	}
	if _, err := c.Get(ctx, key("uptime.percentage", step), window(), f); err != nil {
		t.Fatal(err)
	}
	up.Advance(time.Minute)
	up.Restart(2 * 24 * time.Hour) // same span kept, other values: only the overlap tells
	w := window()
	got, err := c.Get(ctx, key("uptime.percentage", step), w, f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := f(ctx, w.From, w.To)
	if err != nil {
		t.Fatal(err)
	}
	if err := sameHistory(got, want); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Invalidated != 1 {
		t.Fatalf("stats %+v, want the restart noticed once", s)
	}
}

func TestBoundedLeastRecentlyUsedGoesFirst(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), 30)
	ctx := context.Background()
	const step = 60
	to := alignDown(up.Now(), step)
	w := history.Window{From: to.Add(-24 * time.Hour), To: to}
	probe := history.New(history.DefaultMaxBytes)
	if _, err := probe.Get(ctx, key("uptime.percentage", step), w, fetcher(up.URL, "uptime.percentage", step)); err != nil {
		t.Fatal(err)
	}
	one := probe.Bytes()
	if one < 1440*16 {
		t.Fatalf("a day of minutes counts %d bytes, less than its points", one)
	}
	c := history.New(2*one + one/2) // room for two of these
	names := []string{"uptime.percentage", "api.response_time.p95"}
	for _, sel := range []string{"a", "b", "a", "c"} {
		k := history.Key{Path: "/api/monitoring/metrics/history", Selector: sel, Step: step}
		if _, err := c.Get(ctx, k, w, fetcher(up.URL, names[0], step)); err != nil {
			t.Fatal(err)
		}
		if c.Bytes() > 2*one+one/2 {
			t.Fatalf("holding %d bytes over a budget of %d", c.Bytes(), 2*one+one/2)
		}
	}
	// "b" was used least recently when "c" came: it went, "a" stayed.
	up.reset()
	if _, err := c.Get(ctx, history.Key{Path: "/api/monitoring/metrics/history", Selector: "a", Step: step}, w, fetcher(up.URL, names[0], step)); err != nil {
		t.Fatal(err)
	}
	if n := up.requests.Load(); n != 1 {
		t.Fatalf("a (recently used) made %d requests, want 1 (tail only)", n)
	}
	if s := c.Stats(); s.Evicted != 1 || c.Len() != 2 {
		t.Fatalf("stats %+v with %d held, want one eviction and two held", s, c.Len())
	}
	up.reset()
	if _, err := c.Get(ctx, history.Key{Path: "/api/monitoring/metrics/history", Selector: "b", Step: step}, w, fetcher(up.URL, names[0], step)); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Full != 4 {
		t.Fatalf("stats %+v, want b fetched whole again (4 whole fetches)", s)
	}
	// A history larger than the whole budget is answered, not held.
	tiny := history.New(1024)
	if _, err := tiny.Get(ctx, key("uptime.percentage", step), w, fetcher(up.URL, "uptime.percentage", step)); err != nil || tiny.Len() != 0 {
		t.Fatalf("tiny cache: %v, %d held", err, tiny.Len())
	}
}

func TestDisabledFetchesWhole(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), 30)
	ctx := context.Background()
	to := alignDown(up.Now(), 60)
	w := history.Window{From: to.Add(-time.Hour), To: to}
	for _, c := range []*history.Cache{nil, history.New(0)} {
		for range 2 {
			if _, err := c.Get(ctx, key("uptime.percentage", 60), w, fetcher(up.URL, "uptime.percentage", 60)); err != nil {
				t.Fatal(err)
			}
		}
		if c.Len() != 0 {
			t.Fatal("a disabled cache holds something")
		}
	}
	if n := up.requests.Load(); n != 4 {
		t.Fatalf("%d requests, want 4 whole fetches", n)
	}
}

func TestFailureIsTheCallersAndKeepsWhatIsHeld(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), 30)
	ctx := context.Background()
	c := history.New(history.DefaultMaxBytes)
	to := alignDown(up.Now(), 60)
	w := history.Window{From: to.Add(-time.Hour), To: to}
	f := fetcher(up.URL, "uptime.percentage", 60)
	if _, err := c.Get(ctx, key("uptime.percentage", 60), w, f); err != nil {
		t.Fatal(err)
	}
	failing := func(context.Context, time.Time, time.Time) (parse.History, error) {
		return parse.History{}, fmt.Errorf("the server is down")
	}
	w.To = w.To.Add(time.Minute)
	if _, err := c.Get(ctx, key("uptime.percentage", 60), w, failing); err == nil || err.Error() != "the server is down" {
		t.Fatalf("error %v, want the fetch's own", err)
	}
	if c.Len() != 1 {
		t.Fatal("a failed fetch dropped what was held")
	}
}

// Viewers and rules read the same series at once: each answer is whole.
func TestConcurrentGetsOfOneKey(t *testing.T) {
	up := newUpstream(t, time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC), 30)
	c := history.New(history.DefaultMaxBytes)
	ctx := context.Background()
	const step = 60
	f := fetcher(up.URL, "api.error_rate", step)
	for range 3 {
		up.Advance(time.Minute)
		to := alignDown(up.Now(), step)
		w := history.Window{From: to.Add(-6 * time.Hour), To: to, Retention: 30 * 24 * time.Hour}
		want, err := f(ctx, w.From, w.To)
		if err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 8)
		for range 8 {
			go func() {
				got, err := c.Get(ctx, key("api.error_rate", step), w, f)
				if err == nil {
					err = sameHistory(got, want)
				}
				errs <- err
			}()
		}
		for range 8 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
	}
}
