package slo

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestComputeFullHistory(t *testing.T) {
	tests := []struct {
		name          string
		target        float64
		bad           float64 // constant bad share of every minute
		wantActual    float64
		wantRatio     float64
		wantBurn      float64
		wantCompliant bool
		wantSlow      bool // 1x over 3d and 6h: only a steady burn above 1x opens a ticket
	}{
		{"no errors", 99.9, 0, 100, 1, 0, true, false},
		{"half the budget", 99.9, 0.0005, 99.95, 0.5, 0.5, true, false},
		{"exactly the budget is still compliant", 99.9, 0.001, 99.9, 0, 1, true, false},
		{"twice the budget", 99.9, 0.002, 99.8, -1, 2, false, true},
		{"99% objective at 1% errors", 99, 0.01, 99, 0, 1, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := objective(t, KindErrorRate, tc.target, "30d", "")
			sli := minuteSLI(testNow.Add(-30*24*time.Hour), testNow, constant(tc.bad))
			r := Compute(o, sli, testNow)
			approx(t, "coverage", r.HistoryCoverage, 1)
			approxPtr(t, "actual", r.Actual, tc.wantActual)
			approxPtr(t, "budget_remaining_ratio", r.BudgetRemainingRatio, tc.wantRatio)
			approx(t, "budget_total_minutes", r.BudgetTotalMinutes, 43200*(100-tc.target)/100)
			approxPtr(t, "budget_remaining_minutes", r.BudgetRemainingMinutes, tc.wantRatio*r.BudgetTotalMinutes)
			for i, w := range BurnWindows {
				approxPtr(t, "burn_rate_"+w.Name, r.BurnRates[i], tc.wantBurn)
			}
			if r.Compliant == nil || *r.Compliant != tc.wantCompliant {
				t.Errorf("compliant = %v, want %v", r.Compliant, tc.wantCompliant)
			}
			if r.FastBurn {
				t.Errorf("steady burn of %gx must not page", tc.wantBurn)
			}
			if r.SlowBurn != tc.wantSlow {
				t.Errorf("slow burn = %v, want %v", r.SlowBurn, tc.wantSlow)
			}
			if len(r.Notices) != 0 {
				t.Errorf("notices = %v", r.Notices)
			}
		})
	}
}

func TestComputeNoData(t *testing.T) {
	o := objective(t, KindAvailability, 99.9, "30d", "")
	r := Compute(o, SLI{}, testNow)
	if r.Actual != nil || r.Compliant != nil || r.BudgetRemainingRatio != nil || r.BudgetRemainingMinutes != nil || r.TimeToExhaustionSeconds != nil {
		t.Errorf("unknown values must be null, got %+v", r)
	}
	for i, b := range r.BurnRates {
		if b != nil {
			t.Errorf("burn_rate_%s = %v, want null", BurnWindows[i].Name, *b)
		}
	}
	if r.HistoryCoverage != 0 || len(r.Notices) != 1 || !strings.Contains(r.Notices[0], "no data") {
		t.Errorf("coverage %v notices %v", r.HistoryCoverage, r.Notices)
	}
	approx(t, "budget_total_minutes", r.BudgetTotalMinutes, 43.2)
}

// Gaps: burn windows without any data are null (never 0, never a division
// by zero) and cannot satisfy a burn condition; windows with some data use
// what they have.
func TestBurnRateWindowsWithGaps(t *testing.T) {
	o := objective(t, KindErrorRate, 99.9, "30d", "")
	// 10% errors until 40 minutes ago, then nothing at all.
	sli := minuteSLI(testNow.Add(-3*24*time.Hour), testNow.Add(-40*time.Minute), constant(0.1))
	r := Compute(o, sli, testNow)
	for _, name := range []string{"5m", "30m"} {
		if b := r.BurnRates[indexOf(name)]; b != nil {
			t.Errorf("burn_rate_%s = %v, want null for a window without data", name, *b)
		}
	}
	for _, name := range []string{"1h", "2h", "6h", "1d", "3d"} {
		approxPtr(t, "burn_rate_"+name, r.BurnRates[indexOf(name)], 100)
	}
	if r.FastBurn {
		t.Error("fast burn with null short windows must be false")
	}
	if !r.SlowBurn {
		t.Error("slow burn (1d and 2h at 100x) must be true")
	}
	// 3 days less 40 minutes of a 30-day window.
	approx(t, "coverage", r.HistoryCoverage, (3*24*60-40)/(30*24*60.0))
	if len(r.Notices) != 1 || !strings.Contains(r.Notices[0], "covers 9.9%") {
		t.Errorf("notices = %v", r.Notices)
	}
}

