package client

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Callers asking for a key while its fetch runs share it; a later caller
// gets a fresh fetch; workers stay for the next fetch instead of one
// goroutine per fetch, and end when the client closes.
func TestSharedFetchesRunOncePerKeyOnWorkers(t *testing.T) {
	g := newSharedFetches()
	var runs atomic.Int32
	release := make(chan struct{})
	fn := func() (*Response, error) {
		runs.Add(1)
		<-release
		return &Response{Status: 200}, nil
	}
	first := g.start("a", fn)
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if f := g.start("a", fn); f != first {
				t.Error("a caller during the fetch got a fetch of its own")
			}
		}()
	}
	wg.Wait()
	other := g.start("b", fn) // another key runs beside it
	close(release)
	<-first.done
	<-other.done
	if first.resp == nil || first.resp.Status != 200 || runs.Load() != 2 {
		t.Fatalf("runs = %d, first = %+v", runs.Load(), first.resp)
	}
	again := g.start("a", fn)
	<-again.done
	if again == first || runs.Load() != 3 {
		t.Fatalf("a caller after the fetch shared the old one (runs = %d)", runs.Load())
	}

	g.close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		select {
		case g.work <- func() {}:
			if time.Now().After(deadline) {
				t.Fatal("a worker still takes work after close")
			}
			time.Sleep(10 * time.Millisecond)
			continue
		default:
		}
		break
	}
}
