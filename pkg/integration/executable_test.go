package integration

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"

	"github.com/appmon/monitoring/pkg/query"
)

// TestExecutableAsGrafanaRunsIt is the closest this repository gets to a
// real Grafana: the built executable, started as a go-plugin subprocess
// with Grafana's handshake and environment, called over gRPC with the
// SDK's generated clients and Grafana-shaped plugin contexts, against the
// real reference server. The in-process tests cannot catch a broken
// main.go, a missing handler registration, a panic at start-up, a need for
// environment Grafana does not give, or secrets in the process's logs.
func TestExecutableAsGrafanaRunsIt(t *testing.T) {
	requireServer(t)
	exe := buildExecutable(t)
	started := time.Now()
	p := startPlugin(t, exe)
	t.Logf("plugin pid %d answered the handshake in %v", p.pid, time.Since(started).Round(time.Millisecond))
	g := grafanaCaller{p: p, pluginVersion: packageVersion(t, moduleRoot(t)), updated: time.Now()}

	adminKey, wrongKey := "admin-"+randomHex(t), "wrong-"+randomHex(t)
	working := dataSource{id: 1, uid: "appmon-exe", url: target.url, jsonData: `{}`,
		secureJSONData: map[string]string{"apiKey": target.apiKey, "adminKey": adminKey}}
	rejected := dataSource{id: 2, uid: "appmon-exe-wrong-key", url: target.url, jsonData: `{}`,
		secureJSONData: map[string]string{"apiKey": wrongKey}}
	refusedAddr := refusedAddress(t)
	unreachable := dataSource{id: 3, uid: "appmon-exe-refused", url: "http://" + refusedAddr, jsonData: `{"timeoutSeconds":2}`,
		secureJSONData: map[string]string{"apiKey": target.apiKey}}

	t.Run("CheckHealth working", func(t *testing.T) {
		res := g.checkHealth(t, working)
		want := "Connected to " + target.url + ": all 6 core endpoints answer."
		if res.Status != pluginv2.CheckHealthResponse_OK || !strings.HasPrefix(res.Message, want) {
			t.Fatalf("%v %q\nwant OK %q…", res.Status, res.Message, want)
		}
		d := decodeHealthDetails(t, res.JsonDetails)
		var names []string
		for _, e := range d.Endpoints {
			if !e.OK || !strings.Contains(d.VerboseMessage, "OK      "+e.Endpoint+" (") {
				t.Errorf("endpoint %q (%s) not reported OK in %q", e.Name, e.Endpoint, d.VerboseMessage)
			}
			names = append(names, e.Name)
		}
		slices.Sort(names)
		wantNames := []string{"active alerts", "alert configuration", "dashboard", "health check", "metrics", "uptime"}
		if !slices.Equal(names, wantNames) {
			t.Fatalf("endpoints %v, want %v", names, wantNames)
		}
	})
	t.Run("CheckHealth wrong API key", func(t *testing.T) {
		res := g.checkHealth(t, rejected)
		want := "API key rejected: upstream returned 401 Unauthorized for /api/"
		if res.Status != pluginv2.CheckHealthResponse_ERROR || !strings.HasPrefix(res.Message, want) {
			t.Fatalf("%v %q\nwant ERROR %q…", res.Status, res.Message, want)
		}
		if d := decodeHealthDetails(t, res.JsonDetails); len(d.Endpoints) != 6 {
			t.Fatalf("%d endpoints in the details, want 6", len(d.Endpoints))
		}
	})
	t.Run("CheckHealth refused port", func(t *testing.T) {
		start := time.Now()
		res := g.checkHealth(t, unreachable)
		want := "Cannot reach " + refusedAddr + ": connection refused; is the server running and is the data source URL right?"
		if res.Status != pluginv2.CheckHealthResponse_ERROR || res.Message != want {
			t.Fatalf("%v %q\nwant ERROR %q", res.Status, res.Message, want)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Fatalf("a refused connection took %v to report (not retried, should be immediate)", took)
		}
	})

	t.Run("QueryData", func(t *testing.T) {
		res := g.queryData(t, working,
			grafanaQuery("A", "metrics", `{"metricName":"api.error_rate","endpoint":"overall"}`, working, time.Hour),
			grafanaQuery("B", "health", `{}`, working, time.Hour),
			grafanaQuery("C", "no-such-type", `{}`, working, time.Hour),
		)
		if len(res.Responses) != 3 {
			t.Fatalf("%d responses, want one per refId (A, B, C)", len(res.Responses))
		}
		a := decodeFrames(t, res.Responses["A"])
		if len(a) != 1 || a[0].Rows() < 50 {
			t.Fatalf("A: want the one overall api.error_rate series with about 60 points over 1 h, got %d frames (%d rows in the first)", len(a), firstRows(a))
		}
		if labels := a[0].Fields[1].Labels; labels["metric"] != "api.error_rate" || labels[query.EndpointLabel] != "" {
			t.Fatalf("A: labels %v, want metric=api.error_rate and no endpoint", labels)
		}
		b := decodeFrames(t, res.Responses["B"])
		if len(b) == 0 {
			t.Fatal("B: the health query returned no frames")
		}
		for _, f := range b {
			if f.Rows() == 0 {
				t.Fatalf("B: frame %q has no rows", f.Name)
			}
		}
		c := res.Responses["C"]
		want := `unknown query type "no-such-type": use one of`
		if c == nil || !strings.HasPrefix(c.Error, want) || c.Status != 400 || c.ErrorSource != "downstream" || len(c.Frames) != 0 {
			t.Fatalf("C: %+v\nwant a 400 downstream error %q…", c, want)
		}
	})

	t.Run("CallResource categories", func(t *testing.T) {
		res := g.callResource(t, working, "categories", "")
		if res.code != 200 {
			t.Fatalf("status %d: %s", res.code, res.body)
		}
		if ct := strings.Join(res.headers["Content-Type"], ";"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("Content-Type %q, want application/json", ct)
		}
		var options []struct{ Value, Label, Description string }
		if err := json.Unmarshal(res.body, &options); err != nil {
			t.Fatalf("body is not a JSON list: %v\n%s", err, res.body)
		}
		if len(options) < 5 {
			t.Fatalf("%d categories, want the contract's five or more: %s", len(options), res.body)
		}
		for _, o := range options {
			if o.Value == "" || o.Label == "" {
				t.Fatalf("option without value or label: %s", res.body)
			}
		}
	})

	t.Run("secrets stay out of the process output", func(t *testing.T) {
		// An auth failure through every handler, so redaction is exercised
		// even when this subtest runs alone.
		if res := g.checkHealth(t, rejected); res.Status != pluginv2.CheckHealthResponse_ERROR {
			t.Fatalf("the wrong key passed the health check: %q", res.Message)
		}
		qr := g.queryData(t, rejected, grafanaQuery("A", "uptime", `{}`, rejected, time.Hour)).Responses["A"]
		if qr == nil || qr.Error == "" {
			t.Fatal("a query with the wrong key did not fail")
		}
		rr := g.callResource(t, rejected, "services", "")
		if rr.code != 502 {
			t.Fatalf("resource with the wrong key: status %d, want 502: %s", rr.code, rr.body)
		}
		secrets := map[string]string{"apiKey": target.apiKey, "wrong apiKey": wrongKey, "adminKey": adminKey}
		for where, s := range map[string]string{"query error": qr.Error, "resource body": string(rr.body)} {
			assertNoSecret(t, where, s, secrets)
		}
		// The plugin must have logged (the SDK logs every request at
		// debug), or an empty capture would pass for a clean one.
		out := p.output.streams()
		if !strings.Contains(out["go-plugin log"], "Plugin Request Completed") {
			t.Fatalf("no request log from the plugin was captured:\n%s", p.output.dump())
		}
		for stream, text := range out {
			assertNoSecret(t, stream, text, secrets)
		}
	})

	t.Run("Kill ends the process", func(t *testing.T) {
		if err := p.stop(); err != nil {
			t.Fatal(err)
		}
		if !p.client.Exited() || !p.processGone() {
			t.Fatalf("pid %d still exists after Kill (client exited: %v)", p.pid, p.client.Exited())
		}
		if log := p.output.log.String(); strings.Contains(log, "plugin failed to exit gracefully") {
			t.Fatalf("the plugin ignored go-plugin's shutdown and was killed:\n%s", log)
		}
	})
}

