package plugin

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

type packetRecorder struct {
	mu      sync.Mutex
	packets []json.RawMessage
}

func (p *packetRecorder) Send(pk *backend.StreamPacket) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.packets = append(p.packets, pk.Data)
	return nil
}

func (p *packetRecorder) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.packets)
}

func TestSubscribeAndPublish(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{}`, nil)
	for path, want := range map[string]backend.SubscribeStreamStatus{
		"metrics/api":   backend.SubscribeStreamStatusOK,
		"health":        backend.SubscribeStreamStatusOK,
		"alerts":        backend.SubscribeStreamStatusNotFound,
		"metrics/a/b/c": backend.SubscribeStreamStatusNotFound,
	} {
		res, err := ds.SubscribeStream(context.Background(), &backend.SubscribeStreamRequest{Path: path})
		if err != nil || res.Status != want {
			t.Errorf("SubscribeStream(%q) = %v, %v", path, res.Status, err)
		}
	}
	res, _ := ds.PublishStream(context.Background(), &backend.PublishStreamRequest{Path: "metrics/api"})
	if res.Status != backend.PublishStreamStatusPermissionDenied {
		t.Fatal("publishing must be refused")
	}
}

// RunStream polls at the configured interval, sends wide frames, survives
// a failing poll and stops promptly when Grafana cancels.
func TestRunStream(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	fake.SetFault("/api/monitoring/metrics", fakeapi.Fault{Status: 500, Times: 1})
	ds := newDS(t, fake.URL, `{"streamIntervalSeconds":1,"cacheTTLSeconds":0,"retries":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	rec := &packetRecorder{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- ds.RunStream(ctx, &backend.RunStreamRequest{Path: "metrics/cache"}, backend.NewStreamSender(rec))
	}()
	deadline := time.Now().Add(5 * time.Second)
	for rec.count() < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("RunStream did not stop after cancel")
	}
	if rec.count() < 2 {
		t.Fatalf("packets = %d after the first poll failed", rec.count())
	}
	var f data.Frame
	if err := json.Unmarshal(rec.packets[0], &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Fields) != 2 || f.Fields[1].Name != "cache.hit_rate" || f.Meta.Type != data.FrameTypeTimeSeriesWide {
		t.Fatalf("frame = %+v", f)
	}
}
