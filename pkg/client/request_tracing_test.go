package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// tracedRun sends the same requests through one tracing middleware and
// returns the traceparent header each request arrived with.
func tracedRun(t *testing.T, mw httpclient.Middleware, parent trace.SpanContext) []string {
	t.Helper()
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("traceparent"))
		if r.URL.Path == "/missing" {
			http.Error(w, "no such thing", http.StatusNotFound)
			return
		}
		_, _ = io.WriteString(w, strings.Repeat("x", 700))
	}))
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // refuses connections: the failed-request attributes

	hc, err := httpclient.New(httpclient.Options{Labels: map[string]string{"datasource_type": "appmon", "datasource_name": "AppMon"},
		Middlewares: []httpclient.Middleware{mw}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := trace.ContextWithSpanContext(context.Background(), parent)
	for _, u := range []string{srv.URL + "/ok", srv.URL + "/missing", closed.URL + "/ok"} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		res, err := hc.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
	}
	return got
}

// describe lists what a recorded span says, without times, IDs and the
// ports of the test servers.
func describe(spans []sdktrace.ReadOnlySpan) []string {
	var out []string
	for _, s := range spans {
		var parts []string
		for _, a := range s.Attributes() {
			parts = append(parts, string(a.Key)+"="+a.Value.Emit())
		}
		for _, e := range s.Events() {
			parts = append(parts, "event "+e.Name)
		}
		slices.Sort(parts)
		line := s.Name() + " " + s.SpanKind().String() + " " + s.Status().Code.String() + " " + s.Status().Description + " " + strings.Join(parts, " ")
		out = append(out, stripPorts(line))
	}
	return out
}

func stripPorts(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if strings.HasPrefix(s[i:], "127.0.0.1:") {
			b.WriteString("27.0.0.1:PORT")
			i += len("127.0.0.1:")
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			i--
		}
	}
	return b.String()
}

func usePropagator(t *testing.T) {
	prev := otel.GetTextMapPropagator()
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() { otel.SetTextMapPropagator(prev) })
}

var parentSpan = trace.NewSpanContext(trace.SpanContextConfig{
	TraceID:    trace.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
	SpanID:     trace.SpanID{1, 2, 3, 4, 5, 6, 7, 8},
	TraceFlags: trace.FlagsSampled,
	Remote:     true,
})

// A recording span gets the same name, kind, attributes, status and
// client-trace events from the lean middleware as from the SDK's, and the
// server sees the trace context either way.
func TestRequestTracingMatchesTheSDK(t *testing.T) {
	usePropagator(t)
	run := func(mw func(trace.Tracer) httpclient.Middleware) ([]string, []string) {
		rec := tracetest.NewSpanRecorder()
		tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
		headers := tracedRun(t, mw(tp.Tracer("test")), parentSpan)
		return describe(rec.Ended()), headers
	}
	sdk, sdkHeaders := run(httpclient.TracingMiddleware)
	lean, leanHeaders := run(requestTracingMiddleware)
	if len(sdk) != 3 {
		t.Fatalf("the SDK's middleware recorded %d spans, want 3: %q", len(sdk), sdk)
	}
	if !slices.Equal(sdk, lean) {
		t.Errorf("spans differ\nSDK:\n%s\nlean:\n%s", strings.Join(sdk, "\n"), strings.Join(lean, "\n"))
	}
	for i, h := range append(sdkHeaders, leanHeaders...) {
		if !strings.HasPrefix(h, "00-0102030405060708090a0b0c0d0e0f10-") {
			t.Errorf("request %d arrived with traceparent %q, want the parent's trace", i, h)
		}
	}
}

// With tracing off (Grafana's no-op provider) nothing is recorded, and the
// incoming trace context still reaches the server exactly as the SDK's
// middleware passes it on.
func TestRequestTracingOffStillPropagates(t *testing.T) {
	usePropagator(t)
	tracer := noop.NewTracerProvider().Tracer("test")
	sdk := tracedRun(t, httpclient.TracingMiddleware(tracer), parentSpan)
	lean := tracedRun(t, requestTracingMiddleware(tracer), parentSpan)
	want := "00-0102030405060708090a0b0c0d0e0f10-0102030405060708-01"
	if len(lean) != 2 || lean[0] != want || !slices.Equal(sdk, lean) {
		t.Errorf("traceparent: SDK %q, lean %q, want %q on both requests", sdk, lean, want)
	}
}

// Not recording, the middleware costs a few allocations where the SDK's
// client trace costs about 45.
func TestRequestTracingOffAllocations(t *testing.T) {
	tracer := noop.NewTracerProvider().Tracer("test")
	next := roundTripperFunc(func(*http.Request) (*http.Response, error) { return &http.Response{StatusCode: 200}, nil })
	rt := requestTracingMiddleware(tracer).CreateMiddleware(httpclient.Options{}, next)
	req, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1/", nil)
	allocs := testing.AllocsPerRun(100, func() { _, _ = rt.RoundTrip(req) })
	if allocs > 3 {
		t.Errorf("%.0f allocations per request with tracing off, want at most 3", allocs)
	}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