func indexOf(name string) int {
	for i, w := range BurnWindows {
		if w.Name == name {
			return i
		}
	}
	panic("no burn window " + name)
}

// Partial history: the covered part stands for the whole window.
func TestPartialHistoryRule(t *testing.T) {
	o := objective(t, KindErrorRate, 99.9, "7d", "")
	sli := minuteSLI(testNow.Add(-24*time.Hour), testNow, constant(0.002))
	r := Compute(o, sli, testNow)
	approx(t, "coverage", r.HistoryCoverage, 1.0/7)
	approxPtr(t, "actual", r.Actual, 99.8)
	// consumed = 0.2% of the whole 7 days = 20.16 min of a 10.08 min budget.
	approxPtr(t, "budget_remaining_minutes", r.BudgetRemainingMinutes, 10.08-20.16)
	approxPtr(t, "budget_remaining_ratio", r.BudgetRemainingRatio, -1)
	if r.Compliant == nil || *r.Compliant {
		t.Error("twice the allowed error share is not compliant, whatever the coverage")
	}
}

// Coverage counts only the part of a coarse slice inside the window.
func TestCoverageClipsTheOldestSlice(t *testing.T) {
	o := objective(t, KindAvailability, 99.9, "7d", "")
	start := testNow.Add(-7 * 24 * time.Hour)
	var sl []Slice
	// 10-minute slices ending 3 minutes after the window start, then every 10 minutes.
	for end := start.Add(3 * time.Minute); !end.After(testNow); end = end.Add(10 * time.Minute) {
		sl = append(sl, Slice{End: end, Span: 10 * time.Minute, Good: 1, Total: 1})
	}
	r := Compute(o, SLI{Slices: sl}, testNow)
	last := sl[len(sl)-1].End
	want := last.Sub(start).Minutes() / (7 * 24 * 60)
	approx(t, "coverage", r.HistoryCoverage, want)
}

