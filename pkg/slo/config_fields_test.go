package slo

import (
	"errors"
	"testing"
)

func TestConfigErrorFieldsNameTheSetting(t *testing.T) {
	_, err := ParseObjectives([]byte(`{"slos":[{"kind":"availability"},{"kind":"latency","target":101,"window":"45d"}]}`))
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a ConfigError", err)
	}
	got := map[string]string{}
	for _, f := range ce.Fields() {
		got[f.Path] = f.Message
	}
	if got["slos[1].target"] == "" || got["slos[1].window"] == "" || len(got) != 2 {
		t.Fatalf("fields = %+v, want slos[1].target and slos[1].window", ce.Fields())
	}
}

func TestConfigErrorFieldsWithoutPath(t *testing.T) {
	_, err := ParseObjectives([]byte(`{"slos":{"kind":"availability"}}`))
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v", err)
	}
	f := ce.Fields()
	if len(f) != 1 || f[0].Path != "" || f[0].Message == "" {
		t.Fatalf("fields = %+v, want one problem about the whole list", f)
	}
}
