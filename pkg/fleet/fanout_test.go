package fleet

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// A panic while one instance's answer is built fails that instance only,
// instead of the plugin process.
func TestFanOutRecoversAPanicPerInstance(t *testing.T) {
	results := FanOut(context.Background(), []string{"a:1", "b:1"}, nil, func(_ context.Context, i int) (data.Frames, error) {
		if i == 1 {
			panic("boom")
		}
		return data.Frames{data.NewFrame("ok")}, nil
	})
	if results[0].Err != nil || len(results[0].Frames) != 1 {
		t.Fatalf("instance a: %+v", results[0])
	}
	if results[1].Err == nil || !strings.Contains(results[1].Err.Error(), "boom") {
		t.Fatalf("instance b: want the panic as its error, got %v", results[1].Err)
	}
	answered, failed := Split(results)
	if len(answered) != 1 || len(failed) != 1 || errors.Is(failed[0].Err, context.Canceled) {
		t.Fatalf("split %d answered, %d failed", len(answered), len(failed))
	}
}
