package integration

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// prometheusBinary finds Debian's prometheus (package prometheus). Without
// it the test skips on a developer machine but fails in CI, which installs it.
func prometheusBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("prometheus")
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("prometheus is not installed: CI needs Debian's prometheus package (.ci/run installs it)")
	}
	t.Skip("prometheus is not installed (apt-get install prometheus): skipping the real-Prometheus test; CI runs it")
	return ""
}

// repoPrometheusDir is prometheus/ at the repository root.
func repoPrometheusDir(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test's source")
	}
	dir, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", "..", "prometheus"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// testPrometheusConfig is the shipped prometheus.yml with the test's
// targets and key file, scraping and evaluating every second, and the
// shipped rule files by absolute path.
func testPrometheusConfig(t *testing.T, shippedDir string, targets []string, keyFile string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(shippedDir, "prometheus.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatalf("prometheus/prometheus.yml: %v", err)
	}
	global, _ := cfg["global"].(map[string]any)
	if global == nil {
		t.Fatal("prometheus/prometheus.yml has no global section")
	}
	global["scrape_interval"], global["scrape_timeout"], global["evaluation_interval"] = "1s", "1s", "1s"
	rules, _ := cfg["rule_files"].([]any)
	if len(rules) == 0 {
		t.Fatal("prometheus/prometheus.yml loads no rule files")
	}
	for i, r := range rules {
		rules[i] = filepath.Join(shippedDir, fmt.Sprint(r))
	}
	scrapes, _ := cfg["scrape_configs"].([]any)
	if len(scrapes) != 1 {
		t.Fatalf("prometheus/prometheus.yml has %d scrape configs, want the one AppMon job", len(scrapes))
	}
	job, _ := scrapes[0].(map[string]any)
	auth, _ := job["authorization"].(map[string]any)
	if job["job_name"] != "appmon" || auth == nil || auth["credentials_file"] == nil {
		t.Fatalf("prometheus/prometheus.yml: want job appmon with authorization.credentials_file, got %v", job)
	}
	auth["credentials_file"] = keyFile
	job["static_configs"] = []any{map[string]any{"targets": targets}}
	out, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// promProcess is a running prometheus.
type promProcess struct {
	url  string
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func (p *promProcess) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func (p *promProcess) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// startPrometheus runs prometheus with the config on a free port and a
// temporary TSDB, and waits until it is ready. The process group is
// stopped when the test ends, and its log shown if the test failed.
func startPrometheus(ctx context.Context, t *testing.T, bin string, config []byte, dir string) *promProcess {
	t.Helper()
	cfgPath := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(cfgPath, config, 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	p := &promProcess{url: "http://" + addr, done: make(chan struct{})}
	p.cmd = exec.Command(bin, "--config.file="+cfgPath, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	p.cmd.Stdout, p.cmd.Stderr = p, p
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting prometheus: %v", err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("prometheus output:\n%s", p.output())
		}
	})
	err := poll(ctx, 100*time.Millisecond, func() error {
		select {
		case <-p.done:
			return fmt.Errorf("prometheus exited:\n%s", p.output())
		default:
		}
		resp, err := promClient.Get(p.url + "/-/ready")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("/-/ready answered %s", resp.Status)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("prometheus did not get ready: %v", err)
	}
	return p
}

// stop ends the process group: SIGTERM, then SIGKILL after 5 s.
func (p *promProcess) stop() {
	pgid := p.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-p.done
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// hostPorts turns base URLs into scrape targets (host:port).
func hostPorts(t *testing.T, urls []string) []string {
	t.Helper()
	var out []string
	for _, u := range urls {
		parsed, err := url.Parse(u)
		if err != nil || parsed.Port() == "" {
			t.Fatalf("instance URL %q has no port", u)
		}
		if _, err := strconv.Atoi(parsed.Port()); err != nil {
			t.Fatalf("instance URL %q: %v", u, err)
		}
		out = append(out, parsed.Host)
	}
	return out
}

// permanent is an error that waiting cannot heal: poll stops at once.
type permanent struct{ error }

// poll calls f every interval until it returns nil or ctx ends (then the
// last error says what never happened).
func poll(ctx context.Context, interval time.Duration, f func() error) error {
	for {
		err := f()
		if err == nil {
			return nil
		}
		if p, ok := err.(permanent); ok {
			return p.error
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(interval):
		}
	}
}
