package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
)

// Bodies are read into a buffer of their exact size: from Content-Length
// when the server announces it, else through pooled chunks copied once
// into place at the end. io.ReadAll's doubling would hold up to twice the
// body (and leave the smaller copies as garbage) for every read.

const readChunkSize = 64 << 10

var readChunks = sync.Pool{New: func() any { b := make([]byte, readChunkSize); return &b }}

// bodyRead is what readBody received.
type bodyRead struct {
	body []byte
	// over: the body is longer than the read limit (body holds its start).
	over bool
	// reserved is the in-flight budget taken; give it back with release.
	reserved int64
}

// readBody reads at most limit bytes (plus one to tell a longer body),
// reserving them in the instance's in-flight budget first.
func (c *Client) readBody(ctx context.Context, path string, res *http.Response, limit int64) (bodyRead, *Error) {
	if n := res.ContentLength; n >= 0 {
		want := min(n, limit)
		if !c.budget.fits(want) {
			return bodyRead{}, c.overBudget(path, res.StatusCode, n)
		}
		if err := c.budget.acquire(ctx, want); err != nil {
			return bodyRead{}, c.transportError(path, err, c.timeout)
		}
		out := bodyRead{reserved: want, over: n > limit, body: make([]byte, want)}
		if _, err := io.ReadFull(res.Body, out.body); err != nil {
			c.budget.release(want)
			return bodyRead{}, c.transportError(path, err, c.timeout)
		}
		return out, nil
	}
	// Unknown length (chunked or compressed answers): reserve what the
	// body may reach, give back the rest once it has ended.
	want := min(limit+1, c.budget.total)
	if err := c.budget.acquire(ctx, want); err != nil {
		return bodyRead{}, c.transportError(path, err, c.timeout)
	}
	body, err := readChunked(res.Body, want)
	if err != nil {
		c.budget.release(want)
		return bodyRead{}, c.transportError(path, err, c.timeout)
	}
	n := int64(len(body))
	if n >= want && want <= limit {
		// Still more to come and the budget is spent: the body alone
		// is larger than what may be received at once.
		c.budget.release(want)
		return bodyRead{}, c.overBudget(path, res.StatusCode, 0)
	}
	c.budget.release(want - n)
	out := bodyRead{body: body, reserved: n}
	if n > limit {
		out.body, out.over = body[:limit], true
	}
	return out, nil
}

// readChunked reads up to max bytes through pooled chunks and returns
// them as one exact-size slice.
func readChunked(r io.Reader, max int64) ([]byte, error) {
	var chunks []*[]byte
	defer func() {
		for _, ch := range chunks {
			readChunks.Put(ch)
		}
	}()
	var total int64
	last := 0 // bytes used in the last chunk
	for total < max {
		if len(chunks) == 0 || last == readChunkSize {
			chunks = append(chunks, readChunks.Get().(*[]byte))
			last = 0
		}
		buf := (*chunks[len(chunks)-1])[last:readChunkSize]
		if room := max - total; int64(len(buf)) > room {
			buf = buf[:room]
		}
		n, err := r.Read(buf)
		last += n
		total += int64(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, total)
	for i, ch := range chunks {
		if i == len(chunks)-1 {
			out = append(out, (*ch)[:last]...)
		} else {
			out = append(out, *ch...)
		}
	}
	return out, nil
}

func (c *Client) overBudget(path string, status int, size int64) *Error {
	return &Error{Kind: KindOverBudget, Path: path, Host: c.base.Host, Status: status, Limit: c.budget.total, Size: size}
}
