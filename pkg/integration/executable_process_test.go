package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/build/buildinfo"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	hclog "github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"

	"github.com/appmon/monitoring/pkg/internal/grafanaplugin"

	"github.com/appmon/monitoring/pkg/plugin"
)

const (
	// buildTimeout covers a cold build cache (the production build's tag
	// and CGO_ENABLED=0 recompile part of the standard library once).
	buildTimeout = 4 * time.Minute
	// pluginStartTimeout bounds the go-plugin handshake.
	pluginStartTimeout = 20 * time.Second
	// pluginKillTimeout bounds client.Kill: go-plugin waits 2 s for a
	// graceful exit, then kills.
	pluginKillTimeout = 15 * time.Second
	// executableBase is plugin.json's "executable".
	executableBase = "gpx_appmon_endpoints"
)

// buildExecutable builds ./pkg as the SDK's production build does (static,
// stripped, tag arrow_json_stdlib, build info) under the name Grafana looks
// for, gpx_appmon_endpoints_<GOOS>_<GOARCH>, into a temporary directory.
func buildExecutable(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is not on PATH, cannot build the plugin executable: %v", err)
	}
	root := moduleRoot(t)
	name := fmt.Sprintf("%s_%s_%s", executableBase, runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	exe := filepath.Join(t.TempDir(), name)

	info, err := json.Marshal(buildinfo.Info{Time: time.Now().UnixMilli(), PluginID: plugin.PluginID, Version: packageVersion(t, root)})
	if err != nil {
		t.Fatal(err)
	}
	ldflags := fmt.Sprintf(`-w -s -extldflags "-static" -X 'github.com/grafana/grafana-plugin-sdk-go/build/buildinfo.buildInfoJSON=%s'`, info)

	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool, "build", "-o", exe, "-tags", "arrow_json_stdlib", "-ldflags", ldflags, "./pkg")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("go build ./pkg did not finish within %v:\n%s", buildTimeout, out)
	}
	if err != nil {
		t.Fatalf("go build ./pkg: %v\n%s", err, out)
	}
	t.Logf("built %s in %v", name, time.Since(start).Round(time.Millisecond))
	return exe
}

// moduleRoot is the repository root, two levels above this file.
func moduleRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the integration test sources")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	return root
}

// packageVersion is package.json's version, which the SDK build stamps
// into the executable.
func packageVersion(t *testing.T, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(b, &pkg); err != nil || pkg.Version == "" {
		t.Fatalf("package.json has no version: %v", err)
	}
	return pkg.Version
}

// pluginProcess is the executable running under go-plugin the way Grafana
// runs a backend plugin, with the SDK's generated gRPC clients.
type pluginProcess struct {
	client      *goplugin.Client
	pid         int
	data        pluginv2.DataClient
	diagnostics pluginv2.DiagnosticsClient
	resource    pluginv2.ResourceClient
	output      *processOutput
}

// startPlugin launches the executable through go-plugin with Grafana's
// handshake and plugin set, gRPC only, and dispenses the clients Grafana
// uses. The process is killed when the test ends.
func startPlugin(t *testing.T, exe string) *pluginProcess {
	t.Helper()
	out := &processOutput{}
	// Grafana logs the plugin's stderr through this logger; Trace so
	// nothing the plugin writes is filtered out before the checks.
	cfg := grafanaplugin.ClientConfig(exe, grafanaVersion, pluginStartTimeout,
		hclog.New(&hclog.LoggerOptions{Name: "plugin." + plugin.PluginID, Level: hclog.Trace, Output: &out.log}))
	cfg.Stderr = &out.stderr
	cfg.SyncStdout = &out.syncStdout
	cfg.SyncStderr = &out.syncStderr
	client := goplugin.NewClient(cfg)
	p := &pluginProcess{client: client, output: out}
	t.Cleanup(func() {
		if err := p.stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			t.Logf("plugin process output:\n%s", out.dump())
		}
	})

	rpc, err := client.Client()
	if err != nil {
		t.Fatalf("starting %s through go-plugin: %v\n%s", filepath.Base(exe), err, out.dump())
	}
	if rc := client.ReattachConfig(); rc != nil {
		p.pid = rc.Pid
	}
	if p.pid <= 0 {
		t.Fatal("go-plugin reports no process id for the plugin")
	}
	dispense := func(name string) any {
		raw, err := rpc.Dispense(name)
		if err != nil {
			t.Fatalf("dispense %q: %v", name, err)
		}
		return raw
	}
	var ok bool
	if p.data, ok = dispense("data").(pluginv2.DataClient); !ok {
		t.Fatal(`"data" is not a pluginv2.DataClient`)
	}
	if p.diagnostics, ok = dispense("diagnostics").(pluginv2.DiagnosticsClient); !ok {
		t.Fatal(`"diagnostics" is not a pluginv2.DiagnosticsClient`)
	}
	if p.resource, ok = dispense("resource").(pluginv2.ResourceClient); !ok {
		t.Fatal(`"resource" is not a pluginv2.ResourceClient`)
	}
	return p
}

// stop kills the plugin through go-plugin, bounded; if that hangs the
// process is killed directly so a broken plugin never outlives the test.
func (p *pluginProcess) stop() error {
	done := make(chan struct{})
	go func() {
		p.client.Kill()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-time.After(pluginKillTimeout):
		if p.pid > 0 {
			_ = syscall.Kill(p.pid, syscall.SIGKILL)
		}
		return fmt.Errorf("go-plugin's Kill did not return within %v; killed pid %d", pluginKillTimeout, p.pid)
	}
}

// processGone reports whether no process with the plugin's pid exists
// (go-plugin reaps it, so not even a zombie).
func (p *pluginProcess) processGone() bool {
	return errors.Is(syscall.Kill(p.pid, 0), syscall.ESRCH)
}

// processOutput is everything the plugin process writes that Grafana
// could log: its stderr as go-plugin's logger renders it (Grafana's server
// log), the raw stderr lines, and os.Stdout/os.Stderr after the handshake,
// which go-plugin streams over gRPC. (Real stdout after the handshake line
// is discarded by go-plugin, in Grafana too.)
type processOutput struct {
	log, stderr, syncStdout, syncStderr lockedBuffer
}

func (o *processOutput) streams() map[string]string {
	return map[string]string{
		"go-plugin log": o.log.String(), "raw stderr": o.stderr.String(),
		"synced stdout": o.syncStdout.String(), "synced stderr": o.syncStderr.String(),
	}
}

func (o *processOutput) dump() string {
	var b strings.Builder
	for name, s := range o.streams() {
		if s != "" {
			fmt.Fprintf(&b, "--- %s ---\n%s\n", name, s)
		}
	}
	return b.String()
}

// lockedBuffer is written by go-plugin's goroutines while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
