package parse

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Fuzz targets of the generic (dialect) readers. Besides not crashing,
// what they accept must be usable and deterministic, and their errors must
// be in the user's words. FuzzFastPathAgrees checks that whenever a typed
// fast path accepts a body, the generic reader reads it the same way.
// Starting corpora: testdata/fuzz/<FuzzName>/.

func checkWords(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	for _, b := range []string{"parse.", "of type", "Go struct", "json: cannot"} {
		if strings.Contains(msg, b) {
			t.Fatalf("error %q contains %q", msg, b)
		}
	}
}

func checkDeterministic[T any](t *testing.T, read func([]byte) (T, error), body []byte, first T) {
	t.Helper()
	again, err := read(append([]byte(nil), body...))
	if err != nil || !reflect.DeepEqual(first, again) {
		t.Fatalf("reading twice differs: %v", err)
	}
}

func FuzzGenericMetrics(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := genericMetrics(body)
		checkWords(t, err)
		if err != nil {
			return
		}
		checkMetrics(t, m)
		seen := map[string]bool{}
		for _, mt := range m.Metrics {
			k := mt.Name + "\x00" + LabelsKey(mt.Labels)
			if seen[k] && m.Format == FormatJSON {
				t.Fatalf("metric %q with labels %v twice", mt.Name, mt.Labels)
			}
			seen[k] = true
		}
		if m.Skipped > 0 && len(m.Notes) == 0 {
			t.Fatal("values skipped without a note")
		}
		checkDeterministic(t, genericMetrics, body, m)
	})
}

func FuzzGenericAlerts(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := genericAlerts(body)
		checkWords(t, err)
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
			if al.Status == "" {
				t.Fatalf("alert %d has no status", i)
			}
		}
		checkDeterministic(t, genericAlerts, body, a)
	})
}

func FuzzGenericAlertConfig(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := genericAlertConfig(body)
		checkWords(t, err)
		if err != nil {
			return
		}
		if !sort.SliceIsSorted(c.Thresholds, func(i, j int) bool { return c.Thresholds[i].Name < c.Thresholds[j].Name }) {
			t.Fatal("thresholds not sorted")
		}
		checkDeterministic(t, genericAlertConfig, body, c)
	})
}

func FuzzGenericHealth(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		h, err := genericHealth(body)
		checkWords(t, err)
		if err != nil {
			return
		}
		for i := 1; i < len(h.Services); i++ {
			if h.Services[i-1].Name >= h.Services[i].Name {
				t.Fatalf("services not sorted and unique: %q >= %q", h.Services[i-1].Name, h.Services[i].Name)
			}
		}
		for _, s := range h.Services {
			if len(s.Extra) > maxExtra {
				t.Fatalf("service %q keeps %d extra fields", s.Name, len(s.Extra))
			}
		}
		checkDeterministic(t, genericHealth, body, h)
	})
}

func FuzzGenericDashboard(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := genericDashboard(body)
		checkWords(t, err)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, s := range d.Summary {
			if seen[s.Key] || s.Key == "" {
				t.Fatalf("summary key %q empty or twice", s.Key)
			}
			seen[s.Key] = true
		}
		checkDeterministic(t, genericDashboard, body, d)
	})
}

func FuzzGenericUptime(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := genericUptime(body)
		checkWords(t, err)
		if err != nil {
			return
		}
		if len(u.Compliance) != 3 || (u.Percentage == nil && u.Seconds == nil && u.Formatted == "") {
			t.Fatalf("accepted an uptime without figures: %+v", u)
		}
		checkDeterministic(t, genericUptime, body, u)
	})
}

// FuzzFastPathAgrees: which reader the first byte picks (m metrics, a
// alerts, h health, d dashboard, u uptime, c alert configuration).
func FuzzFastPathAgrees(f *testing.F) {
	opts := cmp.Options{cmpopts.EquateEmpty()}
	f.Fuzz(func(t *testing.T, which byte, body []byte) {
		var fast, gen any
		var errFast, errGen error
		switch which % 6 {
		case 0:
			fast, errFast = ParseMetricsJSON(body)
			gen, errGen = genericMetrics(trimBody(body))
		case 1:
			fast, errFast = ParseAlerts(body)
			gen, errGen = genericAlerts(trimBody(body))
		case 2:
			fast, errFast = ParseHealth(body)
			gen, errGen = genericHealth(trimBody(body))
		case 3:
			fast, errFast = ParseDashboard(body)
			gen, errGen = genericDashboard(trimBody(body))
		case 4:
			fast, errFast = ParseUptime(body)
			gen, errGen = genericUptime(trimBody(body))
		default:
			fast, errFast = ParseAlertConfig(body)
			gen, errGen = genericAlertConfig(trimBody(body))
		}
		if errFast != nil {
			return // refused before or by the generic reader; the other targets check it
		}
		if errGen != nil {
			t.Fatalf("the fast path read a body the generic reader refuses: %v", errGen)
		}
		if d := cmp.Diff(fast, gen, opts); d != "" {
			t.Fatalf("fast path and generic reader differ (-fast +generic):\n%s", d)
		}
	})
}
