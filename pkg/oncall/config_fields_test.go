package oncall

import (
	"errors"
	"testing"
)

func TestConfigErrorFieldsNameTheSetting(t *testing.T) {
	_, err := ParseSchedule([]byte(`{"oncall":{"layers":[{"name":"primary","members":[{"name":""}],"handoff_time":"25:00","time_zone":"Mars/Base"}],
		"overrides":[{"layer":"primary","name":"Bo","start":"2025-03-02T09:00","end":"2025-03-01T09:00"}],
		"escalation":[{"after_minutes":0,"action":"start_incident","layer":"primary"}]}}`))
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a ConfigError", err)
	}
	got := map[string]bool{}
	for _, f := range ce.Fields() {
		if f.Message == "" {
			t.Errorf("%s has no message", f.Path)
		}
		got[f.Path] = true
	}
	for _, want := range []string{"oncall.layers[0].members[0].name", "oncall.layers[0].handoff_time", "oncall.layers[0].time_zone", "oncall.escalation[0]"} {
		if !got[want] {
			t.Errorf("no problem for %s in %+v", want, ce.Fields())
		}
	}
}

func TestConfigErrorFieldsWithoutPath(t *testing.T) {
	_, err := ParseSchedule([]byte(`{"oncall":{"layerz":[]}}`))
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v", err)
	}
	if f := ce.Fields(); len(f) != 1 || f[0].Path != "" {
		t.Fatalf("fields = %+v, want one problem about the whole schedule", f)
	}
}
