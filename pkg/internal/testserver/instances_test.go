package testserver

import (
	"context"
	"net/http"
	"os"
	"slices"
	"testing"
	"time"
)

func TestListeningURLs(t *testing.T) {
	const ts = "2026-01-01T00:00:00.000Z "
	cases := []struct {
		line string
		want int
		urls []string
	}{
		{ts + "monitoring-api listening on http://127.0.0.1:4000", 0, []string{"http://127.0.0.1:4000"}},
		{ts + "monitoring-api listening on http://127.0.0.1:4000", 1, []string{"http://127.0.0.1:4000"}},
		{ts + "workload ready: seed=x", 1, nil},
		// With several instances the per-instance lines are not the answer:
		// only the summary line, listing as many as asked for, is.
		{ts + "monitoring-api instance 1 of 2 listening on http://127.0.0.1:4000", 2, nil},
		{ts + "monitoring-api listening on 2 instances: http://127.0.0.1:4000 http://127.0.0.1:4001", 2,
			[]string{"http://127.0.0.1:4000", "http://127.0.0.1:4001"}},
		{ts + "monitoring-api listening on 2 instances: http://127.0.0.1:4000 http://127.0.0.1:4001", 3, nil},
		{ts + "monitoring-api listening on 2 instances: http://127.0.0.1:4000", 2, nil},
		{ts + "monitoring-api listening on 2 instances: http://127.0.0.1:4000 not-a-url", 2, nil},
		{ts + "monitoring-api listening on 2 instances: http://127.0.0.1:4000 http://127.0.0.1:4001", 1, nil},
	}
	for _, c := range cases {
		if got := listeningURLs(c.line, c.want); !slices.Equal(got, c.urls) {
			t.Errorf("listeningURLs(%q, %d) = %q, want %q", c.line, c.want, got, c.urls)
		}
	}
}

func TestStartSeveralInstances(t *testing.T) {
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("set APPMON_INTEGRATION=1 to run against the reference server")
	}
	s, err := Start(Options{HistoryDays: 1, Instances: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	if len(s.URLs) != 3 || s.URLs[0] != s.URL || len(slices.Compact(slices.Sorted(slices.Values(s.URLs)))) != 3 {
		t.Fatalf("URLs = %q (URL %q), want 3 distinct with URL first", s.URLs, s.URL)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	status := func(base, bearer string) int {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/monitoring/metrics", nil)
		req.Header.Set("Authorization", "Bearer "+bearer)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if _, err := s.AddFaultAt(ctx, 1, Fault{Endpoint: "/api/monitoring/metrics", Mode: "status", Status: 503}); err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, u := range s.URLs {
		got = append(got, status(u, s.APIKey))
	}
	if want := []int{200, 503, 200}; !slices.Equal(got, want) {
		t.Errorf("metrics statuses with a fault on the second instance = %v, want %v", got, want)
	}
	if err := s.ClearFaultsAt(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if got := status(s.URLs[1], s.APIKey); got != http.StatusOK {
		t.Errorf("after ClearFaultsAt the second instance answers %d, want 200", got)
	}
	if got := status(s.URLs[2], "wrong-key"); got != http.StatusUnauthorized {
		t.Errorf("a wrong bearer token got %d, want 401", got)
	}
	if _, err := s.AddFaultAt(ctx, 3, Fault{Endpoint: "*", Mode: "status"}); err == nil {
		t.Error("AddFaultAt on a fourth instance of three succeeded")
	}
}
