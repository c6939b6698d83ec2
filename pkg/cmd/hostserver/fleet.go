package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
)

var fleetSize = flag.Int("fleet", 0, "also provision the data source "+fleetUID+
	" over this many instances of the application, the last one stopped (a port nothing listens on), for the fleet cases of tests/host")

const fleetUID = "appmon-fleet"

// hostFleet is the instances of the fleet data source: the application at
// its URL and on further ports relayed to it (instances of one application
// behind a load balancer share one workload), and a stopped instance: a
// port reserved but not listening, so connections to it are refused.
type hostFleet struct {
	Answering []string `json:"answering"` // host:port, as the instance label names them
	Stopped   []string `json:"stopped"`

	listeners []net.Listener
	release   func() // frees the stopped instance's port
}

// withFleet adds the fleet data source to the provisioned ones when -fleet
// asks for it; the fleet's instances serve the first data source's
// application with its keys.
func withFleet(sources []dataSource) ([]dataSource, *hostFleet, error) {
	f := &hostFleet{}
	if *fleetSize == 0 {
		return sources, f, nil
	}
	if *fleetSize < 2 {
		return nil, nil, errors.New("-fleet: give at least 2 instances (the last one is stopped)")
	}
	base := sources[0]
	app, err := url.Parse(base.URL)
	if err != nil || app.Host == "" {
		return nil, nil, fmt.Errorf("-fleet: the data source URL %q has no host", base.URL)
	}
	urls := []string{base.URL}
	f.Answering = []string{app.Host}
	for len(urls) < *fleetSize-1 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			f.stop()
			return nil, nil, err
		}
		f.listeners = append(f.listeners, l)
		f.relay(l, app.Host)
		urls = append(urls, app.Scheme+"://"+l.Addr().String()+app.Path)
		f.Answering = append(f.Answering, l.Addr().String())
	}
	stopped, release, err := reserveStopped() // fleet_stopped.go
	if err != nil {
		f.stop()
		return nil, nil, err
	}
	f.release = release
	urls = append(urls, app.Scheme+"://"+stopped+app.Path)
	f.Stopped = []string{stopped}

	ds := base
	ds.ID = int64(len(sources) + 1)
	ds.UID, ds.Name, ds.IsDefault = fleetUID, base.Name+" fleet", false
	ds.JSONData = maps.Clone(base.JSONData)
	ds.JSONData["fleet"] = map[string]any{"instances": urls}
	ds.SecureJSONData = maps.Clone(base.SecureJSONData)
	return append(sources, ds), f, nil
}

// relay forwards every connection on l to the application at host.
func (f *hostFleet) relay(l net.Listener, host string) {
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				up, err := net.Dial("tcp", host)
				if err != nil {
					return
				}
				defer up.Close()
				go func() { _, _ = io.Copy(up, c); _ = up.(*net.TCPConn).CloseWrite() }()
				_, _ = io.Copy(c, up)
			}()
		}
	}()
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
	for _, l := range f.listeners {
		_ = l.Close()
	}
	if f.release != nil {
		f.release()
	}
}
