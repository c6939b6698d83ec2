package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"

	"github.com/appmon/monitoring/pkg/internal/leakyapi"
	"github.com/appmon/monitoring/pkg/redact"
)

// TestExecutableNeverShowsTheKeys drives the built executable over gRPC,
// as Grafana does, against an upstream in this process that echoes both
// keys in every spelling and redirects within its origin and to another
// one (see pkg/internal/leakyapi). Every query type, every resource route,
// the health check and the live streams are called for every way the
// upstream misbehaves; no answer, no line the process writes and no
// request to the other origin may hold a run of 8+ characters of a key.
func TestExecutableNeverShowsTheKeys(t *testing.T) {
	requireServer(t)
	const apiKey, adminKey = "Exe/Echo+Api=Key-5d3e19", "Exe-Admin/Key+Echo-0a4c7b"
	leaky := leakyapi.New(t, apiKey, adminKey)
	keys := map[string]string{"API key": apiKey, "admin key": adminKey}
	p := startPlugin(t, buildExecutable(t))
	g := grafanaCaller{p: p, pluginVersion: packageVersion(t, moduleRoot(t)), updated: time.Now()}
	streams := dispenseStream(t, p)

	var outs []output
	for i, mode := range leakyapi.Modes {
		ds := dataSource{id: int64(100 + i), uid: "leaky-" + mode, url: leaky.URL(mode),
			jsonData:       `{"retries":0,"cacheTTLSeconds":0,"timeoutSeconds":5,"streamIntervalSeconds":1}`,
			secureJSONData: map[string]string{"apiKey": apiKey, "adminKey": adminKey}}
		modeOuts := exeOutputs(t, g, streams, ds)
		if leaky.KeyedRequests(mode) == 0 {
			t.Errorf("%s: the upstream never received the API key: nothing was tested", mode)
		}
		if strings.HasPrefix(mode, "redirect-other") && !containsText(modeOuts, ", a different host; AppMon does not send the API key to another host. Add "+leaky.OtherHost()) {
			t.Errorf("%s: no answer explains the refused redirect to %s", mode, leaky.OtherHost())
		}
		outs = append(outs, modeOuts...)
	}
	if !containsText(outs, redact.Mask) {
		t.Error("no answer carried a redacted echo: the upstream's text never reached an output")
	}
	for stream, text := range p.output.streams() {
		outs = append(outs, output{"process " + stream, text})
	}
	if !strings.Contains(p.output.streams()["go-plugin log"], "Plugin Request Completed") {
		t.Fatalf("no request log from the plugin was captured:\n%s", p.output.dump())
	}
	for _, o := range outs {
		for _, leak := range leakyapi.Leaks(o.text, keys) {
			t.Errorf("%s shows %s", o.where, leak)
		}
	}
	if all, withKey := leaky.OtherHits(); all != 0 || withKey != 0 {
		t.Errorf("the other origin received %d requests, %d with the API key", all, withKey)
	}
}

type output struct{ where, text string }

func containsText(outs []output, s string) bool {
	for _, o := range outs {
		if strings.Contains(o.text, s) {
			return true
		}
	}
	return false
}

