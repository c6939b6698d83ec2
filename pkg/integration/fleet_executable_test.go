package integration

import (
	"fmt"
	"strings"
	"testing"
	"time"

	pluginv2 "github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// TestExecutableFleet: the built executable, run as Grafana runs it, over
// a fleet of two reference API instances and a stopped one: the health
// check counts the instances and a fleet-view health query answers
// "2 of 3 healthy" (or 0 when the workload is not healthy) with the
// stopped instance named.
func TestExecutableFleet(t *testing.T) {
	requireServer(t)
	p := startPlugin(t, buildExecutable(t))
	g := grafanaCaller{p: p, pluginVersion: packageVersion(t, moduleRoot(t)), updated: time.Now()}
	urls, key := fleetOf(t, 2)
	urls = append(urls, stoppedInstance(t))
	stopped := hostPort(urls[2])
	ds := dataSource{id: 41, uid: "appmon-exe-fleet", url: urls[0],
		jsonData:       fmt.Sprintf(`{"fleet":{"instances":[%q,%q,%q]}}`, urls[0], urls[1], urls[2]),
		secureJSONData: map[string]string{"apiKey": key}}

	res := g.checkHealth(t, ds)
	want := "2 of 3 instances answered: " + stopped + " did not answer (connection refused)"
	if res.Status != pluginv2.CheckHealthResponse_OK || !strings.HasPrefix(res.Message, want) {
		t.Fatalf("%v %q, want OK starting %q", res.Status, res.Message, want)
	}

	out := g.queryData(t, ds, grafanaQuery("A", "health", `{"fleetView":"fleet"}`, ds, time.Hour))
	frames := decodeFrames(t, out.Responses["A"])
	summary := text(t, frameNamed(t, frames, "fleet_health"), "summary", 0)
	if summary != "2 of 3 healthy" && summary != "0 of 3 healthy" {
		t.Errorf("summary %q", summary)
	}
	requireNotice(t, frames, fmt.Sprintf("Instance %s did not answer (connection refused); showing 2 of 3 instances", stopped))
	if err := p.stop(); err != nil {
		t.Errorf("the plugin did not stop cleanly: %v", err)
	}
	for name, s := range p.output.streams() {
		if strings.Contains(s, key) {
			t.Errorf("the API key is in the plugin's %s", name)
		}
	}
}
