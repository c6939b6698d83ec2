package fleet

import (
	"context"
	"fmt"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Result is one instance's answer to a query: its frames, or why it has
// none.
type Result struct {
	Instance string
	Frames   data.Frames
	Err      error
}

// FanOut runs fn for every instance and returns the results in the
// instances' order. sem bounds the calls running at once; the data source
// shares one between its queries, so a dashboard's panels together keep
// within the fleet's maxConcurrency. A slow instance delays only the
// answer, never the other instances' requests.
func FanOut(ctx context.Context, instances []string, sem chan struct{}, fn func(ctx context.Context, i int) (data.Frames, error)) []Result {
	out := make([]Result, len(instances))
	if sem == nil {
		sem = make(chan struct{}, max(1, len(instances)))
	}
	var wg sync.WaitGroup
	for i, inst := range instances {
		out[i].Instance = inst
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				out[i].Err = ctx.Err()
				return
			}
			defer func() { <-sem }()
			// A panic here would take the whole plugin down: the caller's
			// recover does not reach this goroutine.
			defer func() {
				if r := recover(); r != nil {
					out[i].Frames, out[i].Err = nil, fmt.Errorf("internal error in the AppMon data source: %v", r)
				}
			}()
			out[i].Frames, out[i].Err = fn(ctx, i)
		}()
	}
	wg.Wait()
	return out
}

// Split separates the answering instances from the failing ones.
func Split(results []Result) (answered, failed []Result) {
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, r)
		} else {
			answered = append(answered, r)
		}
	}
	return answered, failed
}
