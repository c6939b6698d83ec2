package query

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func metricsRequests(fake *fakeapi.Server) []string {
	var out []string
	for _, s := range fake.Seen() {
		if strings.HasPrefix(s, "/api/monitoring/metrics") {
			out = append(out, s)
		}
	}
	return out
}

// A server that serves its metrics only as Prometheus text or Datadog
// series: auto finds the format, and later queries ask for it directly.
func TestMetricsFormatNegotiation(t *testing.T) {
	tests := []struct {
		serves string
		first  []string
		second []string
	}{
		{"prometheus",
			[]string{"/api/monitoring/metrics", "/api/monitoring/metrics?format=prometheus"},
			[]string{"/api/monitoring/metrics?category=cache&format=prometheus"}},
		{"datadog",
			[]string{"/api/monitoring/metrics", "/api/monitoring/metrics?format=prometheus", "/api/monitoring/metrics?format=datadog"},
			[]string{"/api/monitoring/metrics?category=cache&format=datadog"}},
		{"json",
			[]string{"/api/monitoring/metrics"},
			[]string{"/api/monitoring/metrics?category=cache"}},
	}
	for _, tt := range tests {
		t.Run(tt.serves, func(t *testing.T) {
			fake := fakeapi.New(t)
			fake.NoCapabilities = true
			fake.MetricsFormats = []string{tt.serves}
			r := newRunner(t, fake.URL)
			frames := run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
			if d := cmp.Diff(wantSnapshot, describe(frames)); d != "" {
				t.Fatalf("frames (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.first, metricsRequests(fake)); d != "" {
				t.Fatalf("negotiation requests (-want +got):\n%s", d)
			}
			if got := r.Client.MetricsFormat(); got != tt.serves {
				t.Fatalf("remembered format %q, want %q", got, tt.serves)
			}
			fake.ResetCounts()
			// The remembered format is used directly, and a server that
			// ignores ?category= (the fake does for these formats) is
			// filtered here.
			frames = run(t, r, mustParse(t, "metrics", `{"category":"cache"}`, time.Time{}, time.Time{}))
			if d := cmp.Diff([]string{wantSnapshot[9]}, describe(frames)); d != "" {
				t.Fatalf("category frames (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.second, metricsRequests(fake)); d != "" {
				t.Fatalf("requests with a known format (-want +got):\n%s", d)
			}
		})
	}
}

// A remembered format that stops working is forgotten and negotiation runs
// again in the same query.
func TestMetricsFormatRedetected(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsFormats = []string{"prometheus"}
	r := newRunner(t, fake.URL)
	run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
	fake.MetricsFormats = []string{"json"}
	r.Client.Close() // empty the response cache; the format memory stays
	fake.ResetCounts()
	frames := run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
	if d := cmp.Diff(wantSnapshot, describe(frames)); d != "" {
		t.Fatalf("frames (-want +got):\n%s", d)
	}
	want := []string{"/api/monitoring/metrics?format=prometheus", "/api/monitoring/metrics"}
	if d := cmp.Diff(want, metricsRequests(fake)); d != "" {
		t.Fatalf("requests (-want +got):\n%s", d)
	}
	if got := r.Client.MetricsFormat(); got != "json" {
		t.Fatalf("remembered %q", got)
	}
}

// A server that ignores ?category= in its JSON answer is filtered by the
// backend.
func TestMetricsCategoryIgnoredByServer(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.IgnoreCategory = true
	r := newRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "metrics", `{"category":"{cache,system}"}`, time.Time{}, time.Time{}))
	if d := cmp.Diff([]string{wantSnapshot[9], wantSnapshot[0], wantSnapshot[1]}, describe(frames)); d != "" {
		t.Fatalf("frames (-want +got):\n%s", d)
	}
	m, err := r.FetchMetrics(context.Background(), "business")
	if err != nil || len(m.Metrics) != 2 {
		t.Fatalf("business metrics: %d, %v", len(m.Metrics), err)
	}
}

