package query

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Series names of the health query.
const (
	NameHealthStatus       = "health.status"
	NameHealthScore        = "health.score"
	NameHealthResponseTime = "health.response_time"
)

// HealthRequest fetches the health check; a 503 carrying a health document
// is the application reporting "unhealthy", which is data, not an error.
func HealthRequest(noCache bool) client.Request {
	return client.Request{
		Path:    client.PathHealth,
		NoCache: noCache,
		Accept: func(status int, body []byte) bool {
			return status == http.StatusServiceUnavailable && parse.LooksLikeHealth(body)
		},
	}
}

func (r *Runner) runHealth(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	_, ss, err := r.healthSeries(ctx, q, tr)
	if err != nil {
		return nil, err
	}
	return multiFrames(ss), nil
}

// FetchHealth returns the parsed health check.
func (r *Runner) FetchHealth(ctx context.Context, tr *trace) (parse.Health, *client.Response, error) {
	if tr == nil {
		tr = &trace{}
	}
	resp, err := r.get(ctx, tr, HealthRequest(false))
	if err != nil {
		return parse.Health{}, nil, err
	}
	h, err := parsed(r.Client, resp, "health", func() (parse.Health, error) { return parse.ParseHealth(resp.Body) })
	return h, resp, err
}

func (r *Runner) healthSeries(ctx context.Context, q Query, tr *trace) (time.Time, []series, error) {
	h, resp, err := r.FetchHealth(ctx, tr)
	if err != nil {
		return time.Time{}, nil, err
	}
	ts := sampleTime(h.Timestamp, resp.FetchedAt)
	readerNotes(tr, "health check", h.Notes)
	var ss []series
	if q.Services.All() {
		missingFigures(tr, "health check", client.PathHealth, q.Names, []figure{
			{NameHealthStatus, "status", parse.StatusValue(h.Status) != nil},
			{NameHealthScore, "health_score", h.Score != nil},
		})
		ss = append(ss, statusSeries(ts, nil, h.Status, "Overall status"))
		score := point(NameHealthScore, nil, ts, h.Score)
		score.Unit, score.DisplayName, score.Decimals = "percent", "Health score", u16(0)
		ss = append(ss, score)
	}
	ss = append(ss, serviceSeries(ts, h.Services, q.Services, tr)...)
	return ts, filterSeries(ss, q.Names), nil
}

func statusSeries(ts time.Time, labels data.Labels, status, display string) series {
	s := point(NameHealthStatus, labels, ts, parse.StatusValue(status))
	s.DisplayName, s.Mappings = display, statusMappings
	s.Description = "1 healthy, 0.5 degraded, 0 unhealthy"
	return s
}

// serviceSeries gives each dependency a status and a response time
// series; a service's own error message becomes a panel notice.
func serviceSeries(ts time.Time, services []parse.ServiceHealth, filter Matcher, tr *trace) []series {
	var ss []series
	for _, svc := range services {
		if !filter.Match(svc.Name) {
			continue
		}
		labels := data.Labels{"service": svc.Name}
		ss = append(ss, statusSeries(ts, labels, svc.Status, svc.Name+" status"))
		rt := point(NameHealthResponseTime, data.Labels{"service": svc.Name}, ts, svc.ResponseTimeMs)
		rt.Unit, rt.DisplayName = "ms", svc.Name+" response time"
		ss = append(ss, rt)
		if svc.Error != "" {
			tr.notice(data.NoticeSeverityWarning, fmt.Sprintf("%s is %s: %s", svc.Name, svc.Status, svc.Error))
		}
	}
	return ss
}