// exeOutputs calls every handler of the process for one data source and
// returns what Grafana would receive: health message and details, query
// errors and frames (Arrow bytes and decoded), resource bodies and
// headers, stream packets and errors.
func exeOutputs(t *testing.T, g grafanaCaller, streams pluginv2.StreamClient, ds dataSource) []output {
	t.Helper()
	var outs []output
	add := func(where, text string) { outs = append(outs, output{ds.uid + ": " + where, text}) }

	h := g.checkHealth(t, ds)
	add("health message", h.Message)
	add("health details", string(h.JsonDetails))

	var queries []*pluginv2.DataQuery
	for _, q := range leakyapi.Queries {
		queries = append(queries, grafanaQuery(q.RefID, q.Type, q.Model, ds, time.Hour))
	}
	for ref, r := range g.queryData(t, ds, queries...).Responses {
		add("query "+ref+" error", r.Error)
		add("query "+ref+" arrow", string(joinBytes(r.Frames)))
		frames, err := data.UnmarshalArrowFrames(r.Frames)
		if err != nil {
			t.Fatalf("%s: frames do not decode: %v", ref, err)
		}
		for i, f := range frames {
			b, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			add(fmt.Sprintf("query %s frame %d", ref, i), string(b))
		}
	}

	for _, rc := range leakyapi.Resources(time.Now()) {
		res := callResourceMethod(t, g, ds, rc)
		add(fmt.Sprintf("resource %s %s?%s (%d)", rc.Method, rc.Path, rc.RawQuery, res.code), string(res.body))
		add("resource "+rc.Path+" headers", fmt.Sprint(res.headers))
	}

	for _, path := range leakyapi.LivePaths {
		for i, text := range runStreamBriefly(t, g, streams, ds, path) {
			add(fmt.Sprintf("stream %s message %d", path, i), text)
		}
	}
	return outs
}

func joinBytes(bs [][]byte) []byte {
	var out []byte
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

// callResourceMethod is callResource with any method and a body.
func callResourceMethod(t *testing.T, g grafanaCaller, ds dataSource, rc leakyapi.Resource) resourceResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), rpcTimeout)
	defer cancel()
	url := rc.Path
	if rc.RawQuery != "" {
		url += "?" + rc.RawQuery
	}
	stream, err := g.p.resource.CallResource(ctx, &pluginv2.CallResourceRequest{
		PluginContext: g.pluginContext(ds), Method: rc.Method, Path: rc.Path, Url: url, Body: []byte(rc.Body),
		Headers: map[string]*pluginv2.StringList{"Accept": {Values: []string{"application/json"}}, "Content-Type": {Values: []string{"application/json"}}},
	})
	if err != nil {
		t.Fatalf("CallResource %s over gRPC: %v", url, err)
	}
	out := resourceResponse{headers: map[string][]string{}}
	for first := true; ; first = false {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			out.body = append(out.body, []byte("stream error: "+err.Error())...)
			break
		}
		if first {
			out.code = int(chunk.Code)
			for k, v := range chunk.Headers {
				out.headers[k] = v.Values
			}
		}
		out.body = append(out.body, chunk.Body...)
	}
	return out
}

func dispenseStream(t *testing.T, p *pluginProcess) pluginv2.StreamClient {
	t.Helper()
	rpc, err := p.client.Client()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := rpc.Dispense("stream")
	if err != nil {
		t.Fatalf("dispense stream: %v", err)
	}
	sc, ok := raw.(pluginv2.StreamClient)
	if !ok {
		t.Fatal(`"stream" is not a pluginv2.StreamClient`)
	}
	return sc
}

// runStreamBriefly subscribes to a live path and reads what the plugin
// sends for a moment (the first poll happens at once); the gRPC status
// that ends the stream is part of the output.
func runStreamBriefly(t *testing.T, g grafanaCaller, sc pluginv2.StreamClient, ds dataSource, path string) []string {
	t.Helper()
	pc := g.pluginContext(ds)
	sub, err := sc.SubscribeStream(context.Background(), &pluginv2.SubscribeStreamRequest{PluginContext: pc, Path: path})
	if err != nil {
		return []string{"subscribe error: " + err.Error()}
	}
	out := []string{fmt.Sprint(sub.Status)}
	ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
	defer cancel()
	stream, err := sc.RunStream(ctx, &pluginv2.RunStreamRequest{PluginContext: pc, Path: path})
	if err != nil {
		return append(out, "run error: "+err.Error())
	}
	for {
		pk, err := stream.Recv()
		if err != nil {
			if !errors.Is(err, io.EOF) && ctx.Err() == nil {
				out = append(out, "stream error: "+err.Error())
			}
			return out
		}
		out = append(out, string(pk.Data))
	}
}
