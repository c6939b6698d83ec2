package query

import (
	"context"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// SummaryPrefix prefixes the dashboard summary's series names.
const SummaryPrefix = "summary."

var summaryUnits = map[string]string{
	"requests_per_minute":   "suffix: req/min",
	"error_rate":            "percent",
	"response_time_p95":     "ms",
	"active_alerts":         "none",
	"payments_success_rate": "percent",
	"revenue_today":         "currencyUSD",
	"active_users":          "none",
}

func (r *Runner) runDashboard(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	_, ss, err := r.dashboardSeries(ctx, q, tr)
	if err != nil {
		return nil, err
	}
	return multiFrames(ss), nil
}

func (r *Runner) dashboardSeries(ctx context.Context, q Query, tr *trace) (time.Time, []series, error) {
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathDashboard})
	if err != nil {
		return time.Time{}, nil, err
	}
	d, err := parsed(r.Client, resp, "dashboard", func() (parse.Dashboard, error) { return parse.ParseDashboard(resp.Body) })
	if err != nil {
		return time.Time{}, nil, err
	}
	ts := sampleTime(d.Timestamp, resp.FetchedAt)
	readerNotes(tr, "dashboard", d.Notes)

	var ss []series
	if q.Services.All() {
		missingFigures(tr, "dashboard", client.PathDashboard, q.Names, dashboardFigures(d))
		ss = append(ss, statusSeries(ts, nil, d.Status, "Overall status"))
		score := point(NameHealthScore, nil, ts, d.HealthScore)
		score.Unit, score.DisplayName, score.Decimals = "percent", "Health score", u16(0)
		up := point(NameUptimePercentage, nil, ts, d.UptimePercentage)
		up.Unit, up.DisplayName, up.Decimals = "percent", "Uptime", u16(3)
		ss = append(ss, score, up)
		for _, v := range d.Summary {
			s := point(SummaryPrefix+v.Key, nil, ts, v.Value)
			s.Unit = summaryUnits[v.Key]
			s.DisplayName = humanize(v.Key)
			ss = append(ss, s)
		}
	}
	ss = append(ss, serviceSeries(ts, d.Services, q.Services, tr)...)
	return ts, filterSeries(ss, q.Names), nil
}

// dashboardFigures lists the contract's dashboard numbers and whether the
// server sent each (a summary key it does not send at all counts too).
func dashboardFigures(d parse.Dashboard) []figure {
	figs := []figure{
		{NameHealthStatus, "status", parse.StatusValue(d.Status) != nil},
		{NameHealthScore, "health_score", d.HealthScore != nil},
		{NameUptimePercentage, "uptime_percentage", d.UptimePercentage != nil},
	}
	have := map[string]bool{}
	for _, v := range d.Summary {
		have[v.Key] = v.Value != nil
	}
	for _, k := range parse.SummaryKeys {
		figs = append(figs, figure{SummaryPrefix + k, "summary." + k, have[k]})
		delete(have, k)
	}
	for _, v := range d.Summary {
		if ok, extra := have[v.Key]; extra && !ok {
			figs = append(figs, figure{SummaryPrefix + v.Key, "summary." + v.Key, false})
		}
	}
	return figs
}

// humanize turns "payments_success_rate" into "Payments success rate".
func humanize(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	s = strings.Replace(s, " p95", " (p95)", 1)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