// healthDetails is the documented JSONDetails of the health check.
type healthDetails struct {
	VerboseMessage string `json:"verboseMessage"`
	Endpoints      []struct {
		Name, Endpoint string
		OK             bool
	} `json:"endpoints"`
}

func decodeHealthDetails(t *testing.T, raw []byte) healthDetails {
	t.Helper()
	var d healthDetails
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("JSONDetails: %v\n%s", err, raw)
	}
	return d
}

// decodeFrames decodes a response's Arrow frames as Grafana does, failing
// on an error response.
func decodeFrames(t *testing.T, r *pluginv2.DataResponse) data.Frames {
	t.Helper()
	if r == nil {
		t.Fatal("no response for the refId")
	}
	if r.Error != "" {
		t.Fatalf("error response (status %d, %s): %s", r.Status, r.ErrorSource, r.Error)
	}
	frames, err := data.UnmarshalArrowFrames(r.Frames)
	if err != nil {
		t.Fatalf("frames do not decode: %v", err)
	}
	return frames
}

func firstRows(frames data.Frames) int {
	if len(frames) == 0 {
		return 0
	}
	return frames[0].Rows()
}

// assertNoSecret names the secret and the line, with the secret masked,
// so a failure does not print it again.
func assertNoSecret(t *testing.T, where, text string, secrets map[string]string) {
	t.Helper()
	for name, s := range secrets {
		if s == "" || !strings.Contains(text, s) {
			continue
		}
		for line := range strings.Lines(text) {
			if strings.Contains(line, s) {
				t.Errorf("%s contains the %s: %s", where, name, strings.ReplaceAll(strings.TrimSpace(line), s, "<"+name+">"))
				break
			}
		}
	}
}

// refusedAddress is a local address nothing listens on.
func refusedAddress(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func randomHex(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
