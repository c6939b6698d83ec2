package plugin

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func fieldErrors(t *testing.T, res resourceResult) map[string]string {
	t.Helper()
	if res.Status != 200 {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	var body struct {
		Errors []FieldError `json:"errors"`
	}
	if err := json.Unmarshal(res.Body, &body); err != nil || body.Errors == nil {
		t.Fatalf("body %s: %v (errors must be a list)", res.Body, err)
	}
	out := map[string]string{}
	for _, e := range body.Errors {
		out[e.Field] = e.Message
	}
	return out
}

func TestValidateObjectivesRefusesWithTheFieldNamed(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{}`, map[string]string{"apiKey": "test-key-1234"})
	errs := fieldErrors(t, postResource(t, ds, "validate/objectives",
		`{"objectives":[{"kind":"availability","target":99.9,"window":"30d"},{"kind":"error_rate","target":101,"window":"30d"}]}`))
	if msg := errs["objectives[1].target"]; !strings.Contains(msg, "101") || len(errs) != 1 {
		t.Fatalf("errors %v, want one for objectives[1].target naming 101", errs)
	}

	errs = fieldErrors(t, postResource(t, ds, "validate/objectives", `{"objectives":[{"kind":"latency","target":99,"window":"45d"}]}`))
	if msg := errs["objectives[0].window"]; !strings.Contains(msg, `"45d"`) || !strings.Contains(msg, "calendar_month") {
		t.Fatalf("errors %v, want objectives[0].window naming 45d and the accepted windows", errs)
	}

	errs = fieldErrors(t, postResource(t, ds, "validate/objectives", `{"objectives":{"kind":"latency"}}`))
	if errs["objectives"] == "" {
		t.Fatalf("errors %v, want one about the whole list", errs)
	}
}

func TestValidateObjectivesPreviewsCurrentValues(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	res := postResource(t, ds, "validate/objectives",
		`{"objectives":[{"id":"avail","kind":"availability","target":99.5,"window":"calendar_month","time_zone":"Europe/Berlin"},{"kind":"latency","threshold_ms":1500}]}`)
	var body ObjectivesValidation
	if err := json.Unmarshal(res.Body, &body); err != nil || res.Status != 200 || len(body.Errors) != 0 {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	if len(body.Objectives) != 2 || body.Objectives[0].TimeZone != "Europe/Berlin" || body.Objectives[1].Window != "30d" ||
		body.Objectives[1].ThresholdMs == nil || *body.Objectives[1].ThresholdMs != 1500 || body.Objectives[1].Title != "" {
		t.Errorf("normalised objectives = %+v", body.Objectives)
	}
	if !slices.Contains(body.Windows, "calendar_month") || !slices.Contains(body.Windows, "calendar_quarter") || !slices.Contains(body.Windows, "30d") || slices.Contains(body.Windows, "calendar_year") {
		t.Errorf("windows = %v", body.Windows)
	}
	p := body.Preview
	if p == nil || p.Error != "" || len(p.Objectives) != 2 {
		t.Fatalf("preview = %+v", p)
	}
	if p.Objectives[0].ID != "avail" || p.Objectives[0].Target != 99.5 || p.Objectives[0].Actual == nil {
		t.Errorf("availability preview = %+v, want a current value", p.Objectives[0])
	}
	if p.Objectives[1].Title != "Latency p95 ≤ 1500 ms" {
		t.Errorf("latency title = %q", p.Objectives[1].Title)
	}
}

func TestValidateObjectivesWithoutListGivesTheDefaults(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	var body ObjectivesValidation
	res := postResource(t, ds, "validate/objectives", `{"objectives":null}`)
	if err := json.Unmarshal(res.Body, &body); err != nil || len(body.Objectives) != 3 || body.Objectives[0].Kind != "availability" {
		t.Fatalf("%s", res.Body)
	}
	// What the editor saves reads back the same.
	again, _ := json.Marshal(map[string]any{"objectives": body.Objectives})
	var second ObjectivesValidation
	if err := json.Unmarshal(postResource(t, ds, "validate/objectives", string(again)).Body, &second); err != nil ||
		!slices.EqualFunc(body.Objectives, second.Objectives, func(a, b ObjectiveForm) bool {
			x, _ := json.Marshal(a)
			y, _ := json.Marshal(b)
			return string(x) == string(y)
		}) {
		t.Fatalf("round trip changed the objectives: %+v -> %+v", body.Objectives, second.Objectives)
	}
}

// A broken saved configuration is what the editor is for: the form is
// still judged, and the preview says why it has no current values.
func TestValidateWorksWhileTheSavedSettingsAreBroken(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{"slos":[{"kind":"availability","target":120}]}`, map[string]string{"apiKey": "test-key-1234"})
	var body ObjectivesValidation
	res := postResource(t, ds, "validate/objectives", `{"objectives":[{"kind":"availability","target":99.9}]}`)
	if err := json.Unmarshal(res.Body, &body); err != nil || res.Status != 200 || len(body.Errors) != 0 || body.Preview == nil ||
		!strings.Contains(body.Preview.Error, "slos[0].target") {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	if r := postResource(t, ds, "validate/schedule", `{"schedule":null}`); r.Status != 200 {
		t.Fatalf("schedule: %d %s", r.Status, r.Body)
	}
}

func TestValidateScheduleRefusesWithTheFieldNamed(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{}`, map[string]string{"apiKey": "test-key-1234"})
	errs := fieldErrors(t, postResource(t, ds, "validate/schedule", `{"schedule":{
		"layers":[{"name":"primary","members":[{"name":"Ana","contact":"ana@corp.test"},{"name":" "}],"handoff_time":"9 am","time_zone":"Europe/Berlin"}],
		"overrides":[{"layer":"night","name":"Bo","start":"2025-03-01T09:00","end":"2025-03-02T09:00"}]}}`))
	for _, f := range []string{"layers[0].members[1].name", "layers[0].handoff_time", "overrides[0].layer"} {
		if errs[f] == "" {
			t.Errorf("no error for %s in %v", f, errs)
		}
	}
	if errs = fieldErrors(t, postResource(t, ds, "validate/schedule", `{"schedule":{"layerz":[]}}`)); errs["schedule"] == "" {
		t.Errorf("errors %v, want one about the whole schedule", errs)
	}
	if r := postResource(t, ds, "validate/schedule", `not json`); r.Status != 400 || !strings.Contains(string(r.Body), `{\"schedule\"`) {
		t.Errorf("bad body: %d %s", r.Status, r.Body)
	}
}

func TestValidateSchedulePreviewsFourWeeksAndReadsBack(t *testing.T) {
	fake := fakeapi.New(t)
	ds := newDS(t, fake.URL, `{}`, map[string]string{"apiKey": fakeapi.APIKey})
	now := time.Date(2025, 3, 26, 12, 0, 0, 0, time.UTC) // Wednesday, the week before Berlin's DST change
	ds.runner.Now = func() time.Time { return now }
	form := `{"schedule":{
		"layers":[{"name":"primary","members":[{"name":"Ana","contact":"ana@corp.test"},{"name":"Bo","contact":"bo@corp.test"}],
			"handoff_weekday":"mon","handoff_time":"09:30","time_zone":"Europe/Berlin","start":"2025-03-03"}],
		"overrides":[{"layer":"primary","name":"Cy","contact":"cy@corp.test","start":"2025-03-30T08:00","end":"2025-03-31T09:30"}],
		"escalation":[{"after_minutes":0,"action":"notify","layer":"primary"},{"after_minutes":20,"action":"start_incident"}]}}`
	var body ScheduleValidation
	res := postResource(t, ds, "validate/schedule", form)
	if err := json.Unmarshal(res.Body, &body); err != nil || len(body.Errors) != 0 || body.Preview == nil || body.Schedule == nil {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	v := body.Preview
	if !v.From.Equal(now) || !v.To.Equal(now.Add(28*24*time.Hour)) || len(v.Layers) != 1 {
		t.Fatalf("preview %v..%v, %d layers", v.From, v.To, len(v.Layers))
	}
	var names []string
	for _, sh := range v.Layers[0].Shifts {
		names = append(names, sh.Name)
	}
	// Weekly from Monday 3 March: Bo has the week of 24 March (now) until Cy covers
	// the weekend's DST change and Monday morning, then Ana takes over at 09:30.
	if len(names) < 5 || names[0] != "Bo" || names[1] != "Cy" || names[2] != "Ana" {
		t.Errorf("shifts = %v", names)
	}
	l := body.Schedule.Layers[0]
	if l.HandoffWeekday != "monday" || l.HandoffTime != "09:30" || l.TimeZone != "Europe/Berlin" || l.Start != "2025-03-03" ||
		body.Schedule.Overrides[0].Start != "2025-03-30T08:00" || len(body.Schedule.Escalation) != 2 {
		t.Errorf("normalised schedule = %+v", body.Schedule)
	}
	again, _ := json.Marshal(map[string]any{"schedule": body.Schedule})
	var second ScheduleValidation
	if err := json.Unmarshal(postResource(t, ds, "validate/schedule", string(again)).Body, &second); err != nil || second.Preview == nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(body.Preview)
	b, _ := json.Marshal(second.Preview)
	if string(a) != string(b) {
		t.Errorf("the saved form reads back differently:\n%s\n%s", a, b)
	}
}

func TestValidateScheduleWithoutScheduleGivesTheDefault(t *testing.T) {
	ds := newDS(t, "http://127.0.0.1:1", `{}`, map[string]string{"apiKey": "test-key-1234"})
	var body ScheduleValidation
	if err := json.Unmarshal(postResource(t, ds, "validate/schedule", `{"schedule":null}`).Body, &body); err != nil || body.Schedule == nil {
		t.Fatal(err)
	}
	if len(body.Schedule.Layers) != 2 || body.Schedule.Layers[0].Members[0].Contact != "engineer-a@example.com" ||
		len(body.Schedule.Escalation) != 4 || body.Schedule.Escalation[2].Person == nil {
		t.Errorf("default schedule = %+v", body.Schedule)
	}
}
