package redact

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

// captureLogger records every line it is given, fields rendered with %v.
type captureLogger struct {
	mu    *sync.Mutex
	lines *[]string
	with  []any
}

func newCapture() *captureLogger { return &captureLogger{mu: &sync.Mutex{}, lines: &[]string{}} }

func (c *captureLogger) log(level, msg string, args []any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	*c.lines = append(*c.lines, fmt.Sprint(level, " ", msg, " ", append(append([]any{}, c.with...), args...)))
}
func (c *captureLogger) Debug(msg string, args ...any) { c.log("debug", msg, args) }
func (c *captureLogger) Info(msg string, args ...any)  { c.log("info", msg, args) }
func (c *captureLogger) Warn(msg string, args ...any)  { c.log("warn", msg, args) }
func (c *captureLogger) Error(msg string, args ...any) { c.log("error", msg, args) }
func (c *captureLogger) Level() log.Level              { return log.Debug }
func (c *captureLogger) With(args ...any) log.Logger {
	return &captureLogger{mu: c.mu, lines: c.lines, with: append(append([]any{}, c.with...), args...)}
}
func (c *captureLogger) FromContext(context.Context) log.Logger { return c }

type stringer struct{ s string }

func (s stringer) String() string { return s.s }

func TestLoggerRedactsMessageAndFields(t *testing.T) {
	capt := newCapture()
	l := New(apiKey).Logger(capt).FromContext(context.Background()).With("key", apiKey)
	l.Debug("sent "+apiKey, "error", errors.New("bad "+strings.ToUpper(apiKey)), "n", 3)
	l.Info("x", "stringer", stringer{apiKey[3:12]}, "bytes", []byte(apiKey))
	l.Warn("x", "struct", struct{ K string }{apiKey})
	l.Error("x", apiKey, "value")
	if len(*capt.lines) != 4 {
		t.Fatalf("%d lines captured, want 4", len(*capt.lines))
	}
	for _, line := range *capt.lines {
		if longestRun(strings.ToLower(line), strings.ToLower(apiKey)) >= MinRun {
			t.Errorf("log line holds the key: %q", strings.ReplaceAll(line, apiKey, "<key>"))
		}
		if !strings.Contains(line, Mask) {
			t.Errorf("nothing redacted in %q", line)
		}
	}
	if !strings.Contains((*capt.lines)[0], " 3]") {
		t.Errorf("a number field lost its value: %q", (*capt.lines)[0])
	}
}
