package parse

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"testing"
)

func fastLabels(t *testing.T, body string) []map[string]string {
	t.Helper()
	d, ok := fastMetricsDoc([]byte(body))
	if !ok {
		t.Fatalf("declined: %s", body)
	}
	var out []map[string]string
	for _, m := range *d.Metrics {
		out = append(out, m.Labels)
	}
	return out
}

func sameMap(a, b map[string]string) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// Identical label objects in two bodies decode to one shared map; other
// objects, even with the same pairs in another order, get their own.
func TestLabelSetsAreShared(t *testing.T) {
	a := fastLabels(t, `{"metrics":[{"name":"a","labels":{"endpoint":"/api/shared-a","method":"GET"}},{"name":"b","labels":{"endpoint":"/api/shared-b"}}]}`)
	b := fastLabels(t, `{"metrics":[{"name":"c","labels":{"endpoint":"/api/shared-a","method":"GET"}},{"name":"d","labels":{"method":"GET","endpoint":"/api/shared-a"}}]}`)
	if !sameMap(a[0], b[0]) {
		t.Error("the same label object in a second body got a map of its own")
	}
	if sameMap(b[0], b[1]) || sameMap(a[0], a[1]) {
		t.Error("different label objects share a map")
	}
	if !maps.Equal(b[0], b[1]) || b[1]["endpoint"] != "/api/shared-a" || len(a[1]) != 1 {
		t.Errorf("labels decoded wrongly: %v %v", a, b)
	}
}

// Label maps keep their own copy of the text: they outlive the body in
// the shared table, and must not pin it or change with it.
func TestLabelsDoNotPinTheBody(t *testing.T) {
	body := []byte(`{"metrics":[{"name":"a","labels":{"pinned":"not-pinned-1"}}]}`)
	d, ok := fastMetricsDoc(body)
	if !ok {
		t.Fatal("declined")
	}
	copy(body, bytes.Repeat([]byte("x"), len(body)))
	if got := (*d.Metrics)[0].Labels; got["pinned"] != "not-pinned-1" || len(got) != 1 {
		t.Errorf("labels changed with the body: %v", got)
	}
}

// The table stays within its bounds however many label sets pass by, and
// a repeated key is still declined (for the tolerant reader) after the
// same pairs were shared without it.
func TestLabelTableBounds(t *testing.T) {
	for i := range internMaxEntries * 2 {
		fastLabels(t, fmt.Sprintf(`{"metrics":[{"name":"a","labels":{"bound":"%d"}}]}`, i))
		labelSets.mu.RLock()
		n, size := len(labelSets.sets), labelSets.bytes
		labelSets.mu.RUnlock()
		if n > internMaxEntries || size > internMaxBytes {
			t.Fatalf("after %d label sets the table holds %d entries, %d bytes", i+1, n, size)
		}
	}
	big := `{"metrics":[{"name":"a","labels":{"k":"` + string(bytes.Repeat([]byte("v"), internMaxObject)) + `"}}]}`
	fastLabels(t, big)
	labelSets.mu.RLock()
	for k := range labelSets.sets {
		if len(k) > internMaxObject {
			t.Errorf("a %d-byte label object was kept", len(k))
		}
	}
	labelSets.mu.RUnlock()
	fastLabels(t, `{"metrics":[{"name":"a","labels":{"k":"v"}}]}`)
	if _, ok := fastMetricsDoc([]byte(`{"metrics":[{"name":"a","labels":{"k":"v","k":"v"}}]}`)); ok {
		t.Error("a repeated label key was accepted")
	}
}

// The decoded list goes back to a pool after each body: a document read
// earlier does not change when later bodies reuse it.
func TestParsedMetricsSurviveTheNextBody(t *testing.T) {
	a := []byte(`{"metrics":[{"name":"first","value":1,"unit":"ms","labels":{"k":"a"}},{"name":"second","value":2}]}`)
	m, err := ParseMetrics("application/json", a)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%+v", m)
	for i := range 50 {
		b := fmt.Sprintf(`{"metrics":[{"name":"other%d","value":%d,"unit":"s","labels":{"k":"b"}},{"name":"x","value":3},{"name":"y"}]}`, i, i)
		if _, err := ParseMetrics("application/json", []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	if got := fmt.Sprintf("%+v", m); got != want || *m.Metrics[0].Value != 1 || m.Metrics[1].Name != "second" {
		t.Errorf("an earlier document changed:\n got %s\nwant %s", got, want)
	}
}
