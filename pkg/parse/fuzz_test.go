package parse

import (
	"math"
	"reflect"
	"testing"
)

// The fuzz targets assert that no body can crash a parser and that what a
// parser accepts is usable: names present, numbers finite, times ordered.
// Starting corpora live in testdata/fuzz/<FuzzName>/.

func checkMetrics(t *testing.T, m Metrics) {
	t.Helper()
	for i, mt := range m.Metrics {
		if mt.Name == "" {
			t.Fatalf("metric %d has no name", i)
		}
		if mt.Value != nil && (math.IsNaN(*mt.Value) || math.IsInf(*mt.Value, 0)) {
			t.Fatalf("metric %q has non-finite value %v", mt.Name, *mt.Value)
		}
		if mt.Labels != nil && len(mt.Labels) == 0 {
			t.Fatalf("metric %q has an empty, non-nil label set", mt.Name)
		}
		for k := range mt.Labels {
			if k == "" {
				t.Fatalf("metric %q has an empty label name", mt.Name)
			}
		}
	}
}

func FuzzParseMetricsJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		if m, err := ParseMetricsJSON(body); err == nil {
			checkMetrics(t, m)
		}
	})
}

func FuzzParsePrometheus(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := ParsePrometheus(body)
		if err != nil {
			return
		}
		checkMetrics(t, m)
		again, err := ParsePrometheus(body)
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("parsing is not deterministic: %v", err)
		}
	})
}

func FuzzParseDatadog(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		if m, err := ParseDatadog(body); err == nil {
			checkMetrics(t, m)
		}
	})
}

func FuzzParseMetrics(f *testing.F) {
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		if m, err := ParseMetrics(contentType, body); err == nil {
			checkMetrics(t, m)
		}
	})
}

func FuzzParseHealth(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		h, err := ParseHealth(body)
		if err != nil {
			return
		}
		for i := 1; i < len(h.Services); i++ {
			if h.Services[i-1].Name >= h.Services[i].Name {
				t.Fatalf("services not sorted: %q >= %q", h.Services[i-1].Name, h.Services[i].Name)
			}
		}
		_ = LooksLikeHealth(body)
	})
}

func FuzzParseUptime(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		if u, err := ParseUptime(body); err == nil && len(u.Compliance) != 3 {
			t.Fatalf("compliance has %d objectives", len(u.Compliance))
		}
	})
}

func FuzzParseAlerts(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := ParseAlerts(body)
		if err != nil {
			return
		}
		for i, al := range a.Alerts {
			if al.StartedAt.IsZero() {
				t.Fatalf("alert %d has no start", i)
			}
			if i > 0 && al.StartedAt.Before(a.Alerts[i-1].StartedAt) {
				t.Fatal("alerts not sorted by start")
			}
			if al.EscalationLevel < 0 || al.EscalationLevel > 1000 {
				t.Fatalf("escalation level %d out of bounds", al.EscalationLevel)
			}
		}
	})
}

func FuzzParseAlertConfig(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = ParseAlertConfig(body)
	})
}

func FuzzParseDashboard(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := ParseDashboard(body)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, s := range d.Summary {
			if seen[s.Key] {
				t.Fatalf("summary key %q twice", s.Key)
			}
			seen[s.Key] = true
		}
	})
}

func FuzzParseHistory(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		h, err := ParseHistory(body)
		if err != nil {
			return
		}
		for _, s := range h.Series {
			if len(s.Times) != len(s.Values) {
				t.Fatalf("series %q: %d times, %d values", s.Name, len(s.Times), len(s.Values))
			}
			for i := 1; i < len(s.Times); i++ {
				if !s.Times[i].After(s.Times[i-1]) {
					t.Fatalf("series %q: times not strictly increasing at %d", s.Name, i)
				}
			}
		}
	})
}

func FuzzParseIncidents(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = ParseIncidents(body)
	})
}

func FuzzParseCapabilities(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := ParseCapabilities(body)
		if err != nil {
			return
		}
		for i, r := range c.HistoryResolutionSeconds {
			if r <= 0 || (i > 0 && r < c.HistoryResolutionSeconds[i-1]) {
				t.Fatalf("resolutions not positive and sorted: %v", c.HistoryResolutionSeconds)
			}
		}
	})
}

func FuzzParseErrorBody(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		e, ok := ParseErrorBody(body)
		if ok && e.Message == "" && e.Code == "" {
			t.Fatal("accepted an error body with neither message nor code")
		}
		if e.Status != 0 && (e.Status < 100 || e.Status > 599) {
			t.Fatalf("status %d out of range", e.Status)
		}
	})
}
