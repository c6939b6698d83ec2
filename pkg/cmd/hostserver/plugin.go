package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	hclog "github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"

	"github.com/appmon/monitoring/pkg/internal/grafanaplugin"
)

// dataSourcePluginID is the nested data source's id (src/datasource/plugin.json).
const dataSourcePluginID = "appmon-endpoints-datasource"

// executableName is plugin.json's "executable" with Grafana's platform suffix.
func executableName() string {
	name := fmt.Sprintf("gpx_appmon_endpoints_%s_%s", runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return name
}

// backendPlugin is the executable running under go-plugin with the gRPC
// clients Grafana dispenses.
type backendPlugin struct {
	client      *goplugin.Client
	pid         int
	data        pluginv2.DataClient
	diagnostics pluginv2.DiagnosticsClient
	resource    pluginv2.ResourceClient
}

// startPlugin runs exe as Grafana does (grafanaplugin) and dispenses the clients Grafana uses.
func startPlugin(exe, grafanaVersion string) (*backendPlugin, error) {
	if _, err := os.Stat(exe); err != nil {
		return nil, fmt.Errorf("backend executable: %w (build it with: go build -o %s ./pkg)", err, exe)
	}
	client := goplugin.NewClient(grafanaplugin.ClientConfig(exe, grafanaVersion, 20*time.Second,
		hclog.New(&hclog.LoggerOptions{Name: "plugin." + dataSourcePluginID, Level: hclog.Warn, Output: os.Stderr})))
	p := &backendPlugin{client: client}
	rpc, err := client.Client()
	if err != nil {
		client.Kill()
		return nil, fmt.Errorf("starting %s through go-plugin: %w", exe, err)
	}
	if rc := client.ReattachConfig(); rc != nil {
		p.pid = rc.Pid
	}
	var ok bool
	for name, dst := range map[string]func(any) bool{
		"data":        func(v any) bool { p.data, ok = v.(pluginv2.DataClient); return ok },
		"diagnostics": func(v any) bool { p.diagnostics, ok = v.(pluginv2.DiagnosticsClient); return ok },
		"resource":    func(v any) bool { p.resource, ok = v.(pluginv2.ResourceClient); return ok },
	} {
		raw, err := rpc.Dispense(name)
		if err != nil || !dst(raw) {
			client.Kill()
			return nil, fmt.Errorf("the plugin does not serve %q over gRPC: %v", name, err)
		}
	}
	return p, nil
}

// stop ends the plugin through go-plugin, killing it if that hangs.
func (p *backendPlugin) stop() {
	done := make(chan struct{})
	go func() {
		p.client.Kill()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		if p.pid > 0 {
			_ = syscall.Kill(p.pid, syscall.SIGKILL)
		}
	}
}
