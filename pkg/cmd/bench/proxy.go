package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"

	"github.com/appmon/monitoring/pkg/client"
)

// countingProxy forwards to the reference server and counts the data
// requests and response bytes that pass (capability discovery is left
// out: it is once per instance, not per panel).
type countingProxy struct {
	*httptest.Server
	requests, bytes atomic.Int64
}

func newCountingProxy(target string) *countingProxy {
	u, err := url.Parse(target)
	if err != nil {
		fail(err)
	}
	p := &countingProxy{}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.ModifyResponse = func(res *http.Response) error {
		if res.Request.URL.Path != client.PathCapabilities {
			p.requests.Add(1)
			res.Body = &countingBody{ReadCloser: res.Body, n: &p.bytes}
		}
		return nil
	}
	p.Server = httptest.NewServer(rp)
	return p
}

func (p *countingProxy) reset() { p.requests.Store(0); p.bytes.Store(0) }

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}
