package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// promClient talks to the test's Prometheus; no call may hang the test.
var promClient = &http.Client{Timeout: 5 * time.Second}

// promGet calls a Prometheus HTTP API route and decodes its data.
func promGet(ctx context.Context, base, path string, params url.Values, data any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path+"?"+params.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := promClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var body struct {
		Status string          `json:"status"`
		Error  string          `json:"error"`
		Data   json.RawMessage `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return fmt.Errorf("%s: %s, undecodable answer: %w", path, resp.Status, err)
	}
	if body.Status != "success" {
		return fmt.Errorf("%s: %s: %s", path, resp.Status, body.Error)
	}
	return json.Unmarshal(body.Data, data)
}

// promSeries is one series of a query's answer; Values holds the last
// value of a range query or the value of an instant query.
type promSeries struct {
	Metric map[string]string `json:"metric"`
	Value  []any             `json:"value"`
	Values [][]any           `json:"values"`
}

func (s promSeries) last() float64 {
	v := s.Value
	if len(s.Values) > 0 {
		v = s.Values[len(s.Values)-1]
	}
	if len(v) != 2 {
		return 0
	}
	f, _ := strconv.ParseFloat(fmt.Sprint(v[1]), 64)
	return f
}

// promQuery runs an instant query now.
func promQuery(ctx context.Context, base, expr string) ([]promSeries, error) {
	var data struct {
		Result []promSeries `json:"result"`
	}
	err := promGet(ctx, base, "/api/v1/query", url.Values{"query": {expr}}, &data)
	return data.Result, err
}

// promQueryRange runs a range query over the last span, as a panel does.
func promQueryRange(ctx context.Context, base, expr string, span, step time.Duration) ([]promSeries, error) {
	now := time.Now()
	var data struct {
		Result []promSeries `json:"result"`
	}
	params := url.Values{"query": {expr}, "start": {unix(now.Add(-span))}, "end": {unix(now)}, "step": {strconv.FormatFloat(step.Seconds(), 'f', -1, 64)}}
	err := promGet(ctx, base, "/api/v1/query_range", params, &data)
	return data.Result, err
}

func unix(t time.Time) string { return strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', 3, 64) }

type promTarget struct {
	Labels    map[string]string `json:"labels"`
	Health    string            `json:"health"`
	LastError string            `json:"lastError"`
	ScrapeURL string            `json:"scrapeUrl"`
}

func promTargets(ctx context.Context, base string) ([]promTarget, error) {
	var data struct {
		ActiveTargets []promTarget `json:"activeTargets"`
	}
	err := promGet(ctx, base, "/api/v1/targets", url.Values{"state": {"active"}}, &data)
	return data.ActiveTargets, err
}

type promRule struct {
	Name      string            `json:"name"`
	Query     string            `json:"query"`
	Labels    map[string]string `json:"labels"`
	Health    string            `json:"health"`
	LastError string            `json:"lastError"`
	Type      string            `json:"type"` // recording or alerting
	Group     string            `json:"-"`
}

func promRules(ctx context.Context, base string) ([]promRule, error) {
	var data struct {
		Groups []struct {
			Name  string     `json:"name"`
			Rules []promRule `json:"rules"`
		} `json:"groups"`
	}
	if err := promGet(ctx, base, "/api/v1/rules", url.Values{}, &data); err != nil {
		return nil, err
	}
	var out []promRule
	for _, g := range data.Groups {
		for _, r := range g.Rules {
			r.Group = g.Name
			out = append(out, r)
		}
	}
	return out, nil
}
