package client

import (
	"testing"
	"time"
)

// Holds nobody releases go back at their deadlines, oldest first, through
// the one timer; one released early is not given back twice.
func TestUnreadHoldsGoBackAtTheirDeadlines(t *testing.T) {
	b := newByteBudget(100)
	take := func(n int64) *budgetHold {
		if !b.sem.TryAcquire(n) {
			t.Fatalf("%d bytes not free", n)
		}
		return b.hold(n)
	}
	free := func() int64 { // what can be taken now, without keeping it
		for n := int64(100); n > 0; n -= 10 {
			if b.sem.TryAcquire(n) {
				b.sem.Release(n)
				return n
			}
		}
		return 0
	}
	first, second, early := take(30), take(30), take(30)
	first.releaseAfter(50 * time.Millisecond)
	early.releaseAfter(60 * time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	second.releaseAfter(600 * time.Millisecond)
	early.release()
	if got := free(); got != 40 {
		t.Fatalf("%d bytes free at the start, want 40", got)
	}
	time.Sleep(300 * time.Millisecond) // first and early due, second not
	if got := free(); got != 70 {
		t.Fatalf("%d bytes free after the first deadline, want 70", got)
	}
	time.Sleep(600 * time.Millisecond)
	if got := free(); got != 100 {
		t.Fatalf("%d bytes free after every deadline, want 100", got)
	}
	// The timer arms again for holds given out later.
	late := take(50)
	late.releaseAfter(50 * time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	if got := free(); got != 100 {
		t.Fatalf("%d bytes free after a later hold's deadline, want 100", got)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.unread) != 0 {
		t.Errorf("%d holds still listed", len(b.unread))
	}
}
