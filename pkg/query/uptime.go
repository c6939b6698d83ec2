package query

import (
	"context"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Series names of the uptime query.
const (
	NameUptimePercentage = "uptime.percentage"
	NameUptimeSeconds    = "uptime.seconds"
	NameUptimeStatus     = "uptime.status"
	NameSLATarget        = "sla.target"
	NameSLACompliance    = "sla.compliance"
)

func (r *Runner) runUptime(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	_, ss, err := r.uptimeSeries(ctx, q, tr)
	if err != nil {
		return nil, err
	}
	return multiFrames(ss), nil
}

func (r *Runner) uptimeSeries(ctx context.Context, q Query, tr *trace) (time.Time, []series, error) {
	resp, err := r.get(ctx, tr, client.Request{Path: client.PathUptime})
	if err != nil {
		return time.Time{}, nil, err
	}
	u, err := parsed(r.Client, resp, "uptime", func() (parse.Uptime, error) { return parse.ParseUptime(resp.Body) })
	if err != nil {
		return time.Time{}, nil, err
	}
	ts := sampleTime(u.Timestamp, resp.FetchedAt)
	readerNotes(tr, "uptime", u.Notes)
	figs := []figure{
		{NameUptimePercentage, "uptime.percentage", u.Percentage != nil},
		{NameUptimeSeconds, "uptime.seconds", u.Seconds != nil},
		{NameUptimeStatus, "status", parse.StatusValue(u.Status) != nil},
		{NameSLATarget, "sla.target", u.SLATarget != nil},
	}
	for _, c := range u.Compliance {
		figs = append(figs, figure{NameSLACompliance, "sla.compliance." + c.Objective, c.Met != nil})
	}
	missingFigures(tr, "uptime", client.PathUptime, q.Names, figs)

	pct := point(NameUptimePercentage, nil, ts, u.Percentage)
	pct.Unit, pct.DisplayName, pct.Decimals = "percent", "Uptime", u16(3)
	secs := point(NameUptimeSeconds, nil, ts, u.Seconds)
	secs.Unit, secs.DisplayName = "dtdurations", "Uptime duration"
	if u.Formatted != "" {
		secs.Description = "Server reports " + u.Formatted
	}
	status := point(NameUptimeStatus, nil, ts, parse.StatusValue(u.Status))
	status.DisplayName, status.Mappings = "Status", statusMappings
	target := point(NameSLATarget, nil, ts, u.SLATarget)
	target.Unit, target.DisplayName, target.Decimals = "percent", "SLA target", u16(3)

	ss := []series{pct, secs, status, target}
	for _, c := range u.Compliance {
		s := point(NameSLACompliance, data.Labels{"objective": c.Objective}, ts, boolValue(c.Met))
		s.DisplayName, s.Mappings = "SLA compliance ("+c.Objective+")", complianceMappings
		s.Description = "1 met, 0 not met"
		ss = append(ss, s)
	}
	return ts, filterSeries(ss, q.Names), nil
}
