package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/leakyapi"
)

// TestNoKeyInFleetOutputs: the fleet's own texts (notices per failing
// instance, the error of a query no instance answered, the health check's
// instance lines) and every view pass the redaction boundary. Two
// upstreams echo both keys in every spelling; a third instance is down.
func TestNoKeyInFleetOutputs(t *testing.T) {
	logs := captureLogs(t)
	l1, l2 := leakyapi.New(t, echoAPIKey, echoAdminKey), leakyapi.New(t, echoAPIKey, echoAdminKey)
	keys := map[string]string{"API key": echoAPIKey, "admin key": echoAdminKey}
	secure := map[string]string{"apiKey": echoAPIKey, "adminKey": echoAdminKey}
	for _, mode := range leakyapi.Modes {
		t.Run(mode, func(t *testing.T) {
			urls := fmt.Sprintf(`[%q,%q,%q]`, l1.URL(mode), l2.URL(mode), stoppedURL(t))
			ds := newDS(t, l1.URL(mode), `{"retries":0,"cacheTTLSeconds":0,"timeoutSeconds":5,"fleet":{"instances":`+urls+`}}`, secure)
			outs := append(collectOutputs(t, ds), fleetViewOutputs(t, ds)...)
			for _, o := range outs {
				for _, leak := range leakyapi.Leaks(o.text, keys) {
					t.Errorf("%s shows %s", o.where, leak)
				}
			}
			if l1.KeyedRequests(mode) == 0 || l2.KeyedRequests(mode) == 0 {
				t.Fatal("an instance never received the API key: nothing was tested")
			}
			if !anyContains(outs, "did not answer (connection refused)") {
				t.Error("no output names the stopped instance")
			}
		})
	}
	for i, line := range logs.all() {
		for _, leak := range leakyapi.Leaks(line, keys) {
			t.Errorf("log line %d shows %s", i, leak)
		}
	}
}

// fleetViewOutputs runs every query in the fleet view and streams the
// fleet's live paths once.
func fleetViewOutputs(t *testing.T, ds *Datasource) []output {
	t.Helper()
	var outs []output
	var queries []backend.DataQuery
	for _, q := range leakyapi.Queries {
		model := strings.TrimSuffix(strings.TrimSpace(q.Model), "}")
		if strings.TrimSpace(strings.TrimPrefix(model, "{")) != "" {
			model += ","
		}
		dq := dataQuery(q.RefID, model+`"fleetView":"fleet"}`)
		dq.QueryType = q.Type
		queries = append(queries, dq)
	}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: queries})
	if err != nil {
		t.Fatal(err)
	}
	for ref, r := range resp.Responses {
		if r.Error != nil {
			outs = append(outs, output{"fleet query " + ref + " error", r.Error.Error()})
		}
		b, _ := json.Marshal(r.Frames)
		outs = append(outs, output{"fleet query " + ref + " frames", string(b)})
	}
	recs := make([]*packetRecorder, len(leakyapi.LivePaths))
	errs := make([]error, len(recs))
	var wg sync.WaitGroup
	for i, path := range leakyapi.LivePaths {
		recs[i] = &packetRecorder{}
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			errs[i] = ds.RunStream(ctx, &backend.RunStreamRequest{Path: fleetStreamPrefix + path}, backend.NewStreamSender(recs[i]))
		})
	}
	wg.Wait()
	for i, path := range leakyapi.LivePaths {
		if errs[i] != nil {
			outs = append(outs, output{"fleet stream " + path + " error", errs[i].Error()})
		}
		for j, p := range recs[i].packets {
			outs = append(outs, output{fmt.Sprintf("fleet stream %s packet %d", path, j), string(p)})
		}
	}
	return outs
}
