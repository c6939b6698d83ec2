package integration

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// The reference server's alerts, read through a mapping that re-points
// fields explicitly: a JSONPath filter keeps one severity and the alert
// name is taken from the description, so the frame can only look like
// this if the mapping was applied to the real response.
const referenceAlertsMapping = `{"items":"$.alerts[?@.severity == 'medium']","fields":{"name":"$.description","startedAt":"$.started_at","id":"$.id","severity":"$.severity"}}`

func TestResponseMappingAgainstReferenceServer(t *testing.T) {
	srv := requireAdmin(t)
	ctx := context.Background()
	id, err := srv.TriggerAlert(ctx, "medium", "Mapping check", "Read through the mapping")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.TriggerAlert(ctx, "critical", "Mapping filter check", "Must be filtered out"); err != nil {
		t.Fatal(err)
	}
	ds := newDS(t, target.url, `{"mappings":{"alerts":`+referenceAlertsMapping+`}}`, target.apiKey)

	frame := alertsFrame(t, ds)
	severities, titles, ids := column(t, frame, "severity"), column(t, frame, "title"), column(t, frame, "id")
	found := false
	for i := range ids {
		if severities[i] != "medium" {
			t.Errorf("row %d has severity %q: the mapping's filter was not applied", i, severities[i])
		}
		if ids[i] == id {
			found = true
			if titles[i] != "Read through the mapping" {
				t.Errorf("title of the triggered alert = %q, want its description (the mapped name)", titles[i])
			}
		}
	}
	if !found {
		t.Fatalf("the triggered alert %s is not in the mapped frame (ids %v)", id, ids)
	}

	// The preview shows the same rows, without the raw body or the key.
	res := postPreview(t, ds, `{"endpoint":"alerts"}`)
	var p plugin.Preview
	if err := json.Unmarshal(res.Body, &p); err != nil || res.Status != 200 {
		t.Fatalf("preview %d %s: %v", res.Status, res.Body, err)
	}
	if p.Mapping != "saved" || p.Count != len(ids) || p.Error != "" {
		t.Errorf("preview = %+v, want %d rows from the saved mapping", p, len(ids))
	}
	if strings.Contains(string(res.Body), target.apiKey) || strings.Contains(string(res.Body), "Mapping filter check") {
		t.Errorf("preview leaked the key or an unmapped alert: %s", res.Body)
	}

	// A candidate that does not fit the real response says where it looked.
	res = postPreview(t, ds, `{"endpoint":"uptime","mapping":{"root":"$.result"}}`)
	if err := json.Unmarshal(res.Body, &p); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.Error, `mappings.uptime.root ("$.result") matched nothing in the response; top-level keys are: `) || !strings.Contains(p.Error, "uptime") {
		t.Errorf("uptime preview error = %q", p.Error)
	}
}

// A server answering in another team's shape (the spring dialect: alerts
// under "active", "triggeredAt", "ruleName", "message"), read through a
// mapping written for it.
func TestResponseMappingAgainstDialectServer(t *testing.T) {
	requireAdmin(t)
	srv, err := testserver.Start(testserver.Options{Dialect: "spring", HistoryDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	id, err := srv.TriggerAlert(context.Background(), "high", "Dialect mapping", "Read from the message field")
	if err != nil {
		t.Fatal(err)
	}
	mapping := `{"items":"$.active[*]","fields":{"startedAt":"$.triggeredAt","rule":"$.ruleName","name":"$.message","status":"$.status"}}`
	ds := newDS(t, srv.URL, `{"mappings":{"alerts":`+mapping+`}}`, srv.APIKey)

	frame := alertsFrame(t, ds)
	ids, titles, severities := column(t, frame, "id"), column(t, frame, "title"), column(t, frame, "severity")
	for i := range ids {
		if ids[i] != id {
			continue
		}
		if !strings.Contains(titles[i], "Read from the message field") || severities[i] != "high" {
			t.Errorf("triggered alert read as title %q, severity %q", titles[i], severities[i])
		}
		return
	}
	t.Fatalf("the triggered alert %s is not in the frame (ids %v)", id, ids)
}

func alertsFrame(t *testing.T, ds *plugin.Datasource) *data.Frame {
	t.Helper()
	q := backend.DataQuery{RefID: "A", JSON: json.RawMessage(`{"queryType":"alerts","alertsAction":"active"}`)}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{q}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil || len(r.Frames) == 0 {
		t.Fatalf("alerts query: %v", r.Error)
	}
	return r.Frames[0]
}

func column(t *testing.T, f *data.Frame, name string) []string {
	t.Helper()
	field, _ := f.FieldByName(name)
	if field == nil {
		t.Fatalf("frame has no %s field", name)
	}
	out := make([]string, field.Len())
	for i := range out {
		switch v := field.At(i).(type) {
		case string:
			out[i] = v
		case *string:
			if v != nil {
				out[i] = *v
			}
		}
	}
	return out
}

func postPreview(t *testing.T, ds *plugin.Datasource, body string) *backend.CallResourceResponse {
	t.Helper()
	var out backend.CallResourceResponse
	err := ds.CallResource(context.Background(), &backend.CallResourceRequest{Method: "POST", Path: "preview", URL: "preview", Body: []byte(body)},
		backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
			out.Status = r.Status
			out.Body = append(out.Body, r.Body...)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return &out
}
