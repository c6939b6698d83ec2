package dashgen

import (
	"strings"
	"testing"
)

func generated(t *testing.T, make func(Definition) (object, error)) map[string]object {
	t.Helper()
	defs, err := Load(RepoRoot())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]object{}
	for _, def := range defs {
		d, err := make(def)
		if err != nil {
			t.Fatal(err)
		}
		out[def.Name] = d
	}
	return out
}

// Stats give one number for the fleet and name how it is combined; graphs
// draw one line per instance, named by the instance.
func TestFleetPanels(t *testing.T) {
	for name, d := range generated(t, Fleet) {
		if str(d, "uid") != "appmon-"+name+"-fleet" || !strings.HasSuffix(str(d, "title"), "(fleet)") {
			t.Errorf("%s: uid %q title %q", name, str(d, "uid"), str(d, "title"))
		}
		first := objects(d, "panels")[0]
		if str(first, "title") != "Fleet health" || number(child(first, "gridPos"), "y") != 0 {
			t.Errorf("%s: the first panel is %q, want the Fleet health stat on top", name, str(first, "title"))
		}
		for _, p := range panels(d) {
			for _, q := range objects(p, "targets") {
				view := str(q, "fleetView")
				switch kind(str(p, "type")) {
				case "number":
					if view != "fleet" {
						t.Errorf("%s / %s: fleetView %q, want fleet", name, str(p, "title"), view)
					}
					if str(p, "title") != "Fleet health" && !strings.Contains(str(p, "description"), "of instances") {
						t.Errorf("%s / %s: the description does not say how instances combine: %s", name, str(p, "title"), str(p, "description"))
					}
				case "series":
					if view != "instances" {
						t.Errorf("%s / %s: fleetView %q, want instances", name, str(p, "title"), view)
					}
				}
			}
			if kind(str(p, "type")) == "series" && !strings.Contains(string(mustEncode(t, p["transformations"])), `"valueLabel": "instance"`) {
				t.Errorf("%s / %s: lines are not named by instance", name, str(p, "title"))
			}
		}
	}
}

func TestFleetNotes(t *testing.T) {
	p95 := fleetNote(aggregation("api.response_time.p95", "ms"), "api.response_time.p95")
	if !strings.Contains(p95, "max of instances") || !strings.Contains(p95, "percentiles cannot be merged exactly") {
		t.Errorf("p95: %s", p95)
	}
	if lag := fleetNote(aggregation("database.replication_lag", "s"), "database.replication_lag"); strings.Contains(lag, "percentile") {
		t.Errorf("replication lag is no percentile: %s", lag)
	}
	if got := fleetNote(aggregation("api.requests.rate", "reqps"), "api.requests.rate"); got != "Fleet: sum of instances." {
		t.Errorf("requests: %s", got)
	}
}

func TestSeriesNames(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"api.response_time.p50", "api.response_time.p95"}, []string{"p50", "p95"}},
		{[]string{"system.network.rx_bytes_rate", "system.network.tx_bytes_rate"}, []string{"rx_bytes_rate", "tx_bytes_rate"}},
		{[]string{"orders.rate", "tickets.sold.rate"}, []string{"orders.rate", "tickets.sold.rate"}},
		{[]string{"database.connections.used", "database.connections.max"}, []string{"used", "max"}},
		{[]string{"api.error_rate"}, []string{""}},
	} {
		if got := seriesNames(tc.in); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("seriesNames(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// Every target reads Prometheus; the health panel, which has no metric,
// becomes "Instances up"; no AppMon query or annotation is left.
func TestPrometheusPanels(t *testing.T) {
	for name, d := range generated(t, Prometheus) {
		raw := string(mustEncode(t, d))
		if strings.Contains(raw, `"queryType"`) || strings.Contains(raw, "appmon-endpoints-datasource") {
			t.Errorf("%s: an AppMon query or data source is left", name)
		}
		vars := map[string]object{}
		for _, v := range objects(child(d, "templating"), "list") {
			vars[str(v, "name")] = v
		}
		if str(vars["datasource"], "query") != "prometheus" || vars["job"]["includeAll"] != true || vars["instance"]["multi"] != true {
			t.Errorf("%s: variables %v", name, vars)
		}
		for _, p := range panels(d) {
			for _, q := range objects(p, "targets") {
				if str(q, "expr") == "" {
					t.Errorf("%s / %s: target without expr", name, str(p, "title"))
				}
				if kind(str(p, "type")) == "series" && !strings.Contains(str(q, "legendFormat"), "{{instance}}") {
					t.Errorf("%s / %s: legend %q does not name the instance", name, str(p, "title"), str(q, "legendFormat"))
				}
			}
		}
	}
	app := generated(t, Prometheus)["application"]
	for _, p := range panels(app) {
		if str(p, "title") == "Dependency response time" {
			t.Error("application: the health panel was not replaced")
		}
	}
}

func mustEncode(t *testing.T, v any) []byte {
	t.Helper()
	raw, err := encode(object{"v": v})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// The definition and its versions share a tag and link to each other
// with a menu of it.
func TestVersionsLinkToEachOther(t *testing.T) {
	defs, err := Load(RepoRoot())
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range defs {
		fleetD, _ := Fleet(def)
		promD, _ := Prometheus(def)
		for _, d := range []object{def.Dashboard, fleetD, promD} {
			tagged, linked := false, false
			for _, tag := range d["tags"].([]any) {
				tagged = tagged || tag == def.family()
			}
			for _, l := range objects(d, "links") {
				tags, _ := l["tags"].([]any)
				linked = linked || str(l, "type") == "dashboards" && len(tags) == 1 && tags[0] == def.family()
			}
			if !tagged || !linked {
				t.Errorf("%s: tagged %s: %v, links to the other versions: %v", str(d, "uid"), def.family(), tagged, linked)
			}
		}
	}
}