func TestHundredPercentObjective(t *testing.T) {
	o := objective(t, KindErrorRate, 100, "30d", "")
	t.Run("no bad event", func(t *testing.T) {
		r := Compute(o, minuteSLI(testNow.Add(-30*24*time.Hour), testNow, constant(0)), testNow)
		if r.Compliant == nil || !*r.Compliant {
			t.Error("want compliant")
		}
		approx(t, "budget_total_minutes", r.BudgetTotalMinutes, 0)
		approxPtr(t, "budget_remaining_ratio", r.BudgetRemainingRatio, 1)
		approxPtr(t, "budget_remaining_minutes", r.BudgetRemainingMinutes, 0)
		approxPtr(t, "burn_rate_1h", r.BurnRates[Burn1h], 0)
		if r.TimeToExhaustionSeconds != nil {
			t.Errorf("not burning: time to exhaustion = %v, want null", *r.TimeToExhaustionSeconds)
		}
	})
	t.Run("one bad event", func(t *testing.T) {
		badAt := testNow.Add(-90 * time.Minute)
		sli := minuteSLI(testNow.Add(-30*24*time.Hour), testNow, func(end time.Time) float64 {
			if end.Equal(badAt) {
				return 0.01 // one request of 100
			}
			return 0
		})
		r := Compute(o, sli, testNow)
		if r.Compliant == nil || *r.Compliant {
			t.Error("any bad event breaks a 100% objective")
		}
		approxPtr(t, "budget_remaining_ratio", r.BudgetRemainingRatio, -Unbounded)
		approxPtr(t, "burn_rate_1h", r.BurnRates[Burn1h], 0) // the bad minute is 90 minutes ago
		approxPtr(t, "burn_rate_2h", r.BurnRates[Burn2h], Unbounded)
		approxPtr(t, "burn_rate_3d", r.BurnRates[Burn3d], Unbounded)
		if !r.SlowBurn {
			t.Error("Unbounded over 1d and 2h must open a ticket")
		}
		if r.FastBurn {
			t.Error("nothing bad in the last hour: no page")
		}
		for i, b := range r.BurnRates {
			if b != nil && (math.IsInf(*b, 0) || math.IsNaN(*b)) {
				t.Errorf("burn_rate_%s = %v: must be finite for JSON and alerting", BurnWindows[i].Name, *b)
			}
		}
		if r.TimeToExhaustionSeconds != nil {
			t.Errorf("1h burn is 0: time to exhaustion = %v, want null", *r.TimeToExhaustionSeconds)
		}
	})
	t.Run("bad event in the last hour", func(t *testing.T) {
		sli := minuteSLI(testNow.Add(-2*time.Hour), testNow, func(end time.Time) float64 {
			if end.Equal(testNow.Add(-2 * time.Minute)) {
				return 0.5
			}
			return 0
		})
		r := Compute(o, sli, testNow)
		approxPtr(t, "burn_rate_5m", r.BurnRates[Burn5m], Unbounded)
		approxPtr(t, "time_to_exhaustion_seconds", r.TimeToExhaustionSeconds, 0)
		if !r.FastBurn {
			t.Error("Unbounded over 1h and 5m must page")
		}
	})
}

func TestMultiwindowConditions(t *testing.T) {
	rates := func(kv map[int]float64) *[burnWindowCount]*float64 {
		var r [burnWindowCount]*float64
		for k, v := range kv {
			r[k] = f64(v)
		}
		return &r
	}
	tests := []struct {
		name       string
		rates      map[int]float64
		fast, slow bool
	}{
		{"page 14.4x over 1h and 5m", map[int]float64{Burn1h: 15, Burn5m: 20}, true, false},
		{"no page when only 1h burns", map[int]float64{Burn1h: 15, Burn5m: 10}, false, false},
		{"no page when only 5m burns (spike already over)", map[int]float64{Burn1h: 10, Burn5m: 50}, false, false},
		{"14.4x exactly is not above the factor", map[int]float64{Burn1h: 14.4, Burn5m: 14.4}, false, false},
		{"page 6x over 6h and 30m", map[int]float64{Burn6h: 6.5, Burn30m: 7}, true, false},
		{"no page when 30m is below 6x", map[int]float64{Burn6h: 6.5, Burn30m: 5.9}, false, false},
		{"ticket 3x over 1d and 2h", map[int]float64{Burn1d: 3.5, Burn2h: 4}, false, true},
		{"no ticket when 2h is below 3x", map[int]float64{Burn1d: 3.5, Burn2h: 2.9}, false, false},
		{"ticket 1x over 3d and 6h", map[int]float64{Burn3d: 1.2, Burn6h: 1.1}, false, true},
		{"no ticket when 3d is below 1x", map[int]float64{Burn3d: 0.9, Burn6h: 1.1}, false, false},
		{"null windows never match", map[int]float64{Burn1h: 100}, false, false},
		{"both at once", map[int]float64{Burn5m: 20, Burn30m: 20, Burn1h: 20, Burn2h: 20, Burn6h: 20, Burn1d: 20, Burn3d: 20}, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rates(tc.rates)
			if got := FastBurn(r); got != tc.fast {
				t.Errorf("fast burn = %v, want %v", got, tc.fast)
			}
			if got := SlowBurn(r); got != tc.slow {
				t.Errorf("slow burn = %v, want %v", got, tc.slow)
			}
		})
	}
}

