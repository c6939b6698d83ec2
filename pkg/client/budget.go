package client

import (
	"context"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// byteBudget bounds the response bytes being received at once across
// every request of an instance, so a refresh against a server sending
// large bodies cannot hold more than the budget in buffers. A request
// waits (FIFO) until its share is free; one that could never fit fails
// at once.
type byteBudget struct {
	total int64
	sem   *semaphore.Weighted
}

func newByteBudget(total int64) *byteBudget {
	return &byteBudget{total: total, sem: semaphore.NewWeighted(total)}
}

// budgetWaitRound is how often a waiting request starts another
// collection (see reclaim.go) while bodies are still being read.
const budgetWaitRound = 100 * time.Millisecond

// acquire reserves n bytes, waiting for other requests to give theirs
// back. n must not exceed the total (see fits).
func (b *byteBudget) acquire(ctx context.Context, n int64) error {
	if n <= 0 || b.sem.TryAcquire(n) {
		return nil
	}
	for {
		collectSoon() // dead bodies still hold their share
		wctx, cancel := context.WithTimeout(ctx, budgetWaitRound)
		err := b.sem.Acquire(wctx, n)
		cancel()
		if err == nil || ctx.Err() != nil {
			return err
		}
	}
}

func (b *byteBudget) release(n int64) {
	if n > 0 {
		b.sem.Release(n)
	}
}

func (b *byteBudget) fits(n int64) bool { return n <= b.total }

// budgetHold is one body's reservation. It is given back once, at the
// first of: the body read into a document (callers rarely keep a body
// once parsed), the cache taking it (its own bound covers it), the
// response collected, or unreadHold after the fetch (a caller that holds
// a body while waiting for more budget must not stall the others).
type budgetHold struct {
	b    *byteBudget
	n    int64
	once sync.Once
}

func (b *byteBudget) hold(n int64) *budgetHold { return &budgetHold{b: b, n: n} }

func (h *budgetHold) release() {
	if h != nil {
		h.once.Do(func() { h.b.release(h.n) })
	}
}

// attach gives the reservation back when resp becomes unreachable.
func (h *budgetHold) attach(resp *Response) {
	if h != nil && h.n > 0 {
		runtime.AddCleanup(resp, (*budgetHold).release, h)
	}
}

// unreadHold bounds how long a body nobody parses keeps its share.
const unreadHold = time.Second

func (h *budgetHold) releaseAfter(d time.Duration) {
	if h != nil && h.n > 0 {
		time.AfterFunc(d, h.release)
	}
}
