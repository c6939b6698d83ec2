package oncall

import (
	"testing"
	"time"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustParse(t *testing.T, js string) *Schedule {
	t.Helper()
	s, err := ParseSchedule([]byte(js))
	if err != nil {
		t.Fatalf("ParseSchedule: %v", err)
	}
	return s
}

func layerOf(t *testing.T, s *Schedule, name string) *Layer {
	t.Helper()
	l, ok := s.Layer(name)
	if !ok {
		t.Fatalf("no layer %q", name)
	}
	return l
}

func wantShift(t *testing.T, got Shift, name, start, end string, override bool) {
	t.Helper()
	if got.Member.Name != name || !got.Start.Equal(utc(start)) || !got.End.Equal(utc(end)) || got.Override != override {
		t.Errorf("shift = %s [%s, %s) override=%v, want %s [%s, %s) override=%v",
			got.Member.Name, got.Start.UTC().Format(time.RFC3339), got.End.UTC().Format(time.RFC3339), got.Override,
			name, start, end, override)
	}
}