// An error spike after a quiet month makes the page condition true end to end.
func TestErrorSpikePages(t *testing.T) {
	o := objective(t, KindErrorRate, 99.5, "30d", "")
	spikeStart := testNow.Add(-10 * time.Minute)
	sli := minuteSLI(testNow.Add(-30*24*time.Hour), testNow, func(end time.Time) float64 {
		if end.After(spikeStart) {
			return 1
		}
		return 0.001
	})
	r := Compute(o, sli, testNow)
	approxPtr(t, "burn_rate_5m", r.BurnRates[Burn5m], 200)
	approxPtr(t, "burn_rate_1h", r.BurnRates[Burn1h], (10+50*0.001)/60/0.005)
	if !r.FastBurn {
		t.Error("want fast burn")
	}
	if r.SlowBurn {
		t.Error("1d burn is (10+1430*0.001)/1440/0.005 = 1.59 < 3: no ticket yet")
	}
}

func TestTimeToExhaustion(t *testing.T) {
	o := objective(t, KindErrorRate, 99.9, "30d", "")
	tests := []struct {
		name    string
		bad     func(time.Time) float64
		want    *float64
		wantNil bool
	}{
		{
			// 1.44% errors in the last hour only: burn 14.4; consumed 0.864 of 43.2 minutes;
			// 42.336 bad-minutes left at 0.0144 per minute = 2940 minutes.
			name: "burning at 14.4x",
			bad: func(end time.Time) float64 {
				if end.After(testNow.Add(-time.Hour)) {
					return 0.0144
				}
				return 0
			},
			want: f64(2940 * 60),
		},
		{name: "not burning", bad: constant(0), wantNil: true},
		{name: "already overspent", bad: constant(0.005), want: f64(0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compute(o, minuteSLI(testNow.Add(-30*24*time.Hour), testNow, tc.bad), testNow)
			if tc.wantNil {
				if r.TimeToExhaustionSeconds != nil {
					t.Errorf("time to exhaustion = %v, want null", *r.TimeToExhaustionSeconds)
				}
				return
			}
			approxPtr(t, "time_to_exhaustion_seconds", r.TimeToExhaustionSeconds, *tc.want)
		})
	}
}

// A calendar month counts the bad minutes so far against the whole month's
// budget; the rest of the month is not extrapolated.
func TestCalendarMonthToDate(t *testing.T) {
	o := objective(t, KindAvailability, 99.9, "calendar_month", "")
	now := time.Date(2025, 2, 15, 0, 0, 0, 0, time.UTC) // 14 of 28 days elapsed
	start := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)
	outage := start.Add(48 * time.Hour)
	sli := minuteSLI(start.Add(-3*24*time.Hour), now, func(end time.Time) float64 {
		if end.After(outage) && !end.After(outage.Add(20*time.Minute)) {
			return 1
		}
		return 0
	})
	r := Compute(o, sli, now)
	approx(t, "budget_total_minutes", r.BudgetTotalMinutes, 40.32)
	approxPtr(t, "budget_remaining_minutes", r.BudgetRemainingMinutes, 20.32)
	approxPtr(t, "budget_remaining_ratio", r.BudgetRemainingRatio, 20.32/40.32)
	approxPtr(t, "actual", r.Actual, (1-20.0/(14*24*60))*100)
	approx(t, "coverage", r.HistoryCoverage, 1)
	if r.Compliant == nil || !*r.Compliant {
		t.Error("half the monthly budget spent: still compliant")
	}
	if !r.End.Equal(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("window end = %v", r.End)
	}
}

// Slices after now (clock skew, or a server ahead of Grafana) are ignored.
func TestFutureSlicesIgnored(t *testing.T) {
	o := objective(t, KindErrorRate, 99.9, "7d", "")
	sli := minuteSLI(testNow.Add(-7*24*time.Hour), testNow.Add(time.Hour), func(end time.Time) float64 {
		if end.After(testNow) {
			return 1
		}
		return 0
	})
	r := Compute(o, sli, testNow)
	approxPtr(t, "actual", r.Actual, 100)
	approxPtr(t, "burn_rate_5m", r.BurnRates[Burn5m], 0)
}
