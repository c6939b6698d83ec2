package query

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// A history panel refreshed a minute later asks only for the newest
// minutes, and draws what fetching the whole range would.
func TestMetricsHistoryRefreshFetchesTheTail(t *testing.T) {
	fake := fakeapi.New(t)
	clock := testNow
	r := newRunner(t, fake.URL)
	r.Now = func() time.Time { return clock }
	r.History = NewHistoryCache(1 << 20)
	query := func() Query {
		return mustParse(t, "metrics", `{"metricName":"api.error_rate"}`, clock.Add(-6*time.Hour), clock)
	}
	run(t, r, query())
	for range 3 {
		clock = clock.Add(time.Minute)
		frames := run(t, r, query())
		got := describe(frames)
		// What was asked (the query inspector's list): the client's own
		// response cache may answer a repeated tail without the server.
		var seen []url.Values
		for _, line := range strings.Split(frames[0].Meta.ExecutedQueryString, "\n") {
			if u, _ := url.Parse(strings.TrimPrefix(line, "GET ")); u.Path == "/api/monitoring/metrics/history" {
				seen = append(seen, u.Query())
			}
		}
		// The newest two steps are fetched again, and five more to compare.
		if len(seen) != 1 {
			t.Fatalf("a refresh a minute later made %d history requests, want 1", len(seen))
		}
		from, _ := strconv.ParseInt(seen[0].Get("from"), 10, 64)
		step, _ := strconv.Atoi(seen[0].Get("step"))
		if back := clock.Sub(time.UnixMilli(from)); back > 8*time.Duration(step)*time.Second {
			t.Fatalf("a refresh a minute later fetched the last %v (step %d s), want the last few steps", back, step)
		}
		whole := newRunner(t, fake.URL)
		whole.Now = r.Now
		if d := cmp.Diff(describe(run(t, whole, query())), got); d != "" {
			t.Fatalf("cached refresh differs from a whole fetch (-whole +cached):\n%s", d)
		}
	}
	if s := r.History.Stats(); s.Full != 1 || s.Partial != 3 {
		t.Fatalf("history cache stats %+v, want 1 whole fetch then 3 partial", s)
	}
}

// A window and the one before it (a total against the previous period)
// are held apart: refreshing both a minute later fetches neither whole.
func TestHistoryPeriodAndPreviousPeriodAreHeldApart(t *testing.T) {
	fake := fakeapi.New(t)
	clock := testNow
	r := newRunner(t, fake.URL)
	r.Now = func() time.Time { return clock }
	r.History = NewHistoryCache(4 << 20)
	for range 2 {
		for _, back := range []time.Duration{0, 6 * time.Hour} {
			run(t, r, mustParse(t, "metrics", `{"metricName":"api.error_rate"}`, clock.Add(-back-6*time.Hour), clock.Add(-back)))
		}
		clock = clock.Add(time.Minute)
	}
	if s := r.History.Stats(); s.Full != 2 || s.Partial != 2 {
		t.Fatalf("history cache stats %+v, want each period fetched whole once, then partly", s)
	}
}
