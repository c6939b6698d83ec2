package slo

import "time"

// BurnWindow is one look-back window for burn rates.
type BurnWindow struct {
	Name     string // used in field names: burn_rate_<Name>
	Duration time.Duration
}

// BurnWindows are the SRE workbook's windows, shortest first. Result.BurnRates
// is indexed like this slice.
var BurnWindows = []BurnWindow{
	{"5m", 5 * time.Minute},
	{"30m", 30 * time.Minute},
	{"1h", time.Hour},
	{"2h", 2 * time.Hour},
	{"6h", 6 * time.Hour},
	{"1d", 24 * time.Hour},
	{"3d", 72 * time.Hour},
}

// Indexes into BurnWindows / Result.BurnRates.
const (
	Burn5m = iota
	Burn30m
	Burn1h
	Burn2h
	Burn6h
	Burn1d
	Burn3d
	burnWindowCount
)

// LongestBurnWindow is how much recent history burn rates need.
const LongestBurnWindow = 72 * time.Hour

// Multiwindow multi-burn-rate alert conditions (SRE workbook, chapter 5):
// both the long and the short window must burn faster than the factor, so
// an alert fires quickly on a real spike and stops soon after it ends.
type burnCondition struct {
	long, short int
	factor      float64
}

var (
	pageConditions = []burnCondition{
		{Burn1h, Burn5m, 14.4}, // 2% of a 30-day budget in one hour
		{Burn6h, Burn30m, 6},   // 5% of a 30-day budget in six hours
	}
	ticketConditions = []burnCondition{
		{Burn1d, Burn2h, 3}, // 10% of a 30-day budget in a day
		{Burn3d, Burn6h, 1}, // 10% of a 30-day budget in three days
	}
)

// burning reports whether any condition holds. A window without data
// (nil burn rate) never satisfies a condition: no data is not an outage.
func burning(rates *[burnWindowCount]*float64, conds []burnCondition) bool {
	for _, c := range conds {
		l, s := rates[c.long], rates[c.short]
		if l != nil && s != nil && *l > c.factor && *s > c.factor {
			return true
		}
	}
	return false
}

// burnKnown reports whether a burn flag can be stated: some window of its
// conditions has data. With none (no history, or none in the last days)
// the flag is unknown, not "not burning": an alert rule must see no data,
// never a calm 0.
func burnKnown(rates *[burnWindowCount]*float64, conds []burnCondition) bool {
	for _, c := range conds {
		if rates[c.long] != nil || rates[c.short] != nil {
			return true
		}
	}
	return false
}

// FastBurn is the page condition: 14.4x over 1h and 5m, or 6x over 6h and 30m.
func FastBurn(rates *[burnWindowCount]*float64) bool { return burning(rates, pageConditions) }

// SlowBurn is the ticket condition: 3x over 1d and 2h, or 1x over 3d and 6h.
func SlowBurn(rates *[burnWindowCount]*float64) bool { return burning(rates, ticketConditions) }

// burnRate is the bad ratio divided by the allowed bad ratio; nil without
// events. With a zero budget (100% objective) any bad event is Unbounded.
func burnRate(good, total, budgetFraction float64) *float64 {
	if total <= 0 {
		return nil
	}
	bad := max(total-good, 0)
	if bad == 0 {
		return ptr(0.0)
	}
	if budgetFraction <= 0 {
		return ptr(float64(Unbounded))
	}
	return ptr(min((bad/total)/budgetFraction, Unbounded))
}
