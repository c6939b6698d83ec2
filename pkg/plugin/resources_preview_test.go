package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

const previewKey = "preview-key-0123456789"

// dialectServer answers alerts and health in a shape no reader guesses.
func dialectServer(t *testing.T, alerts int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != previewKey {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/api/monitoring/alerts":
			var items []string
			for i := range alerts {
				level := "critical"
				if i == 0 {
					level = "purple"
				}
				items = append(items, fmt.Sprintf(`{"uuid":"a%02d","label":"Disk %d","level":%q,"when":%d,"state":"acknowledged","reading":"%d.5","internalNote":"raw-only"}`,
					i, i, level, 1767322800000+int64(i)*60000, i))
			}
			fmt.Fprintf(w, `{"status":"ok","payload":{"alertList":[%s]}}`, strings.Join(items, ","))
		case "/api/health/check":
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, `{"result":{"overall":"unhealthy","deps":[{"component":"db","state":"down"}]}}`)
		case "/api/monitoring/uptime":
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, `{"error":"boom"}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func postResource(t *testing.T, ds *Datasource, path, body string) resourceResult {
	t.Helper()
	var res resourceResult
	err := ds.CallResource(context.Background(), &backend.CallResourceRequest{Method: "POST", Path: path, URL: path, Body: []byte(body)},
		backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
			res.Status = r.Status
			res.Body = append(res.Body, r.Body...)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

const alertsMapping = `{"items":"$.payload.alertList[*]","fields":{"id":"$.uuid","name":"$.label","severity":"$.level","startedAt":"$.when","status":"$.state","value":"$.reading"}}`

func decodePreview(t *testing.T, res resourceResult) Preview {
	t.Helper()
	if res.Status != http.StatusOK {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	var p Preview
	if err := json.Unmarshal(res.Body, &p); err != nil {
		t.Fatalf("%s: %v", res.Body, err)
	}
	if strings.Contains(string(res.Body), "raw-only") || strings.Contains(string(res.Body), previewKey) {
		t.Errorf("the preview leaked the raw body or the key: %s", res.Body)
	}
	return p
}

func TestPreviewCandidateMapping(t *testing.T) {
	srv := dialectServer(t, 25)
	ds := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": previewKey})

	p := decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts","mapping":`+alertsMapping+`}`))
	if p.Mapping != "candidate" || p.Count != 25 || len(p.Rows) != previewRows || !p.Truncated || p.Error != "" {
		t.Fatalf("preview = %+v", p)
	}
	if got := fmt.Sprint(p.Rows[1]); got != "[a01 Disk 1 critical acknowledged 2026-01-02T03:01:00Z 1.5 <nil> ]" {
		t.Errorf("row 1 = %s", got)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], `severity "purple" is not one of critical`) {
		t.Errorf("notes = %q", p.Notes)
	}

	// Without a mapping the reader says what it misses.
	p = decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts"}`))
	if p.Mapping != "none" || !strings.Contains(p.Error, "the alerts response does not have the contract's shape") {
		t.Errorf("unmapped preview = %+v", p)
	}

	// A mapping that points nowhere says where it looked.
	p = decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts","mapping":{"items":"$.payload.alerts[*]"}}`))
	if p.Error != `mappings.alerts.items ("$.payload.alerts[*]") matched nothing in the response; top-level keys are: payload, status` {
		t.Errorf("error = %q", p.Error)
	}

	// A mapped 503 health document is data, as in queries.
	p = decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"health","mapping":{"root":"$.result","fields":{"status":"$.overall"},"services":"$.deps[*]","serviceFields":{"name":"$.component","status":"$.state"}}}`))
	if p.Status != 503 || p.Fields[0].Value != "unhealthy" || fmt.Sprint(p.Rows) != "[[db down <nil> ]]" {
		t.Errorf("health preview = %+v", p)
	}
}

func TestPreviewRefusals(t *testing.T) {
	srv := dialectServer(t, 1)
	ds := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": previewKey})
	cases := []struct {
		body   string
		status int
		want   string
	}{
		{`{"endpoint":"alerts","mapping":{"fields":{"startedAt":"$.when["}}}`, 400, `mappings.alerts.fields.startedAt: "$.when[" is not a valid JSONPath`},
		{`{"endpoint":"incidents"}`, 400, `endpoint must be one of health, metrics, alerts, dashboard, uptime, got "incidents"`},
		{`not json`, 400, "the preview request must be JSON"},
		{`{"endpoint":"uptime"}`, 502, "upstream returned 500 Internal Server Error for /api/monitoring/uptime"},
	}
	for _, tc := range cases {
		res := postResource(t, ds, "preview", tc.body)
		var e struct{ Error string }
		_ = json.Unmarshal(res.Body, &e)
		if res.Status != tc.status || !strings.Contains(e.Error, tc.want) {
			t.Errorf("%s: %d %s; want %d %q", tc.body, res.Status, res.Body, tc.status, tc.want)
		}
	}
	if res := callResource(t, ds, "preview"); res.Status != 404 {
		t.Errorf("GET /preview = %d, want 404", res.Status)
	}
}

func TestSavedMappingAppliesEverywhere(t *testing.T) {
	srv := dialectServer(t, 3)
	ds := newDS(t, srv.URL, `{"mappings":{"alerts":`+alertsMapping+`}}`, map[string]string{"apiKey": previewKey})

	p := decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts"}`))
	if p.Mapping != "saved" || p.Count != 3 || p.Error != "" {
		t.Fatalf("saved-mapping preview = %+v", p)
	}
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{"queryType":"alerts"}`)}})
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil || len(r.Frames) == 0 || r.Frames[0].Rows() != 3 {
		t.Fatalf("alerts query through the saved mapping: %v %v", r.Error, r.Frames)
	}
}

func TestBrokenSavedMappingStillPreviews(t *testing.T) {
	srv := dialectServer(t, 2)
	ds := newDS(t, srv.URL, `{"mappings":{"alerts":{"fields":{"startedAt":"$.when["}}}}`, map[string]string{"apiKey": previewKey})

	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{"queryType":"alerts"}`)}})
	if err != nil {
		t.Fatal(err)
	}
	if e := resp.Responses["A"].Error; e == nil || !strings.Contains(e.Error(), `mappings.alerts.fields.startedAt: "$.when[" is not a valid JSONPath`) {
		t.Fatalf("query error = %v", e)
	}
	p := decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts","mapping":`+alertsMapping+`}`))
	if p.Mapping != "candidate" || p.Count != 2 {
		t.Fatalf("candidate preview with a broken saved mapping = %+v", p)
	}
	p = decodePreview(t, postResource(t, ds, "preview", `{"endpoint":"alerts"}`))
	if p.Mapping != "none" || len(p.Notes) == 0 || !strings.Contains(p.Notes[0], "no saved mapping is in use") {
		t.Fatalf("preview without candidate = %+v", p)
	}
}
