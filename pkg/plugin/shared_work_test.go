package plugin

import (
	"context"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// Capability discovery is shared by every viewer's queries: one viewer
// closing its dashboard while discovery is in flight must not turn
// another viewer's history query into current values or an error.
func TestOneViewerCancellingDoesNotFailAnothersDiscovery(t *testing.T) {
	fake := fakeapi.New(t)
	// Discovery is slow once; the first viewer gives up after 50 ms.
	fake.SetFault("/api/monitoring/capabilities", fakeapi.Fault{Delay: 300 * time.Millisecond, Times: 1})
	ds := newDS(t, fake.URL, `{"cacheTTLSeconds":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	req := func() *backend.QueryDataRequest {
		return &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{"queryType":"metrics","category":"api"}`)}}
	}
	first, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	firstDone := make(chan struct{})
	go func() {
		defer close(firstDone)
		_, _ = ds.QueryData(first, req())
	}()
	// The second viewer joins once discovery is under way.
	for fake.Count("/api/monitoring/capabilities") == 0 {
		time.Sleep(time.Millisecond)
	}
	resp, err := ds.QueryData(context.Background(), req())
	<-firstDone
	if err != nil {
		t.Fatal(err)
	}
	r := resp.Responses["A"]
	if r.Error != nil {
		t.Fatalf("the other viewer's query failed: %v", r.Error)
	}
	if len(r.Frames) == 0 || r.Frames[0].Rows() < 2 {
		t.Fatalf("the other viewer got no history: %d frames", len(r.Frames))
	}
	for _, f := range r.Frames {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				t.Errorf("notice: %s", n.Text)
			}
		}
	}
	if got := fake.Count("/api/monitoring/capabilities"); got != 1 {
		t.Fatalf("discovery requests = %d, want 1 (shared)", got)
	}
}
