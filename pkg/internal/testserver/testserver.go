// Package testserver starts the real reference monitoring API
// (monitoring-api/, Node) for integration tests, on a free port with test
// keys, and drives its admin API (faults, scenarios).
package testserver

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	startTimeout = 60 * time.Second
	stopTimeout  = 5 * time.Second
)

// Server is a running reference server.
type Server struct {
	// URL is the first instance's base URL.
	URL string
	// URLs are every instance's base URLs in instance order (Options.Instances
	// of them; URLs[0] == URL).
	URLs     []string
	APIKey   string
	AdminKey string

	cmd    *exec.Cmd
	mu     sync.Mutex
	output bytes.Buffer
	done   chan struct{}
}

// Options tune the server; zero values use the defaults below.
type Options struct {
	// RateLimitPerMinute per key (default 100000: tests are not throttled).
	RateLimitPerMinute int
	// HistoryDays of backfilled history (default 2: starts in about a second).
	HistoryDays int
	// WorkloadSeed fixes the simulated workload (default "appmon-go-integration").
	WorkloadSeed string
	// ClockStart starts the simulated clock at this time instead of now
	// (CLOCK_START); the history before it is backfilled as usual.
	ClockStart time.Time
	// ClockControl allows AdvanceClock and SyncClock (ENABLE_CLOCK_CONTROL).
	ClockControl bool
	// CatchUp starts the simulated clock this long before now and, once
	// the server listens, jumps it to the wall clock (SyncClock). The
	// server's own process figures (CPU, heap, event loop) have no
	// backfilled history and a minute appears only once it is complete,
	// so without this a fresh server has none for up to two minutes.
	CatchUp time.Duration
	// Dialect answers in another team's response shapes (--dialect, see
	// monitoring-api/src/dialects); empty means the contract's own.
	Dialect string
	// ClockSpeed is simulated seconds per real second (CLOCK_SPEED; 0
	// means 1). A tiny speed holds the figures still while a test reads
	// them twice.
	ClockSpeed float64
	// Instances served by the one process (INSTANCES; 0 means 1), each on
	// its own free port, all sharing one workload. Faults belong to one
	// instance (AddFaultAt); scenarios and the clock to all.
	Instances int
}

// APIDir finds monitoring-api/ from this source file's location.
func APIDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot locate the testserver package source")
	}
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "monitoring-api")
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		return "", fmt.Errorf("monitoring-api not found at %s: %w", dir, err)
	}
	return filepath.Abs(dir)
}

// command picks how to run the server without writing into its folder:
// the TypeScript sources through tsx when installed, else an existing build.
func command(dir string) ([]string, error) {
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "tsx")); err == nil {
		return []string{"node", "--import", "tsx", filepath.Join(dir, "src", "main.ts")}, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "dist", "main.js")); err == nil {
		return []string{"node", filepath.Join(dir, "dist", "main.js")}, nil
	}
	return nil, fmt.Errorf("cannot run the reference server: run \"npm ci\" in %s (tsx runs the sources) or \"npm run build\"", dir)
}

func randomKey(prefix string) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// Start launches the server and waits until it listens.
func Start(opts Options) (*Server, error) {
	dir, err := APIDir()
	if err != nil {
		return nil, err
	}
	argv, err := command(dir)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("node"); err != nil {
		return nil, errors.New("node is not on PATH: the reference server needs Node 20")
	}
	if opts.RateLimitPerMinute == 0 {
		opts.RateLimitPerMinute = 100000
	}
	if opts.HistoryDays == 0 {
		opts.HistoryDays = 2
	}
	if opts.WorkloadSeed == "" {
		opts.WorkloadSeed = "appmon-go-integration"
	}
	if opts.CatchUp > 0 {
		opts.ClockStart, opts.ClockControl = time.Now().Add(-opts.CatchUp), true
	}
	if opts.Dialect != "" {
		argv = append(argv, "--dialect", opts.Dialect)
	}
	s := &Server{APIKey: randomKey("it-read-"), AdminKey: randomKey("it-admin-"), done: make(chan struct{})}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	// A clean environment: keys set in the caller's shell must not leak in.
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"),
		"PORT=0", "HOST=127.0.0.1",
		"METRICS_API_KEY=" + s.APIKey,
		"ADMIN_API_KEY=" + s.AdminKey,
		"WORKLOAD_SEED=" + opts.WorkloadSeed,
		fmt.Sprintf("RATE_LIMIT_PER_MINUTE=%d", opts.RateLimitPerMinute),
		fmt.Sprintf("HISTORY_DAYS=%d", opts.HistoryDays),
	}
	if !opts.ClockStart.IsZero() {
		cmd.Env = append(cmd.Env, "CLOCK_START="+opts.ClockStart.UTC().Format(time.RFC3339Nano))
	}
	if opts.ClockControl {
		cmd.Env = append(cmd.Env, "ENABLE_CLOCK_CONTROL=true")
	}
	if opts.ClockSpeed > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("CLOCK_SPEED=%g", opts.ClockSpeed))
	}
	if opts.Instances > 1 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("INSTANCES=%d", opts.Instances))
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = &lockedWriter{s: s}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the reference server: %w", err)
	}
	s.cmd = cmd
	urlCh := make(chan []string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.output.WriteString(line + "\n")
			s.mu.Unlock()
			if urls := listeningURLs(line, opts.Instances); urls != nil {
				select {
				case urlCh <- urls:
				default:
				}
			}
		}
	}()
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	select {
	case urls := <-urlCh:
		s.URL, s.URLs = urls[0], urls
		if opts.CatchUp > 0 {
			ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
			defer cancel()
			if err := s.SyncClock(ctx); err != nil {
				s.Stop()
				return nil, fmt.Errorf("catching the reference server's clock up: %w", err)
			}
		}
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("the reference server exited before listening:\n%s", s.Output())
	case <-time.After(startTimeout):
		s.Stop()
		return nil, fmt.Errorf("the reference server did not listen within %v:\n%s", startTimeout, s.Output())
	}
}

