package plugin

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// stoppedURL is a base URL whose port nothing listens on.
func stoppedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr
}

// newFleetDS is a data source over the given instance URLs.
func newFleetDS(t *testing.T, urls ...string) *Datasource {
	t.Helper()
	quoted := make([]string, len(urls))
	for i, u := range urls {
		quoted[i] = fmt.Sprintf("%q", u)
	}
	return newDS(t, urls[0], `{"retries":0,"fleet":{"instances":[`+strings.Join(quoted, ",")+`],"maxConcurrency":2}}`,
		map[string]string{"apiKey": fakeapi.APIKey})
}

func queryFleet(t *testing.T, ds *Datasource, model string, headers map[string]string) backend.DataResponse {
	t.Helper()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Headers: headers, Queries: []backend.DataQuery{dataQuery("A", model)}})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Responses["A"]
}

func noticesOf(fs data.Frames) string {
	var out []string
	for _, f := range fs {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				out = append(out, n.Text)
			}
		}
	}
	return strings.Join(out, "\n")
}

func instanceOf(u string) string { return strings.TrimPrefix(u, "http://") }

func TestFleetInstancesViewLabelsEverySeries(t *testing.T) {
	a, b, stopped := fakeapi.New(t).URL, fakeapi.New(t).URL, stoppedURL(t)
	ds := newFleetDS(t, a, b, stopped)
	res := queryFleet(t, ds, `{"queryType":"metrics","metricName":"system.cpu.usage"}`, nil)
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	seen := map[string]int{}
	for _, f := range res.Frames {
		for _, fd := range f.Fields[1:] {
			seen[fd.Labels[fleet.InstanceLabel]]++
		}
	}
	if len(seen) != 2 || seen[instanceOf(a)] == 0 || seen[instanceOf(b)] == 0 {
		t.Fatalf("series per instance: %v", seen)
	}
	want := fmt.Sprintf("Instance %s did not answer (connection refused); showing 2 of 3 instances", instanceOf(stopped))
	if n := noticesOf(res.Frames); !strings.Contains(n, want) {
		t.Errorf("notices %q, want %q", n, want)
	}
}

