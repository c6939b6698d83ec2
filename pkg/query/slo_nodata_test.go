package query

import (
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/parse"
)

// A burn-rate alert rule (queryType slo, sloField fast_burn) against a
// server that keeps no metric history gets no data: an empty frame, which
// Grafana's alerting reports as NoData, never a 0 that reads "not burning".
func TestBurnRuleWithoutHistoryHasNoData(t *testing.T) {
	for name, setup := range map[string]func(*fakeapi.Server){
		"history not offered": func(f *fakeapi.Server) { f.Extensions = []string{parse.ExtAlertsHistory, parse.ExtIncidents} },
		"no capabilities":     func(f *fakeapi.Server) { f.NoCapabilities = true },
		"capabilities unusable": func(f *fakeapi.Server) {
			f.SetFault("/api/monitoring/capabilities", fakeapi.Fault{Status: 500, Body: "oops"})
		},
	} {
		t.Run(name, func(t *testing.T) {
			fake := sloFake(t)
			setup(fake)
			r := sloRunner(t, fake.URL)
			for _, field := range []string{"fast_burn", "slow_burn", "burn_rate_1h"} {
				q := mustParse(t, "slo", `{"sloField":"`+field+`"}`, testNow.Add(-10*time.Minute), testNow)
				q.FromAlert = true
				frames := run(t, r, q)
				if len(frames) != 1 {
					t.Fatalf("%s: %d frames", field, len(frames))
				}
				f := frames[0]
				if f.Rows() != 0 {
					t.Fatalf("%s: %d rows, want none (no data); values %v", field, f.Rows(), describe(frames))
				}
				if _, i := f.FieldByName(field); i < 0 || f.Meta == nil || f.Meta.Type != data.FrameTypeNumericLong {
					t.Fatalf("%s: the empty frame keeps its typed column and numeric-long type", field)
				}
				found := false
				for _, n := range f.Meta.Notices {
					found = found || strings.Contains(n.Text, field+" is unknown for availability, error_rate, latency")
				}
				if !found {
					t.Fatalf("%s: notices %+v", field, f.Meta.Notices)
				}
			}
			if n := fake.Count("/api/monitoring/metrics/history"); n != 0 {
				t.Fatalf("%d history requests to a server without history", n)
			}
		})
	}
}

// With history, a calm workload reads 0 (known, not burning) for every
// objective: only unknown values are dropped.
func TestBurnRuleWithHistoryKeepsZero(t *testing.T) {
	fake := sloFake(t)
	fake.HistoryValue = func(name string, _ time.Time) (float64, bool) {
		switch name {
		case "api.error_rate":
			return 0, true
		case "api.requests.rate":
			return 100, true
		case "api.response_time.p95":
			return 100, true
		}
		return 100, true
	}
	r := sloRunner(t, fake.URL)
	q := mustParse(t, "slo", `{"sloField":"fast_burn"}`, testNow.Add(-10*time.Minute), testNow)
	q.FromAlert = true
	f := run(t, r, q)[0]
	if f.Rows() != 3 {
		t.Fatalf("rows = %d", f.Rows())
	}
	for i := 0; i < 3; i++ {
		if v := floatAt(t, f, "fast_burn", i); v == nil || *v != 0 {
			t.Fatalf("row %d fast_burn = %v, want 0", i, v)
		}
	}
}

// Availability without history needs the uptime snapshot's duration; a
// server that reports only a percentage leaves it unknown and says why.
func TestAvailabilityWithoutUptimeSeconds(t *testing.T) {
	fake := sloFake(t)
	fake.NoCapabilities = true
	fake.SetFault("/api/monitoring/uptime", fakeapi.Fault{Status: 200, Body: `{"status":"healthy","uptime":{"formatted":"since Monday","percentage":99.95}}`})
	r := sloRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "slo", `{"objective":"availability"}`, testNow.Add(-time.Hour), testNow))
	if v := floatAt(t, frames[0], "actual", 0); v != nil {
		t.Fatalf("actual = %v, want null", *v)
	}
	if !strings.Contains(noticeTexts(frames, data.NoticeSeverityWarning), "Availability is unknown: the server's uptime (/api/monitoring/uptime) has no uptime.seconds") {
		t.Fatalf("notices: %s", noticeTexts(frames, data.NoticeSeverityWarning))
	}
}

// An uptime given only as text ("5d 14h 23m 45s", as in the endpoint
// description) is read as seconds, so availability is known.
func TestAvailabilityFromFormattedUptime(t *testing.T) {
	fake := sloFake(t)
	fake.NoCapabilities = true
	fake.SetFault("/api/monitoring/uptime", fakeapi.Fault{Status: 200, Body: `{"status":"healthy","uptime":{"formatted":"5d 14h 23m 45s","percentage":99.95}}`})
	r := sloRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "slo", `{"objective":"availability"}`, testNow.Add(-time.Hour), testNow))
	if v := floatAt(t, frames[0], "actual", 0); v == nil || *v != 99.95 {
		t.Fatalf("actual = %v, want 99.95", v)
	}
}