type lockedWriter struct{ s *Server }

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	return w.s.output.Write(p)
}

// Output is everything the server printed.
func (s *Server) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.output.String()
}

// Stop terminates the server's process group (SIGTERM, then SIGKILL).
func (s *Server) Stop() {
	if s == nil || s.cmd == nil || s.cmd.Process == nil {
		return
	}
	pgid := s.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(stopTimeout):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-s.done
	}
}

// Fault is an admin fault specification.
type Fault struct {
	Endpoint  string `json:"endpoint"`
	Mode      string `json:"mode"`
	LatencyMs int    `json:"latency_ms,omitempty"`
	Status    int    `json:"status,omitempty"`
	SizeBytes int    `json:"size_bytes,omitempty"`
	Count     int    `json:"count,omitempty"`
}

// AddFault injects a fault and returns its id.
func (s *Server) AddFault(ctx context.Context, f Fault) (string, error) {
	var out struct {
		Fault struct {
			ID string `json:"id"`
		} `json:"fault"`
	}
	if err := s.admin(ctx, http.MethodPost, "/api/monitoring/admin/faults", f, &out); err != nil {
		return "", err
	}
	return out.Fault.ID, nil
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults(ctx context.Context) error {
	return s.admin(ctx, http.MethodDelete, "/api/monitoring/admin/faults", nil, nil)
}

// SetScenario moves the workload into a state ("normal" ends it).
func (s *Server) SetScenario(ctx context.Context, name string) error {
	return s.admin(ctx, http.MethodPost, "/api/monitoring/admin/scenario", map[string]any{"scenario": name}, nil)
}

type clockState struct {
	Clock struct {
		Now time.Time `json:"now"`
	} `json:"clock"`
}

// Clock is the server's simulated time.
func (s *Server) Clock(ctx context.Context) (time.Time, error) {
	var out clockState
	err := s.admin(ctx, http.MethodGet, "/api/monitoring/admin/clock", nil, &out)
	return out.Clock.Now, err
}

// AdvanceClock jumps the simulated clock forward (the server must run
// with ClockControl); every tick in between is simulated before it
// answers. It returns the new simulated time.
func (s *Server) AdvanceClock(ctx context.Context, d time.Duration) (time.Time, error) {
	var out clockState
	err := s.admin(ctx, http.MethodPost, "/api/monitoring/admin/clock", map[string]any{"advance_seconds": int64(d / time.Second)}, &out)
	return out.Clock.Now, err
}

// SyncClock jumps the simulated clock forward to the wall clock (whole
// seconds, so it never overtakes it). The data source computes time
// windows from its own clock; the two must agree for the last minutes'
// data to be inside them.
func (s *Server) SyncClock(ctx context.Context) error {
	now, err := s.Clock(ctx)
	if err != nil {
		return err
	}
	if lag := time.Since(now).Truncate(time.Second); lag >= time.Second {
		_, err = s.AdvanceClock(ctx, lag)
	}
	return err
}

// TriggerAlert fires a manual alert through the contract's POST
// /api/monitoring/alerts and returns its id.
func (s *Server) TriggerAlert(ctx context.Context, severity, title, description string) (string, error) {
	var out struct {
		Alert struct {
			ID string `json:"id"`
		} `json:"alert"`
	}
	body := map[string]any{"action": "trigger", "severity": severity, "title": title, "description": description}
	if err := s.admin(ctx, http.MethodPost, "/api/monitoring/alerts", body, &out); err != nil {
		return "", err
	}
	return out.Alert.ID, nil
}

// ResolveAlert resolves an alert by id.
func (s *Server) ResolveAlert(ctx context.Context, id string) error {
	return s.admin(ctx, http.MethodPost, "/api/monitoring/alerts", map[string]any{"action": "resolve", "id": id}, nil)
}

func (s *Server) admin(ctx context.Context, method, path string, body, out any) error {
	return s.adminAt(ctx, s.URL, method, path, body, out)
}

func (s *Server) adminAt(ctx context.Context, base, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("X-Admin-Key", s.AdminKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, strings.TrimSpace(string(b)))
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}