func TestMetricsFormatErrors(t *testing.T) {
	t.Run("no format readable", func(t *testing.T) {
		fake := fakeapi.New(t)
		fake.NoCapabilities = true
		fake.MetricsFormats = []string{}
		r := newRunner(t, fake.URL)
		_, err := r.Run(context.Background(), mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
		want := "the metrics endpoint (/api/monitoring/metrics) could not be read in any format; JSON: upstream returned an HTML page instead of data for /api/monitoring/metrics"
		if err == nil || !strings.HasPrefix(err.Error(), want) ||
			!strings.Contains(err.Error(), "Prometheus text (?format=prometheus): upstream rejected the request to /api/monitoring/metrics (400 Bad Request)") ||
			!strings.Contains(err.Error(), "Datadog series (?format=datadog): upstream rejected the request to /api/monitoring/metrics (400 Bad Request)") {
			t.Fatalf("err = %v", err)
		}
		if _, ok := client.AsError(err); !ok {
			t.Fatal("the error must stay the server's (a *client.Error in its chain)")
		}
		if r.Client.MetricsFormat() != "" {
			t.Fatal("nothing may be remembered")
		}
	})
	t.Run("an explicit format is not negotiated", func(t *testing.T) {
		fake := fakeapi.New(t)
		fake.NoCapabilities = true
		fake.MetricsFormats = []string{"prometheus"}
		r := newRunner(t, fake.URL)
		_, err := r.Run(context.Background(), mustParse(t, "metrics", `{"format":"json"}`, time.Time{}, time.Time{}))
		if !client.IsKind(err, client.KindHTML) || len(metricsRequests(fake)) != 1 ||
			!strings.HasPrefix(err.Error(), "the query asks for metrics as JSON, which the server does not answer readably: upstream returned an HTML page") ||
			!strings.HasSuffix(err.Error(), "; set the format to Auto to use the one it answers") {
			t.Fatalf("err = %v, requests %v", err, metricsRequests(fake))
		}
	})
	t.Run("a rejected key is not retried in other formats", func(t *testing.T) {
		fake := fakeapi.New(t)
		fake.NoCapabilities = true
		fake.SetFault("/api/monitoring/metrics", fakeapi.Fault{Status: 401, Body: `{"error":"bad key"}`})
		r := newRunner(t, fake.URL)
		_, err := r.Run(context.Background(), mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
		if !client.IsKind(err, client.KindUnauthorized) || len(metricsRequests(fake)) != 1 {
			t.Fatalf("err = %v, requests %v", err, metricsRequests(fake))
		}
	})
}

// Live streams rebuild their query from the channel path, which carries
// no format: they negotiate like any auto query.
func TestLiveMetricsNegotiate(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsFormats = []string{"datadog"}
	r := newRunner(t, fake.URL)
	q, err := ParseLivePath("metrics/cache")
	if err != nil {
		t.Fatal(err)
	}
	f, err := r.LiveFrame(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Fields) != 2 || f.Fields[1].Name != "cache.hit_rate" {
		t.Fatalf("live frame fields: %d", len(f.Fields))
	}
	if r.Client.MetricsFormat() != "datadog" {
		t.Fatalf("remembered %q", r.Client.MetricsFormat())
	}
}

// JSON that reads only in part (a digest beside a full Prometheus
// registry) gives way to Prometheus text when that has more metrics; JSON
// that reads cleanly costs no second request.
func TestMetricsPartialJSONPrefersRicherPrometheus(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsJSON = `{"data":{"cmdline":["/usr/bin/app"],"http":{"requests_per_second":12.5}}}`
	r := newRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
	if d := cmp.Diff(wantSnapshot, describe(frames)); d != "" {
		t.Fatalf("frames (-want +got):\n%s", d)
	}
	if r.Client.MetricsFormat() != FormatPrometheus {
		t.Fatalf("remembered %q", r.Client.MetricsFormat())
	}

	clean := fakeapi.New(t)
	clean.NoCapabilities = true
	r = newRunner(t, clean.URL)
	run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
	if got := metricsRequests(clean); len(got) != 1 {
		t.Fatalf("requests %v", got)
	}
}

// A metric the negotiated format lacks but another format has is read
// from that format, with a notice; a query for everything is not affected.
func TestMetricsFilledFromOtherFormat(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.MetricsJSON = `{"metrics":[{"name":"cache.hit_rate","value":93.2,"unit":"%","category":"cache"}]}`
	r := newRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "metrics", `{"metricName":"cache.hit_rate,api.error_rate"}`, time.Time{}, time.Time{}))
	if d := cmp.Diff([]string{wantSnapshot[9], wantSnapshot[2]}, describe(frames)); d != "" {
		t.Fatalf("frames (-want +got):\n%s", d)
	}
	want := "api.error_rate came from Prometheus text (?format=prometheus): the server's JSON answer does not have it."
	found := false
	for _, n := range frames[0].Meta.Notices {
		found = found || n.Text == want
	}
	if !found {
		t.Fatalf("notices %+v", frames[0].Meta.Notices)
	}
	if r.Client.MetricsFormat() != FormatJSON {
		t.Fatalf("the negotiated format stays JSON, got %q", r.Client.MetricsFormat())
	}
	fake.ResetCounts()
	r.Client.Close() // empty the response cache
	all := run(t, r, mustParse(t, "metrics", `{}`, time.Time{}, time.Time{}))
	if len(all) != 1 || len(metricsRequests(fake)) != 1 {
		t.Fatalf("a query for every metric reads one format: %d series, requests %v", len(all), metricsRequests(fake))
	}
}
