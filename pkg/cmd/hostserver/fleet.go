package main

import (
	"errors"
	"flag"
	"maps"
	"net/http"
	"net/url"
)

var fleetSize = flag.Int("fleet", 0, "also provision the data source "+fleetUID+
	" over this many instances of the reference API, the last one stopped (a port nothing listens on), for the fleet cases of tests/host")

const fleetUID = "appmon-fleet"

// apiInstances is how many instances the reference API serves: all but
// the stopped one of the fleet (one process, one port each, one workload).
func apiInstances() int {
	return max(1, *fleetSize-1)
}

// hostFleet is the instances of the fleet data source: the reference API's
// instances, and a stopped one whose port is reserved but not listening,
// so connections to it are refused.
type hostFleet struct {
	Answering []string `json:"answering"` // host:port, as the instance label names them
	Stopped   []string `json:"stopped"`

	release func() // frees the stopped instance's port
}

// withFleet adds the fleet data source to the provisioned ones when -fleet
// asks for it: instances are the reference API's base URLs (the first
// data source's application, read with its keys) and a stopped instance.
func withFleet(sources []dataSource, instances []string) ([]dataSource, *hostFleet, error) {
	f := &hostFleet{}
	if *fleetSize == 0 {
		return sources, f, nil
	}
	if *fleetSize < 2 || len(instances) != *fleetSize-1 {
		return nil, nil, errors.New("-fleet: the reference API started by the host serves the fleet (give at least 2 instances and no -api-url)")
	}
	urls := make([]string, 0, *fleetSize)
	for _, raw := range instances {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			return nil, nil, errors.New("-fleet: instance URL " + raw + " has no host")
		}
		urls = append(urls, raw)
		f.Answering = append(f.Answering, u.Host)
	}
	stopped, release, err := reserveStopped() // fleet_stopped.go
	if err != nil {
		return nil, nil, err
	}
	f.release = release
	urls = append(urls, "http://"+stopped)
	f.Stopped = []string{stopped}

	base := sources[0]
	ds := base
	ds.ID = int64(len(sources) + 1)
	ds.UID, ds.Name, ds.IsDefault = fleetUID, base.Name+" fleet", false
	ds.URL = urls[0]
	ds.JSONData = maps.Clone(base.JSONData)
	ds.JSONData["fleet"] = map[string]any{"instances": urls}
	ds.SecureJSONData = maps.Clone(base.SecureJSONData)
	return append(sources, ds), f, nil
}

// routes adds GET /host/fleet (outside Grafana's API, never called by
// plugins): which instances answer and which is stopped, for the driver.
func (f *hostFleet) routes(mux *http.ServeMux) {
	if len(f.Answering) == 0 {
		return
	}
	mux.HandleFunc("GET /host/fleet", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, f)
	})
}

func (f *hostFleet) stop() {
	if f.release != nil {
		f.release()
	}
}
