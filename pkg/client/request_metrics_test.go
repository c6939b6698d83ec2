package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// The lean middleware records what the SDK's records: the same families,
// label sets, counts and response sizes, for the same requests.
func TestRequestMetricsMatchTheSDK(t *testing.T) {
	if findSDKRequestVecs() == nil {
		t.Fatal("the SDK's request metric families were not found; the lean middleware would never run")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/missing":
			http.Error(w, "no such thing", http.StatusNotFound)
		case "/teapot":
			w.WriteHeader(http.StatusTeapot)
		default:
			_, _ = io.WriteString(w, strings.Repeat("x", 700))
		}
	}))
	defer srv.Close()

	run := func(dsType string, mw httpclient.Middleware) {
		hc, err := httpclient.New(httpclient.Options{Labels: map[string]string{"datasource_type": dsType}, Middlewares: []httpclient.Middleware{mw}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			method, path string
			endpoint     backend.Endpoint
		}{
			{"GET", "/ok", backend.EndpointQueryData}, {"GET", "/ok", backend.EndpointQueryData},
			{"GET", "/missing", backend.EndpointCallResource}, {"POST", "/teapot", ""}, {"PATCH", "/ok", backend.EndpointCheckHealth},
		} {
			req, _ := http.NewRequestWithContext(backend.WithEndpoint(context.Background(), c.endpoint), c.method, srv.URL+c.path, nil)
			res, err := hc.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
	}
	run("sdk side", httpclient.DataSourceMetricsMiddleware())
	run("lean side", requestMetricsMiddleware(findSDKRequestVecs()))

	sdk, lean := gatherFor(t, "sdk_side"), gatherFor(t, "lean_side")
	if len(sdk) == 0 {
		t.Fatal("the SDK's middleware recorded nothing")
	}
	if strings.Join(sdk, "\n") != strings.Join(lean, "\n") {
		t.Errorf("metrics differ\nSDK:\n%s\nlean:\n%s", strings.Join(sdk, "\n"), strings.Join(lean, "\n"))
	}
}

// gatherFor lists the plugins_datasource_* series of one data source type
// as "family{labels} value", durations by count only (times differ).
func gatherFor(t *testing.T, dsType string) []string {
	mfs, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, mf := range mfs {
		if !strings.HasPrefix(mf.GetName(), "plugins_datasource_") {
			continue
		}
		for _, m := range mf.GetMetric() {
			var labels []string
			mine := false
			for _, l := range m.GetLabel() {
				if l.GetName() == "datasource_type" {
					mine = l.GetValue() == dsType
					continue
				}
				labels = append(labels, l.GetName()+"="+l.GetValue())
			}
			if mine {
				out = append(out, mf.GetName()+"{"+strings.Join(labels, ",")+"} "+value(mf.GetName(), m))
			}
		}
	}
	sort.Strings(out)
	return out
}

func value(family string, m *dto.Metric) string {
	switch {
	case m.Counter != nil:
		return strconv.FormatFloat(m.Counter.GetValue(), 'g', -1, 64)
	case m.Gauge != nil:
		return strconv.FormatFloat(m.Gauge.GetValue(), 'g', -1, 64)
	case m.Histogram != nil && strings.HasSuffix(family, "_seconds"):
		return "count " + itoa(m.Histogram.GetSampleCount())
	case m.Histogram != nil:
		return "count " + itoa(m.Histogram.GetSampleCount()) + " sum " + itoa(uint64(m.Histogram.GetSampleSum()))
	}
	return "?"
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
