package redact

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

func TestFramesRedactsEveryText(t *testing.T) {
	r := New(apiKey)
	desc := "description " + apiKey
	f := data.NewFrame("frame "+apiKey,
		data.NewField("text", data.Labels{"service": apiKey}, []string{"ok", "echo " + apiKey}),
		data.NewField("opt", nil, []*string{nil, &desc}),
		data.NewField("labels", nil, []json.RawMessage{json.RawMessage(`{}`), json.RawMessage(`{"k":"` + apiKey + `"}`)}),
	)
	f.Fields[0].Config = &data.FieldConfig{DisplayName: apiKey, Links: []data.DataLink{{Title: "t", URL: "http://x/?k=" + apiKey}}}
	f.SetMeta(&data.FrameMeta{Notices: []data.Notice{{Text: "service said " + apiKey}}})
	r.Frames(data.Frames{f})
	js, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if n := longestRun(strings.ToLower(string(js)), strings.ToLower(apiKey)); n >= MinRun {
		t.Fatalf("frame JSON holds a %d-character run of the key: %s", n, strings.ReplaceAll(string(js), apiKey, "<key>"))
	}
	if c := strings.Count(string(js), Mask); c < 8 {
		t.Fatalf("%d redactions, want one per text (8): %s", c, js)
	}
	if f.Fields[0].At(0) != "ok" {
		t.Fatal("a clean value changed")
	}
}
