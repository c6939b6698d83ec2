package integration

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// forward listens on a free 127.0.0.1 port and relays every connection
// to a running reference server: one more instance of the same
// application (one workload, as the ports of one reference API process
// share one). It returns the instance's base URL.
func forward(t *testing.T, to string) string {
	t.Helper()
	dst := strings.TrimPrefix(to, "http://")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { _ = l.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				up, err := net.Dial("tcp", dst)
				if err != nil {
					return
				}
				defer up.Close()
				done := make(chan struct{})
				go func() { _, _ = io.Copy(up, c); up.(*net.TCPConn).CloseWrite(); close(done) }()
				_, _ = io.Copy(c, up)
				<-done
			}()
		}
	}()
	return "http://" + l.Addr().String()
}

// stoppedInstance is a base URL whose port nothing listens on: an
// instance that is down.
func stoppedInstance(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr
}

// fleetOf is n instances of the reference API and their API key: one
// process serving n ports (testserver Options.Instances) with
// APPMON_INTEGRATION=1, else the running server under test at n ports
// through relays.
func fleetOf(t *testing.T, n int) ([]string, string) {
	t.Helper()
	if target.server == nil {
		urls := []string{target.url}
		for len(urls) < n {
			urls = append(urls, forward(t, target.url))
		}
		return urls, target.apiKey
	}
	s, err := testserver.Start(testserver.Options{Instances: n, HistoryDays: 2, CatchUp: 3 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s.URLs, s.APIKey
}

// newFleetDS is a data source over urls, its URL the first of them.
func newFleetDS(t *testing.T, key string, urls ...string) *plugin.Datasource {
	t.Helper()
	quoted := make([]string, len(urls))
	for i, u := range urls {
		quoted[i] = fmt.Sprintf("%q", u)
	}
	return newDS(t, urls[0], `{"retries":0,"fleet":{"instances":[`+strings.Join(quoted, ",")+`]}}`, key)
}

func hostPort(u string) string { return strings.TrimPrefix(u, "http://") }
