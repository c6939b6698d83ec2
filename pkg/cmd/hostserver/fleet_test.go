package main

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"syscall"
	"testing"
)

func TestFleetOverTheAPIInstancesWithOneStopped(t *testing.T) {
	var instances []string
	for range 4 {
		app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		defer app.Close()
		instances = append(instances, app.URL)
	}
	defer func(n int) { *fleetSize = n }(*fleetSize)
	*fleetSize = 5
	if apiInstances() != 4 {
		t.Fatalf("the reference API would serve %d instances, want 4", apiInstances())
	}

	base := dataSource{ID: 1, UID: "appmon", Name: "AppMon", URL: instances[0], IsDefault: true,
		JSONData: map[string]any{"retries": 0}, SecureJSONData: map[string]string{"apiKey": "k-123456"}}
	sources, fleet, err := withFleet([]dataSource{base}, instances)
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
	if len(urls) != 5 || !slices.Equal(urls[:4], instances) || urls[4] != "http://"+fleet.Stopped[0] {
		t.Fatalf("instances %v, stopped %v", urls, fleet.Stopped)
	}
	for i, u := range instances {
		if "http://"+fleet.Answering[i] != u {
			t.Errorf("answering %v, want the hosts of %v", fleet.Answering, instances)
		}
	}
	if _, _, err := withFleet([]dataSource{base}, nil); err == nil {
		t.Error("a fleet without the reference API's instances (-api-url) was accepted")
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
	sources, fleet, err := withFleet([]dataSource{{UID: "appmon", URL: "http://127.0.0.1:1"}}, nil)
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
