// Command hostserver answers the Grafana HTTP API calls the AppMon frontend makes
// (/api/ds/query, /api/datasources/uid/<uid>/health and /resources/…, /api/search,
// /api/plugins/<id>/settings) with the built backend executable, started through
// go-plugin and called over gRPC as Grafana does, and serves the built plugins under
// /public/plugins/<id>/ for the host page (tests/host/). It is a test tool: it
// listens on 127.0.0.1 only and is never part of the plugin bundle.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "hostserver:", err)
		os.Exit(1)
	}
}

func run() error {
	dist := flag.String("dist", "dist", "the built bundle (npm run build:frontend and the linux/amd64 backend)")
	static := flag.String("static", "tests/host/work/build/current", "the host page and its shared-module bundle")
	provisioning := flag.String("datasources", "provisioning/datasources/appmon.yaml", "data source provisioning file")
	exe := flag.String("exe", "", "backend executable (default: dist/datasource/gpx_appmon_endpoints_<os>_<arch>)")
	grafanaVersion := flag.String("grafana-version", "12.3.0", "Grafana version the plugin is told it runs in")
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (loopback only)")
	apiURL := flag.String("api-url", "", "a running monitoring API, keys in APPMON_METRICS_API_KEY and APPMON_ADMIN_API_KEY (default: start the reference API with test keys)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("hostserver: ")

	// Grafana expands ${VAR} in provisioning files from its environment.
	env := map[string]string{"APPMON_API_URL": *apiURL, "APPMON_METRICS_API_KEY": os.Getenv("APPMON_METRICS_API_KEY"), "APPMON_ADMIN_API_KEY": os.Getenv("APPMON_ADMIN_API_KEY")}
	var instances []string // the reference API's instances, for -fleet (fleet.go)
	if *apiURL == "" {
		api, err := testserver.Start(testserver.Options{HistoryDays: 30, CatchUp: 3 * time.Minute, Instances: apiInstances()})
		if err != nil {
			return fmt.Errorf("starting the reference monitoring API: %w", err)
		}
		defer api.Stop()
		env = map[string]string{"APPMON_API_URL": api.URL, "APPMON_METRICS_API_KEY": api.APIKey, "APPMON_ADMIN_API_KEY": api.AdminKey}
		instances = api.URLs
	}
	sources, err := readDataSources(*provisioning, env)
	if err != nil {
		return err
	}
	sources, fleet, err := withFleet(sources, instances) // fleet.go: -fleet
	if err != nil {
		return err
	}
	defer fleet.stop()

	if *exe == "" {
		*exe = filepath.Join(*dist, "datasource", executableName())
	}
	p, err := startPlugin(*exe, *grafanaVersion)
	if err != nil {
		return err
	}
	defer p.stop()

	plugins, err := findPlugins(*dist)
	if err != nil {
		return err
	}
	g := &grafana{plugin: p, sources: sources, dashboards: filepath.Join(*dist, "dashboards"), version: *grafanaVersion, appSettings: map[string]bool{}}
	mux := http.NewServeMux()
	g.routes(mux)
	fleet.routes(mux)
	serveFiles(mux, *dist, plugins, *static)

	if host, _, err := net.SplitHostPort(*listen); err != nil || net.ParseIP(host) == nil || !net.ParseIP(host).IsLoopback() {
		return fmt.Errorf("-listen %q: give a loopback address such as 127.0.0.1:3000", *listen)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()

	// One JSON line tells the test driver where to go and which plugins exist.
	ready, _ := json.Marshal(map[string]any{"url": "http://" + ln.Addr().String() + "/", "plugins": plugins, "pid": p.pid})
	fmt.Println(string(ready))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	// The driver closing stdin also ends the server, so a crashed driver leaves nothing behind.
	go func() {
		_, _ = os.Stdin.Read(make([]byte, 1))
		stop()
	}()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
