package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

const editableProvisioning = `apiVersion: 1
datasources:
  - name: AppMon
    uid: appmon
    type: appmon-endpoints-datasource
    url: http://127.0.0.1:1
    jsonData:
      timeoutSeconds: 10
    secureJsonData:
      apiKey: secret-key-1234
  - name: AppMon editable
    uid: edit
    type: appmon-endpoints-datasource
    url: http://127.0.0.1:2
    editable: true
    secureJsonData:
      apiKey: other-key-1234
`

func editServer(t *testing.T) (*grafana, *httptest.Server) {
	t.Helper()
	sources, err := readDataSources(writeProvisioning(t, editableProvisioning), nil)
	if err != nil {
		t.Fatal(err)
	}
	g := &grafana{sources: sources, appSettings: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/datasources/uid/{uid}", g.getDataSource)
	g.editRoutes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return g, srv
}

func putJSON(t *testing.T, url string, body any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPut, url, bytes.NewReader(b))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

func getJSON(t *testing.T, url string) map[string]any {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return out
}

func TestPutDataSourceRefusesAProvisionedOne(t *testing.T) {
	_, srv := editServer(t)
	ds := getJSON(t, srv.URL+"/api/datasources/uid/appmon")
	if ds["readOnly"] != true {
		t.Fatalf("a provisioned data source without editable: true is read-only: %v", ds)
	}
	ds["jsonData"] = map[string]any{"slos": []any{}}
	code, body := putJSON(t, srv.URL+"/api/datasources/uid/appmon", ds)
	if code != http.StatusForbidden || body["message"] != "Cannot update read-only data source" {
		t.Fatalf("%d %v", code, body)
	}
}

func TestPutDataSourceReplacesSettingsAndKeepsSecrets(t *testing.T) {
	g, srv := editServer(t)
	before, _ := g.source("edit")
	ds := getJSON(t, srv.URL+"/api/datasources/uid/edit")
	if ds["readOnly"] != false {
		t.Fatalf("editable: true makes it editable: %v", ds)
	}
	ds["jsonData"] = map[string]any{"oncall": map[string]any{"layers": []any{}}}
	code, body := putJSON(t, srv.URL+"/api/datasources/uid/edit", ds)
	if code != http.StatusOK || body["message"] != "Datasource updated" {
		t.Fatalf("%d %v", code, body)
	}
	after, _ := g.source("edit")
	if after.Version != 2 || after.SecureJSONData["apiKey"] != "other-key-1234" || after.JSONData["oncall"] == nil {
		t.Fatalf("after the save: %+v", after)
	}
	s1, _ := before.settings()
	s2, _ := after.settings()
	if s2.LastUpdatedMS <= s1.LastUpdatedMS || string(s2.JsonData) != `{"oncall":{"layers":[]}}` {
		t.Fatalf("instance settings did not change: %d -> %d, %s", s1.LastUpdatedMS, s2.LastUpdatedMS, s2.JsonData)
	}
	// A second save from the settings read before the first is refused, as Grafana does.
	if code, body := putJSON(t, srv.URL+"/api/datasources/uid/edit", ds); code != http.StatusConflict {
		t.Fatalf("stale version: %d %v", code, body)
	}
}

func TestSetEditable(t *testing.T) {
	_, srv := editServer(t)
	res, err := http.Post(srv.URL+"/host/datasources/appmon/editable", "application/json", bytes.NewReader([]byte(`{"editable":true}`)))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%v %v", res, err)
	}
	res.Body.Close()
	ds := getJSON(t, srv.URL+"/api/datasources/uid/appmon")
	ds["jsonData"] = map[string]any{}
	if code, body := putJSON(t, srv.URL+"/api/datasources/uid/appmon", ds); code != http.StatusOK {
		t.Fatalf("%d %v", code, body)
	}
}
