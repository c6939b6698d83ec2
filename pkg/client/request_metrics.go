package client

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"github.com/prometheus/client_golang/prometheus"
)

// The SDK's data source metrics middleware builds its label maps, curries
// its vectors and wraps the transport three times on every request (about
// 180 allocations, more than parsing a metrics body). requestMetrics
// records the same series in the same families, resolving each label set
// once: operators' dashboards and alerts on plugins_datasource_request_*
// see no difference.

// sdkRequestVecs are the SDK's metric families, found by registering
// identical ones: the registry answers with the collectors it already has.
type sdkRequestVecs struct {
	requests  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	inFlight  *prometheus.GaugeVec
	sizeHist  *prometheus.HistogramVec
	sizeGauge *prometheus.GaugeVec
}

var (
	sdkVecsOnce sync.Once
	sdkVecs     *sdkRequestVecs // nil: not found, keep the SDK's middleware
)

func findSDKRequestVecs() *sdkRequestVecs {
	sdkVecsOnce.Do(func() {
		const kb, mb, gb = 1024, 1024 * 1024, 1024 * 1024 * 1024
		labels5 := []string{"datasource_type", "code", "method", "secure_socks_ds_proxy_enabled", "endpoint"}
		labels3 := []string{"datasource_type", "secure_socks_ds_proxy_enabled", "endpoint"}
		v := &sdkRequestVecs{}
		ok := true
		v.requests, ok = existing(ok, prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "plugins", Name: "datasource_request_total",
			Help: "A counter for outgoing requests for an external data source"}, labels5))
		v.duration, ok = existing(ok, prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "plugins", Name: "datasource_request_duration_seconds",
			Help:    "histogram of durations of outgoing external data source requests sent from Grafana",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 25, 50, 100}}, labels5))
		v.sizeHist, ok = existing(ok, prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "plugins", Name: "datasource_response_size_bytes",
			Help: "histogram of external data source response sizes returned to Grafana",
			Buckets: []float64{128, 256, 512, 1 * kb, 2 * kb, 4 * kb, 8 * kb, 16 * kb, 32 * kb, 64 * kb, 128 * kb, 256 * kb, 512 * kb, 1 * mb,
				2 * mb, 4 * mb, 8 * mb, 16 * mb, 32 * mb, 64 * mb, 128 * mb, 256 * mb, 512 * mb, 1 * gb, 2 * gb, 4 * gb, 8 * gb},
			NativeHistogramBucketFactor: 1.1, NativeHistogramMaxBucketNumber: 100, NativeHistogramMinResetDuration: time.Hour}, labels3))
		v.sizeGauge, ok = existing(ok, prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: "plugins", Name: "datasource_response_size",
			Help: "gauge of data source response sizes returned to Grafana in bytes"}, labels3))
		v.inFlight, ok = existing(ok, prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: "plugins", Name: "datasource_request_in_flight",
			Help: "A gauge of outgoing external data source requests currently being sent by Grafana"}, labels3))
		if ok {
			sdkVecs = v
		}
	})
	return sdkVecs
}

// existing returns the registered collector identical to c. When the SDK
// no longer registers it (renamed, relabelled), c is taken back out and
// ok turns false, so the SDK's own middleware stays in place.
func existing[C prometheus.Collector](ok bool, c C) (C, bool) {
	err := prometheus.DefaultRegisterer.Register(c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if found, same := are.ExistingCollector.(C); same {
			return found, ok
		}
		return c, false
	}
	if err == nil {
		prometheus.DefaultRegisterer.Unregister(c)
	}
	return c, false
}

// leanMiddlewares are the SDK's default middlewares with its tracing
// middleware replaced by requestTracing (request_tracing.go) and its data
// source metrics middleware by requestMetrics, when the SDK's families can
// be found; every other middleware unchanged, in the same order.
func leanMiddlewares() []httpclient.Middleware {
	mws := httpclient.DefaultMiddlewares()
	vecs := findSDKRequestVecs()
	for i, m := range mws {
		n, ok := m.(httpclient.MiddlewareName)
		switch {
		case !ok:
		case n.MiddlewareName() == httpclient.TracingMiddlewareName:
			mws[i] = requestTracingMiddleware(nil)
		case n.MiddlewareName() == httpclient.DataSourceMetricsMiddlewareName && vecs != nil:
			mws[i] = requestMetricsMiddleware(vecs)
		}
	}
	return mws
}

