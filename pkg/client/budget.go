package client

import (
	"context"

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

// acquire reserves n bytes, waiting for other requests to give theirs
// back. n must not exceed the total (see fits).
func (b *byteBudget) acquire(ctx context.Context, n int64) error {
	if n <= 0 {
		return nil
	}
	return b.sem.Acquire(ctx, n)
}

func (b *byteBudget) release(n int64) {
	if n > 0 {
		b.sem.Release(n)
	}
}

func (b *byteBudget) fits(n int64) bool { return n <= b.total }
