package main

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
)

func TestFleetRelaysToTheApplicationAndStopsOne(t *testing.T) {
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "app "+r.URL.Path)
	}))
	defer app.Close()
	defer func(n int) { *fleetSize = n }(*fleetSize)
	*fleetSize = 5

	base := dataSource{ID: 1, UID: "appmon", Name: "AppMon", URL: app.URL, IsDefault: true,
		JSONData: map[string]any{"retries": 0}, SecureJSONData: map[string]string{"apiKey": "k-123456"}}
	sources, fleet, err := withFleet([]dataSource{base})
	if err != nil {
		t.Fatal(err)
	}
	defer fleet.stop()

	if len(sources) != 2 || sources[0].JSONData["fleet"] != nil {
		t.Fatalf("the provisioned data source changed or no fleet was added: %+v", sources)
	}
	ds := sources[1]
	if ds.UID != fleetUID || ds.IsDefault || ds.SecureJSONData["apiKey"] != "k-123456" {
		t.Errorf("fleet data source %+v", ds)
	}
	urls := ds.JSONData["fleet"].(map[string]any)["instances"].([]string)
	if len(urls) != 5 || len(fleet.Answering) != 4 || len(fleet.Stopped) != 1 || urls[0] != app.URL {
		t.Fatalf("instances %v, answering %v, stopped %v", urls, fleet.Answering, fleet.Stopped)
	}
	for i, u := range urls[:4] {
		res, err := http.Get(u + "/api/health/check")
		if err != nil {
			t.Fatalf("instance %d (%s): %v", i, u, err)
		}
		body, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		if string(body) != "app /api/health/check" || !strings.HasSuffix(u, fleet.Answering[i]) {
			t.Errorf("instance %d (%s) answered %q", i, u, body)
		}
	}

	// The stopped instance refuses connections, and its port cannot be taken by another server.
	if _, err := net.Dial("tcp", fleet.Stopped[0]); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dialling the stopped instance: %v, want connection refused", err)
	}
	if l, err := net.Listen("tcp", fleet.Stopped[0]); err == nil {
		_ = l.Close()
		t.Error("another server could listen on the stopped instance's port")
	}
}

func TestNoFleetWithoutTheFlag(t *testing.T) {
	sources, fleet, err := withFleet([]dataSource{{UID: "appmon", URL: "http://127.0.0.1:1"}})
	if err != nil || len(sources) != 1 || len(fleet.Answering) != 0 {
		t.Fatalf("%v %v %v", sources, fleet, err)
	}
	mux := http.NewServeMux()
	fleet.routes(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/host/fleet", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET /host/fleet without a fleet: %d", rec.Code)
	}
}