func requestMetricsMiddleware(v *sdkRequestVecs) httpclient.Middleware {
	return httpclient.NamedMiddlewareFunc(httpclient.DataSourceMetricsMiddlewareName, func(opts httpclient.Options, next http.RoundTripper) http.RoundTripper {
		dsType, ok := opts.Labels["datasource_type"]
		if !ok {
			return next // as the SDK: no type, no metrics
		}
		dsLabel, ok := metricLabelName(dsType)
		if !ok {
			return next
		}
		proxy := strconv.FormatBool(opts.ProxyOptions != nil && opts.ProxyOptions.Enabled)
		rm := &requestMetrics{v: v, dsType: dsLabel, proxy: proxy, next: next,
			byEndpoint: map[string]*endpointMetrics{}, byResult: map[resultKey]resultMetrics{}}
		return rm
	})
}

type requestMetrics struct {
	v             *sdkRequestVecs
	dsType, proxy string
	next          http.RoundTripper

	mu         sync.Mutex
	byEndpoint map[string]*endpointMetrics
	byResult   map[resultKey]resultMetrics
}

type endpointMetrics struct {
	inFlight, sizeGauge prometheus.Gauge
	sizeHist            prometheus.Observer
	observeSize         func(int64) // one closure per endpoint, not per request
}

type resultKey struct{ endpoint, code, method string }

type resultMetrics struct {
	requests prometheus.Counter
	duration prometheus.Observer
}

func (m *requestMetrics) endpoint(ep string) *endpointMetrics {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.byEndpoint[ep]; ok {
		return e
	}
	e := &endpointMetrics{
		inFlight:  m.v.inFlight.WithLabelValues(m.dsType, m.proxy, ep),
		sizeGauge: m.v.sizeGauge.WithLabelValues(m.dsType, m.proxy, ep),
		sizeHist:  m.v.sizeHist.WithLabelValues(m.dsType, m.proxy, ep),
	}
	e.observeSize = func(n int64) {
		e.sizeHist.Observe(float64(n))
		e.sizeGauge.Set(float64(n))
	}
	m.byEndpoint[ep] = e
	return e
}

func (m *requestMetrics) result(k resultKey) resultMetrics {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.byResult[k]; ok {
		return r
	}
	r := resultMetrics{
		requests: m.v.requests.WithLabelValues(m.dsType, k.code, k.method, m.proxy, k.endpoint),
		duration: m.v.duration.WithLabelValues(m.dsType, k.code, k.method, m.proxy, k.endpoint),
	}
	m.byResult[k] = r
	return r
}

// RoundTrip counts as the SDK's middleware does: in flight around the
// request; count and duration only for requests that got a response;
// response size when the body is closed.
func (m *requestMetrics) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	ep := string(backend.EndpointFromContext(r.Context()))
	e := m.endpoint(ep)
	e.inFlight.Inc()
	res, err := m.next.RoundTrip(r)
	e.inFlight.Dec()
	if err != nil {
		return nil, err
	}
	rm := m.result(resultKey{endpoint: ep, code: statusLabel(res.StatusCode), method: methodLabel(r.Method)})
	rm.requests.Inc()
	rm.duration.Observe(time.Since(start).Seconds())
	if res.StatusCode != http.StatusSwitchingProtocols {
		res.Body = httpclient.CountBytesReader(res.Body, e.observeSize)
	}
	return res, nil
}

// statusLabel and methodLabel spell codes and methods as promhttp does.
func statusLabel(s int) string {
	switch {
	case s == 0 || s == http.StatusOK:
		return "200"
	case s >= 100 && s <= 599:
		return strconv.Itoa(s)
	}
	return "unknown"
}

func methodLabel(m string) string {
	switch m {
	case "GET", "get":
		return "get"
	case "PUT", "put":
		return "put"
	case "HEAD", "head":
		return "head"
	case "POST", "post":
		return "post"
	case "DELETE", "delete":
		return "delete"
	case "CONNECT", "connect":
		return "connect"
	case "OPTIONS", "options":
		return "options"
	case "NOTIFY", "notify":
		return "notify"
	case "TRACE", "trace":
		return "trace"
	case "PATCH", "patch":
		return "patch"
	}
	return "unknown"
}

// metricLabelName keeps what the SDK keeps of a data source type: letters,
// '_', digits after the first rune, spaces as '_'.
func metricLabelName(name string) (string, bool) {
	var b strings.Builder
	for i, r := range name {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_' || (r >= '0' && r <= '9' && i > 0):
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('_')
		}
	}
	return b.String(), b.Len() > 0
}
