package client

import (
	"sync"
	"time"
)

// sharedFetches runs one fetch per key for every caller that asks while
// it runs, as singleflight does, but on long-lived workers: singleflight
// starts a goroutine per fetch, whose stack then grows through the whole
// HTTP client on every request.
type sharedFetches struct {
	mu    sync.Mutex
	calls map[string]*sharedFetch
	work  chan func() // idle workers wait here
	quit  chan struct{}
	once  sync.Once
}

type sharedFetch struct {
	done chan struct{} // closed when resp and err are set
	resp *Response
	err  error
}

// fetchWorkerIdle is how long a worker waits for work before it ends.
const fetchWorkerIdle = 30 * time.Second

func newSharedFetches() *sharedFetches {
	return &sharedFetches{calls: map[string]*sharedFetch{}, work: make(chan func()), quit: make(chan struct{})}
}

// start returns the running fetch of key, or starts fn as it.
func (g *sharedFetches) start(key string, fn func() (*Response, error)) *sharedFetch {
	g.mu.Lock()
	if f, ok := g.calls[key]; ok {
		g.mu.Unlock()
		return f
	}
	f := &sharedFetch{done: make(chan struct{})}
	g.calls[key] = f
	g.mu.Unlock()
	run := func() {
		f.resp, f.err = fn()
		g.mu.Lock()
		delete(g.calls, key)
		g.mu.Unlock()
		close(f.done)
	}
	select {
	case g.work <- run:
	default:
		go g.worker(run) // every worker busy: one more, which then stays
	}
	return f
}

// worker runs fetches until it has been idle a whole period, or the
// client closes.
func (g *sharedFetches) worker(run func()) {
	tick := time.NewTicker(fetchWorkerIdle)
	defer tick.Stop()
	worked := false
	for {
		if run != nil {
			run()
			run, worked = nil, true
		}
		select {
		case run = <-g.work:
		case <-tick.C:
			if !worked {
				return
			}
			worked = false
		case <-g.quit:
			return
		}
	}
}

// close ends the idle workers; fetches under way finish first.
func (g *sharedFetches) close() { g.once.Do(func() { close(g.quit) }) }
