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

	// unread are the holds given out, oldest first, each to be given back
	// at its deadline at the latest; one timer serves them all, armed
	// while any is waiting (a timer per response cost more than the rest
	// of receiving it).
	mu     sync.Mutex
	unread []*budgetHold
	timer  *time.Timer
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
	b        *byteBudget
	n        int64
	once     sync.Once
	deadline time.Time
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
	if h == nil || h.n <= 0 {
		return
	}
	b := h.b
	h.deadline = time.Now().Add(d)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.unread = append(b.unread, h)
	if len(b.unread) > 1 {
		return // the timer is armed for an earlier deadline
	}
	if b.timer == nil {
		b.timer = time.AfterFunc(d, b.releaseDue)
	} else {
		b.timer.Reset(d)
	}
}

// releaseDue gives back every hold whose deadline has come (they come in
// deadline order) and arms the timer for the next, no sooner than
// unreadSweep from now: a busy instance gives out a hold per request,
// and one wake-up per request cost more than the holds.
func (b *byteBudget) releaseDue() {
	now := time.Now()
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for n < len(b.unread) && !b.unread[n].deadline.After(now) {
		b.unread[n].release() // the semaphore's own lock, never b.mu
		n++
	}
	rest := copy(b.unread, b.unread[n:])
	clear(b.unread[rest:])
	b.unread = b.unread[:rest]
	if rest > 0 {
		b.timer.Reset(max(b.unread[0].deadline.Sub(now), unreadSweep))
	}
}

// unreadSweep is the least time between two sweeps of unread holds.
const unreadSweep = 100 * time.Millisecond
