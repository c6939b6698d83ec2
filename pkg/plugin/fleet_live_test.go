package plugin

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// A live query over a fleet: one wide frame (the shape Grafana Live
// appends), each instance's values labelled in the instances view, the
// fleet's in the fleet view, whose channel says so for the stream.
func TestFleetLiveQuery(t *testing.T) {
	a, b := fakeapi.New(t).URL, fakeapi.New(t).URL
	ds := newFleetDS(t, a, b, stoppedURL(t))
	res := queryFleet(t, ds, `{"queryType":"metrics","category":"cache","metricName":"cache.hit_rate","live":true}`, nil)
	if res.Error != nil || len(res.Frames) != 1 {
		t.Fatalf("%v, %d frames", res.Error, len(res.Frames))
	}
	f := res.Frames[0]
	if len(f.Fields) != 3 || f.Fields[1].Labels[fleet.InstanceLabel] != instanceOf(a) || f.Fields[2].Labels[fleet.InstanceLabel] != instanceOf(b) {
		t.Fatalf("fields %v", f.Fields)
	}
	if f.Meta.Channel != "ds/dsuid/metrics/cache/"+b64("cache.hit_rate") || !strings.Contains(noticesOf(res.Frames), "showing 2 of 3 instances") {
		t.Errorf("channel %q, notices %q", f.Meta.Channel, noticesOf(res.Frames))
	}

	res = queryFleet(t, ds, `{"queryType":"metrics","category":"cache","metricName":"cache.hit_rate","live":true,"fleetView":"fleet"}`, nil)
	f = res.Frames[0]
	if res.Error != nil || len(f.Fields) != 2 || f.Fields[1].Labels[fleet.FleetLabel] != "mean of instances" {
		t.Fatalf("%v %v", res.Error, f.Fields)
	}
	path := strings.TrimPrefix(f.Meta.Channel, "ds/dsuid/")
	if !strings.HasPrefix(path, "fleet/metrics/cache/") {
		t.Fatalf("channel %q", f.Meta.Channel)
	}

	// The stream of that channel sends the fleet's value.
	rec := &packetRecorder{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- ds.RunStream(ctx, &backend.RunStreamRequest{Path: path}, backend.NewStreamSender(rec))
	}()
	for deadline := time.Now().Add(5 * time.Second); rec.count() < 1 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var sent data.Frame
	if rec.count() == 0 || json.Unmarshal(rec.packets[0], &sent) != nil {
		t.Fatal("no frame streamed")
	}
	if len(sent.Fields) != 2 || sent.Fields[1].Labels[fleet.FleetLabel] != "mean of instances" {
		t.Errorf("streamed %v", sent.Fields)
	}
	if st, _ := ds.SubscribeStream(context.Background(), &backend.SubscribeStreamRequest{Path: path}); st.Status != backend.SubscribeStreamStatusOK {
		t.Errorf("subscribe %q: %v", path, st.Status)
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
