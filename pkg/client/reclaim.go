package client

import (
	"runtime"
	"sync/atomic"
	"time"
)

// Go collects garbage when the heap has grown by GOGC percent over what
// was live, so after a burst of large bodies the heap could reach twice
// the in-flight budget before any of them is collected. A request that
// has to wait for budget starts a collection in the background: bodies
// already read and dropped are freed before more are received, and the
// reservations of bodies nobody parsed are given back as they are
// collected. Ordinary dashboards never fill the budget and never
// trigger one.

// collecting is process-wide: one background collection at a time, and
// at most one per collectEvery, so waiting requests cannot keep the
// collector busy.
var (
	collecting  atomic.Bool
	lastCollect atomic.Int64 // unix nanoseconds
)

const collectEvery = 200 * time.Millisecond

func collectSoon() {
	if time.Since(time.Unix(0, lastCollect.Load())) < collectEvery || !collecting.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer collecting.Store(false)
		runtime.GC()
		lastCollect.Store(time.Now().UnixNano())
	}()
}
