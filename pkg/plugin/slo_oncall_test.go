package plugin

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/query"
)

func TestIsFromAlert(t *testing.T) {
	tests := []struct {
		headers map[string]string
		want    bool
	}{
		{nil, false},
		{map[string]string{"FromAlert": "true"}, true},
		{map[string]string{"fromalert": "TRUE"}, true},
		{map[string]string{"http_FromAlert": "true"}, true},
		{map[string]string{"FromAlert": "false"}, false},
		{map[string]string{"X-From-Alert": "true"}, false},
	}
	for _, tt := range tests {
		if got := isFromAlert(tt.headers); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.headers, got, tt.want)
		}
	}
}

// Grafana's alerting engine marks its requests with "FromAlert: true":
// those get the on-call labels on every numeric series; dashboards do not.
func TestQueryDataAddsOncallLabelsForAlertRules(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	for _, headers := range []map[string]string{nil, {backend.FromAlertHeaderName: "true"}} {
		resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Headers: headers, Queries: []backend.DataQuery{
			dataQuery("A", `{"queryType":"health","metricName":"health.score"}`),
			dataQuery("B", `{"queryType":"slo","sloField":"fast_burn"}`),
		}})
		if err != nil {
			t.Fatal(err)
		}
		a, b := resp.Responses["A"], resp.Responses["B"]
		if a.Error != nil || b.Error != nil {
			t.Fatalf("errors: %v, %v", a.Error, b.Error)
		}
		alerting := headers != nil
		labels := a.Frames[0].Fields[1].Labels
		if _, has := labels[query.LabelOncallPrimary]; has != alerting || (alerting && labels[query.LabelOncallSecondary] == "") {
			t.Errorf("alerting=%v: health labels %v", alerting, labels)
		}
		if _, i := b.Frames[0].FieldByName(query.LabelOncallSecondary); (i >= 0) != alerting {
			t.Errorf("alerting=%v: slo frame on-call column present = %v", alerting, i >= 0)
		}
	}
}

// Problems in the SLO and on-call sections are reported with every other
// settings problem, with their paths, by every handler.
func TestSLOAndOncallSettingsErrors(t *testing.T) {
	jsonData := `{"timeoutSeconds":0.5,"slos":[{"kind":"availability","target":120}],"oncall":{"layers":[{"name":"primary","treshold":1}]}}`
	ds := newDS(t, "http://127.0.0.1:1", jsonData, map[string]string{"apiKey": "test-key-1234"})
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", `{}`)}})
	if err != nil {
		t.Fatal(err)
	}
	a := resp.Responses["A"]
	msg := a.Error.Error()
	for _, want := range []string{"timeoutSeconds", "slos[0].target: 120 is not a percentage in (0, 100]", `on-call configuration (jsonData.oncall): must be an object like`, `unknown field "treshold"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if a.Status != backend.StatusBadRequest || a.ErrorSource != backend.ErrorSourceDownstream {
		t.Errorf("status %d source %q: a settings problem is the user's to fix", a.Status, a.ErrorSource)
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("one line, please: %q", msg)
	}
	res, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil || res.Status != backend.HealthStatusError || !strings.Contains(res.Message, "slos[0].target") {
		t.Fatalf("health: %v %+v", err, res)
	}
	if r := callResource(t, ds, "oncall/schedule"); r.Status != 400 || !strings.Contains(string(r.Body), "treshold") {
		t.Fatalf("resource: %d %s", r.Status, r.Body)
	}
}

func TestOncallScheduleAndObjectivesResources(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{"slos":[{"id":"checkout","kind":"error_rate","target":99.9,"window":"7d"}]}`, map[string]string{"apiKey": fakeapi.APIKey})

	res := callResource(t, ds, "objectives")
	var opts []Option
	if err := json.Unmarshal(res.Body, &opts); err != nil || res.Status != 200 || len(opts) != 1 ||
		opts[0] != (Option{Value: "checkout", Label: "Error rate", Description: "99.9 % over 7d (error_rate)"}) {
		t.Fatalf("objectives: %d %s", res.Status, res.Body)
	}

	res = callResource(t, ds, "oncall/schedule")
	var view struct {
		From, To string
		Layers   []struct {
			Name     string `json:"name"`
			TimeZone string `json:"time_zone"`
			Shifts   []struct {
				Name string `json:"name"`
			} `json:"shifts"`
		} `json:"layers"`
		Escalation []json.RawMessage `json:"escalation"`
		Warnings   []string          `json:"warnings"`
	}
	if err := json.Unmarshal(res.Body, &view); err != nil || res.Status != 200 {
		t.Fatalf("schedule: %d %s", res.Status, res.Body)
	}
	// Default: 4 weeks of the default weekly rotation, so 4 or 5 shifts
	// per layer depending on where now falls in the week.
	if len(view.Layers) != 2 || view.Layers[0].TimeZone != "UTC" || len(view.Layers[0].Shifts) < 4 || len(view.Layers[0].Shifts) > 5 ||
		len(view.Escalation) != 4 || view.Warnings == nil {
		t.Fatalf("schedule view: %s", res.Body)
	}

	for _, bad := range []string{"0", "53", "two"} {
		res = callResource(t, ds, "oncall/schedule?weeks="+bad)
		if res.Status != 400 || !strings.Contains(string(res.Body), "weeks must be a whole number from 1 to 52") {
			t.Fatalf("weeks=%s: %d %s", bad, res.Status, res.Body)
		}
	}
	if res = callResource(t, ds, "nowhere"); res.Status != 404 || !strings.Contains(string(res.Body), "/oncall/schedule") {
		t.Fatalf("404 lists the routes: %s", res.Body)
	}
}
