package client

import (
	"testing"
	"time"
)

func TestMetricsFormatMemory(t *testing.T) {
	c := newClient(t, "http://127.0.0.1:1", `{}`, testKey)
	now := time.Unix(1_700_000_000, 0)
	c.now = func() time.Time { return now }
	if got := c.MetricsFormat(); got != "" {
		t.Fatalf("nothing detected yet, got %q", got)
	}
	c.RememberMetricsFormat("prometheus")
	now = now.Add(MetricsFormatTTL - time.Second)
	if got := c.MetricsFormat(); got != "prometheus" {
		t.Fatalf("within the TTL: %q", got)
	}
	now = now.Add(time.Second)
	if got := c.MetricsFormat(); got != "" {
		t.Fatalf("after the TTL the format is detected again, got %q", got)
	}
	c.RememberMetricsFormat("datadog")
	c.ForgetMetricsFormat("prometheus") // a stale caller's format: no effect
	if got := c.MetricsFormat(); got != "datadog" {
		t.Fatalf("forgetting another format: %q", got)
	}
	c.ForgetMetricsFormat("datadog")
	if got := c.MetricsFormat(); got != "" {
		t.Fatalf("forgotten: %q", got)
	}
}