func TestFleetViewCombinesInstances(t *testing.T) {
	a, b := fakeapi.New(t).URL, fakeapi.New(t).URL
	single := newDS(t, a, `{"retries":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	one := queryFleet(t, single, `{"queryType":"metrics","metricName":"api.requests.rate","endpoint":"overall"}`, nil)
	ds := newFleetDS(t, a, b)
	res := queryFleet(t, ds, `{"queryType":"metrics","metricName":"api.requests.rate","endpoint":"overall","fleetView":"fleet"}`, nil)
	if res.Error != nil || one.Error != nil {
		t.Fatal(res.Error, one.Error)
	}
	if len(res.Frames) != 1 || len(one.Frames) != 1 {
		t.Fatalf("want one series, got %d (single instance %d)", len(res.Frames), len(one.Frames))
	}
	v := res.Frames[0].Fields[1]
	if v.Labels[fleet.FleetLabel] != "sum of instances" || v.Labels[fleet.InstanceLabel] != "" {
		t.Fatalf("labels %v", v.Labels)
	}
	// Both fakes serve the same figures: the fleet's rate is twice one instance's.
	got, _ := v.NullableFloatAt(v.Len() - 1)
	base, _ := one.Frames[0].Fields[1].NullableFloatAt(one.Frames[0].Fields[1].Len() - 1)
	if got == nil || base == nil || *got != 2**base {
		t.Errorf("fleet rate %v, one instance %v", got, base)
	}
}

func TestFleetHealthCountsFailingInstanceAsUnhealthy(t *testing.T) {
	ds := newFleetDS(t, fakeapi.New(t).URL, fakeapi.New(t).URL, stoppedURL(t))
	res := queryFleet(t, ds, `{"queryType":"health","fleetView":"fleet","metricName":"health.score"}`, nil)
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	f := res.Frames[0]
	if f.Name != "fleet_health" {
		t.Fatalf("first frame %q", f.Name)
	}
	if s, _ := f.FieldByName("summary"); s == nil || s.At(0) != "2 of 3 healthy" {
		t.Fatalf("summary %v", s.At(0))
	}
	for _, g := range res.Frames[1:] {
		if g.Name != "fleet_components" && g.Name != "health.score" {
			t.Errorf("the metric filter lets %s through", g.Name)
		}
	}
	if !strings.Contains(noticesOf(res.Frames[:1]), "showing 2 of 3 instances") {
		t.Errorf("the notice belongs on the first frame: %q", noticesOf(res.Frames))
	}
}

func TestSingleInstanceAnswersFleetView(t *testing.T) {
	ds := newDS(t, fakeapi.New(t).URL, `{"retries":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	res := queryFleet(t, ds, `{"queryType":"health","fleetView":"fleet"}`, nil)
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if s, _ := res.Frames[0].FieldByName("summary"); s == nil || s.At(0) != "1 of 1 healthy" {
		t.Fatalf("frames %v", res.Frames[0])
	}
}

func TestFleetAllFailingNamesEach(t *testing.T) {
	x, y := stoppedURL(t), stoppedURL(t)
	ds := newFleetDS(t, x, y)
	res := queryFleet(t, ds, `{"queryType":"uptime"}`, nil)
	if res.Error == nil || res.ErrorSource != backend.ErrorSourceDownstream {
		t.Fatalf("want a downstream error, got %v (%s)", res.Error, res.ErrorSource)
	}
	for _, inst := range []string{instanceOf(x), instanceOf(y)} {
		if !strings.Contains(res.Error.Error(), inst+" did not answer (connection refused)") {
			t.Errorf("error %q does not name %s", res.Error, inst)
		}
	}
}

// An instance echoing the key in its error body: the fleet's error
// carries no key (redact_boundary.go covers the fleet path).
func TestFleetErrorsAreRedacted(t *testing.T) {
	f1, f2 := fakeapi.New(t), fakeapi.New(t)
	for _, f := range []*fakeapi.Server{f1, f2} {
		f.SetFault("/api/monitoring/uptime", fakeapi.Fault{Status: 500, Body: `{"error":"bad key ` + fakeapi.APIKey + `"}`})
	}
	ds := newFleetDS(t, f1.URL, f2.URL)
	res := queryFleet(t, ds, `{"queryType":"uptime"}`, nil)
	if res.Error == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(res.Error.Error(), fakeapi.APIKey[:8]) {
		t.Fatalf("key in the error: %s", res.Error)
	}
	f1.ClearFaults()
	res = queryFleet(t, ds, `{"queryType":"uptime","fleetView":"fleet"}`, nil)
	if n := noticesOf(res.Frames); res.Error != nil || strings.Contains(n, fakeapi.APIKey[:8]) || !strings.Contains(n, "answered 500") {
		t.Fatalf("error %v, notices %q", res.Error, n)
	}
}

// Alert rules: one series per instance in the instances view (so
// Grafana alerts per instance), one for the fleet in the fleet view.
func TestFleetAlertRuleSeries(t *testing.T) {
	ds := newFleetDS(t, fakeapi.New(t).URL, fakeapi.New(t).URL)
	hdr := map[string]string{backend.FromAlertHeaderName: "true"}
	for view, want := range map[string]int{"instances": 2, "fleet": 1} {
		res := queryFleet(t, ds, `{"queryType":"metrics","metricName":"api.error_rate","endpoint":"overall","fleetView":"`+view+`"}`, hdr)
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		labelSets := map[string]bool{}
		for _, f := range res.Frames {
			labelSets[f.Fields[1].Labels.String()] = true
		}
		if len(res.Frames) != want || len(labelSets) != want {
			t.Errorf("%s: %d series with %d label sets, want %d", view, len(res.Frames), len(labelSets), want)
		}
	}
}

func TestFleetOncallNowRunsOnce(t *testing.T) {
	f1, f2 := fakeapi.New(t), fakeapi.New(t)
	ds := newFleetDS(t, f1.URL, f2.URL)
	res := queryFleet(t, ds, `{"queryType":"oncall"}`, nil)
	if res.Error != nil || len(res.Frames) != 1 || res.Frames[0].Name != "oncall_now" {
		t.Fatalf("%v %v", res.Error, res.Frames)
	}
	if _, ok := res.Frames[0].FieldByName(fleet.InstanceLabel); ok != -1 {
		t.Error("the on-call rota comes from the settings, not per instance")
	}
	if f1.Total()+f2.Total() != 0 {
		t.Errorf("%d upstream requests for a schedule read from the settings", f1.Total()+f2.Total())
	}
}

func TestFleetAlertsUnion(t *testing.T) {
	a, b := fakeapi.New(t).URL, fakeapi.New(t).URL
	ds := newFleetDS(t, a, b)
	single := newDS(t, a, `{"retries":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	one := queryFleet(t, single, `{"queryType":"alerts"}`, nil)
	res := queryFleet(t, ds, `{"queryType":"alerts","fleetView":"fleet"}`, nil)
	if res.Error != nil || len(res.Frames) != 1 {
		t.Fatalf("%v %d frames", res.Error, len(res.Frames))
	}
	inst, _ := res.Frames[0].FieldByName(fleet.InstanceLabel)
	if inst == nil || res.Frames[0].Rows() != 2*one.Frames[0].Rows() || one.Frames[0].Rows() == 0 {
		t.Fatalf("union of %d rows, one instance has %d", res.Frames[0].Rows(), one.Frames[0].Rows())
	}
}
