package plugin

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

// The report server's simulated clock starts on 12 October 2026 with 35
// days of history (from 7 September): September is mostly covered,
// October is running, August has no history.
var reportClockStart = time.Date(2026, 10, 12, 6, 0, 0, 0, time.UTC)

type reportFixture struct {
	server *testserver.Server
	ds     *Datasource
}

func startReportServer(t *testing.T) reportFixture {
	t.Helper()
	if os.Getenv("APPMON_INTEGRATION") != "1" {
		t.Skip("needs the reference server: set APPMON_INTEGRATION=1")
	}
	s, err := testserver.Start(testserver.Options{HistoryDays: 35, ClockStart: reportClockStart, ClockControl: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	ds := newDS(t, s.URL, `{"cacheTTLSeconds":0}`, map[string]string{"apiKey": s.APIKey})
	// The backend's clock follows the server's simulated one.
	ds.runner.Now = func() time.Time {
		now, err := s.Clock(context.Background())
		if err != nil {
			t.Errorf("reading the server's clock: %v", err)
		}
		return now
	}
	return reportFixture{s, ds}
}

func getReport(t *testing.T, ds *Datasource, path string) (slaReport, resourceResult) {
	t.Helper()
	res := callResource(t, ds, path)
	var rep slaReport
	if res.Status == 200 {
		if err := json.Unmarshal(res.Body, &rep); err != nil {
			t.Fatalf("%s: %v\n%s", path, err, res.Body)
		}
	}
	return rep, res
}

func TestSLAReportAgainstReferenceServer(t *testing.T) {
	f := startReportServer(t)
	ctx := context.Background()

	// Three hours of failing requests on 12 October, then calm again.
	if err := f.server.SetScenario(ctx, "error_spike"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.server.AdvanceClock(ctx, 3*time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := f.server.SetScenario(ctx, "normal"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.server.AdvanceClock(ctx, 2*time.Hour); err != nil {
		t.Fatal(err)
	}

	t.Run("current month by default", func(t *testing.T) {
		rep, res := getReport(t, f.ds, "sla-report")
		if res.Status != 200 {
			t.Fatalf("status %d: %s", res.Status, res.Body)
		}
		if rep.Month != "2026-10" || rep.MonthName != "October 2026" || rep.Complete || len(rep.Objectives) != 3 {
			t.Fatalf("month %s (%s), complete %v, %d objectives", rep.Month, rep.MonthName, rep.Complete, len(rep.Objectives))
		}
		var errorRate *reportObjective
		for i, o := range rep.Objectives {
			if o.Actual == nil || *o.Actual <= 50 || o.HistoryCoverage < 0.99 || o.DaysElapsed != 12 || o.DaysWithData != 12 {
				t.Errorf("%s: actual %v, coverage %.3f, %d days elapsed, %d with data", o.ID, o.Actual, o.HistoryCoverage, o.DaysElapsed, o.DaysWithData)
			}
			if o.ID == "error_rate" {
				errorRate = &rep.Objectives[i]
			}
		}
		if errorRate == nil {
			t.Fatal("no error_rate objective")
		}
		last := errorRate.Daily[len(errorRate.Daily)-1]
		if last.Date != "2026-10-12" || last.Met == nil || *last.Met || errorRate.DaysMissed == nil || *errorRate.DaysMissed < 1 {
			t.Errorf("12 October after a 3-hour error spike: %+v, days missed %v", last, errorRate.DaysMissed)
		}
		if rep.Coverage != nil {
			t.Errorf("October is covered, yet: %s", *rep.Coverage)
		}
		// September is covered from the 7th on: a rough comparison, said so.
		if rep.Previous.Coverage == nil || !strings.Contains(*rep.Previous.Coverage, "September 2026") || errorRate.Previous.Actual == nil || errorRate.ChangePoints == nil {
			t.Errorf("previous month: %+v, error rate previous %+v", rep.Previous, errorRate.Previous)
		}
		if rep.Incidents == nil || rep.IncidentCount == nil || *rep.IncidentCount != len(rep.Incidents) {
			t.Fatalf("incidents %v, count %v", rep.Incidents, rep.IncidentCount)
		}
		spike := false
		for _, i := range rep.Incidents {
			spike = spike || (i.StartedAt.After(reportClockStart) && i.DurationSeconds != nil)
		}
		if !spike || rep.MTTRSeconds == nil || *rep.MTTRSeconds <= 0 {
			t.Errorf("the error spike's incident is missing or unresolved: %+v, MTTR %v", rep.Incidents, rep.MTTRSeconds)
		}
	})

	t.Run("a finished month with history from the 7th", func(t *testing.T) {
		rep, res := getReport(t, f.ds, "sla-report?month=2026-09")
		if res.Status != 200 {
			t.Fatalf("status %d: %s", res.Status, res.Body)
		}
		if !rep.Complete || rep.Coverage == nil || !strings.Contains(*rep.Coverage, "history starts on 7 September 2026") {
			t.Fatalf("complete %v, coverage %v", rep.Complete, rep.Coverage)
		}
		for _, o := range rep.Objectives {
			if o.Actual == nil || o.Met == nil || o.HistoryCoverage < 0.7 || o.HistoryCoverage > 0.85 || o.DaysWithData != 24 {
				t.Errorf("%s: actual %v met %v coverage %.3f days with data %d", o.ID, o.Actual, o.Met, o.HistoryCoverage, o.DaysWithData)
			}
			if o.Previous.Actual != nil || o.ChangePoints != nil {
				t.Errorf("%s: August has no history, yet previous %+v", o.ID, o.Previous)
			}
		}
		if rep.Previous.Coverage == nil || !strings.Contains(*rep.Previous.Coverage, "no month-over-month comparison") {
			t.Errorf("previous coverage: %v", rep.Previous.Coverage)
		}
	})

	t.Run("a month without history", func(t *testing.T) {
		rep, res := getReport(t, f.ds, "sla-report?month=2026-07")
		if res.Status != 200 {
			t.Fatalf("status %d: %s", res.Status, res.Body)
		}
		if rep.Coverage == nil || !strings.HasPrefix(*rep.Coverage, "No history covers July 2026") {
			t.Fatalf("coverage: %v", rep.Coverage)
		}
		for _, o := range rep.Objectives {
			if o.Actual != nil || o.Met != nil || o.BudgetUsedRatio != nil || o.DaysMissed != nil || o.DaysWithData != 0 {
				t.Errorf("%s without history: %+v", o.ID, o)
			}
		}
	})

	t.Run("bad months are refused in words", func(t *testing.T) {
		for path, want := range map[string]string{
			"sla-report?month=2026-13":  `month: \"2026-13\" is not a calendar month; use YYYY-MM`,
			"sla-report?month=2027-01":  "month: January 2027 has not started yet; pick 2026-10 or an earlier month",
			"sla-report?month=november": "use YYYY-MM, e.g. 2026-11",
		} {
			res := callResource(t, f.ds, path)
			if res.Status != 400 || !strings.Contains(string(res.Body), want) {
				t.Errorf("%s: %d %s, want 400 with %q", path, res.Status, res.Body, want)
			}
		}
	})
}
