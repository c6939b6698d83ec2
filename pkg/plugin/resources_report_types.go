package plugin

import "time"

// slaReport is the body of GET /sla-report. Unknown figures are null.
type slaReport struct {
	Month     string    `json:"month"`      // "2026-11"
	MonthName string    `json:"month_name"` // "November 2026"
	TimeZone  string    `json:"time_zone"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	// Until is where the figures stop: To, or now while the month runs.
	Until      time.Time         `json:"until"`
	Complete   bool              `json:"complete"`
	Objectives []reportObjective `json:"objectives"`
	// Incidents overlapping the month; null when the server does not list them.
	Incidents     []reportIncident `json:"incidents"`
	IncidentCount *int             `json:"incident_count"`
	MTTRSeconds   *float64         `json:"mttr_seconds"`
	Previous      reportPrevious   `json:"previous"`
	// Coverage says in words how far history covers the month; null when fully.
	Coverage *string  `json:"coverage"`
	Notices  []string `json:"notices"`
}

type reportPrevious struct {
	Month         string   `json:"month"`
	MonthName     string   `json:"month_name"`
	IncidentCount *int     `json:"incident_count"`
	MTTRSeconds   *float64 `json:"mttr_seconds"`
	Coverage      *string  `json:"coverage"`
}

type reportObjective struct {
	ID                string                  `json:"id"`
	Title             string                  `json:"title"`
	Kind              string                  `json:"kind"`
	Target            float64                 `json:"target"`
	Window            string                  `json:"window"`
	TimeZone          string                  `json:"time_zone"`
	From              time.Time               `json:"from"`
	To                time.Time               `json:"to"`
	Actual            *float64                `json:"actual"`
	Met               *bool                   `json:"met"`
	BudgetMinutes     float64                 `json:"budget_minutes"`
	BudgetUsedMinutes *float64                `json:"budget_used_minutes"`
	BudgetUsedRatio   *float64                `json:"budget_used_ratio"`
	HistoryCoverage   float64                 `json:"history_coverage"`
	DaysInMonth       int                     `json:"days_in_month"`
	DaysElapsed       int                     `json:"days_elapsed"`
	DaysWithData      int                     `json:"days_with_data"`
	DaysMissed        *int                    `json:"days_missed"`
	Daily             []reportDay             `json:"daily"`
	Previous          reportObjectivePrevious `json:"previous"`
	// ChangePoints is actual minus the previous month's, in percentage points.
	ChangePoints *float64 `json:"change_points"`
}

type reportObjectivePrevious struct {
	Actual          *float64 `json:"actual"`
	Met             *bool    `json:"met"`
	BudgetUsedRatio *float64 `json:"budget_used_ratio"`
	HistoryCoverage float64  `json:"history_coverage"`
	DaysMissed      *int     `json:"days_missed"`
}

type reportDay struct {
	Date   string   `json:"date"`
	Actual *float64 `json:"actual"`
	Met    *bool    `json:"met"`
}

type reportIncident struct {
	ID              string     `json:"id"`
	Title           string     `json:"title"`
	Severity        string     `json:"severity"`
	StartedAt       time.Time  `json:"started_at"`
	ResolvedAt      *time.Time `json:"resolved_at"`
	DurationSeconds *float64   `json:"duration_seconds"`
}
