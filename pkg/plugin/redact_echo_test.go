package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/appmon/monitoring/pkg/internal/leakyapi"
	"github.com/appmon/monitoring/pkg/redact"
)

// Keys with characters URL encoding changes, so every spelling differs.
const (
	echoAPIKey   = "Echo/Api+Key=4b1d9c0e7f"
	echoAdminKey = "Echo-Admin/Key+77a0c3e5"
)

// output is one string that reaches Grafana, and where it came from.
type output struct{ where, text string }

// TestNoKeyInAnyOutput runs every query type, every resource route, the
// health check and every live path against an upstream that echoes both
// keys in every spelling (JSON error bodies for 400–503, HTML and text
// pages, error headers, contract documents with the keys in their texts,
// redirects within its origin and to another origin), and scans every
// output channel and every log line for a run of 8+ characters of either
// key, decoded every way a reader could.
func TestNoKeyInAnyOutput(t *testing.T) {
	logs := captureLogs(t)
	leaky := leakyapi.New(t, echoAPIKey, echoAdminKey)
	keys := map[string]string{"API key": echoAPIKey, "admin key": echoAdminKey}
	secure := map[string]string{"apiKey": echoAPIKey, "adminKey": echoAdminKey}

	for _, mode := range leakyapi.Modes {
		t.Run(mode, func(t *testing.T) {
			ds := newDS(t, leaky.URL(mode), `{"retries":0,"cacheTTLSeconds":0,"timeoutSeconds":5}`, secure)
			outs := collectOutputs(t, ds)
			redacted := 0
			for _, o := range outs {
				for _, leak := range leakyapi.Leaks(o.text, keys) {
					t.Errorf("%s shows %s", o.where, leak)
				}
				if strings.Contains(o.text, redact.Mask) {
					redacted++
				}
			}
			if leaky.KeyedRequests(mode) == 0 {
				t.Fatal("the upstream never received the API key: nothing was tested")
			}
			if strings.HasPrefix(mode, "redirect-other") {
				want := "to http://" + leaky.OtherHost() + ", a different host; AppMon does not send the API key to another host. Add " + leaky.OtherHost() + " to Allowed redirect hosts"
				if !anyContains(outs, want) {
					t.Errorf("no output explains the refused redirect (%q)", want)
				}
				return
			}
			// Where the messages quote the server, its echo must have
			// reached the outputs, or a clean scan would prove nothing.
			if quotesServer[mode] && redacted == 0 {
				t.Errorf("no output of %d carried a redacted echo", len(outs))
			}
		})
	}
	if all, withKey := leaky.OtherHits(); all != 0 || withKey != 0 {
		t.Errorf("the other origin received %d requests, %d with the API key", all, withKey)
	}
	lines := logs.all()
	if len(lines) == 0 {
		t.Fatal("no log line was captured: the logger is not the instance's")
	}
	for i, line := range lines {
		for _, leak := range leakyapi.Leaks(line, keys) {
			t.Errorf("log line %d shows %s", i, leak)
		}
	}
}

// quotesServer are the modes whose answers end up quoted in messages or
// frames (401/403/404/429 and HTML pages get a fixed sentence instead).
var quotesServer = map[string]bool{
	"json400": true, "json500": true, "json503": true, "headers500": true,
	"badjson200": true, "data": true, "redirect-same": true,
}

// collectOutputs calls every handler and returns every string Grafana
// would receive from them.
func collectOutputs(t *testing.T, ds *Datasource) []output {
	t.Helper()
	var outs []output
	add := func(where, text string) { outs = append(outs, output{where, text}) }
	ctx := context.Background()

	health, err := ds.CheckHealth(ctx, &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	add("health message", health.Message)
	add("health details", string(health.JSONDetails))

	var queries []backend.DataQuery
	for _, q := range leakyapi.Queries {
		dq := dataQuery(q.RefID, q.Model)
		dq.QueryType = q.Type
		queries = append(queries, dq)
	}
	for _, headers := range []map[string]string{nil, {backend.FromAlertHeaderName: "true"}} {
		resp, err := ds.QueryData(ctx, &backend.QueryDataRequest{Queries: queries, Headers: headers})
		if err != nil {
			t.Fatal(err)
		}
		for ref, r := range resp.Responses {
			if r.Error != nil {
				add("query "+ref+" error", r.Error.Error())
			}
			for i, f := range r.Frames {
				b, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				add(fmt.Sprintf("query %s frame %d", ref, i), string(b))
			}
		}
	}

	for _, rc := range leakyapi.Resources(time.Now()) {
		url := rc.Path
		if rc.RawQuery != "" {
			url += "?" + rc.RawQuery
		}
		var status int
		var body []byte
		var hdr http.Header
		err := ds.CallResource(ctx, &backend.CallResourceRequest{Method: rc.Method, Path: rc.Path, URL: url, Body: []byte(rc.Body)},
			backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
				status, hdr = r.Status, r.Headers
				body = append(body, r.Body...)
				return nil
			}))
		if err != nil {
			add("resource "+url+" error", err.Error())
		}
		add(fmt.Sprintf("resource %s %s (%d)", rc.Method, url, status), string(body))
		add("resource "+url+" headers", fmt.Sprint(hdr))
	}

	// Each stream polls once at once; a failed poll is logged.
	recs := make([]*packetRecorder, len(leakyapi.LivePaths))
	errs := make([]error, len(recs))
	var wg sync.WaitGroup
	for i, path := range leakyapi.LivePaths {
		recs[i] = &packetRecorder{}
		wg.Go(func() {
			sctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			errs[i] = ds.RunStream(sctx, &backend.RunStreamRequest{Path: path}, backend.NewStreamSender(recs[i]))
		})
	}
	wg.Wait()
	for i, path := range leakyapi.LivePaths {
		if errs[i] != nil {
			add("stream "+path+" error", errs[i].Error())
		}
		for j, p := range recs[i].packets {
			add(fmt.Sprintf("stream %s packet %d", path, j), string(p))
		}
	}
	return outs
}

func anyContains(outs []output, s string) bool {
	for _, o := range outs {
		if strings.Contains(o.text, s) {
			return true
		}
	}
	return false
}

// logCapture replaces the SDK's logger for the test and renders every
// line with its fields.
type logCapture struct {
	mu    sync.Mutex
	lines []string
}

func captureLogs(t *testing.T) *logCapture {
	t.Helper()
	c := &logCapture{}
	prev := backend.Logger
	backend.Logger = &captureLogger{c: c}
	t.Cleanup(func() { backend.Logger = prev })
	return c
}

func (c *logCapture) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

type captureLogger struct {
	c    *logCapture
	with []any
}

func (l *captureLogger) write(level, msg string, args []any) {
	l.c.mu.Lock()
	defer l.c.mu.Unlock()
	l.c.lines = append(l.c.lines, fmt.Sprintf("%s %s %v", level, msg, append(append([]any{}, l.with...), args...)))
}
func (l *captureLogger) Debug(msg string, args ...any) { l.write("debug", msg, args) }
func (l *captureLogger) Info(msg string, args ...any)  { l.write("info", msg, args) }
func (l *captureLogger) Warn(msg string, args ...any)  { l.write("warn", msg, args) }
func (l *captureLogger) Error(msg string, args ...any) { l.write("error", msg, args) }
func (l *captureLogger) Level() log.Level              { return log.Debug }
func (l *captureLogger) With(args ...any) log.Logger {
	return &captureLogger{c: l.c, with: append(append([]any{}, l.with...), args...)}
}
func (l *captureLogger) FromContext(context.Context) log.Logger { return l }
