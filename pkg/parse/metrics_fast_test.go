package parse

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fastAgrees fails when the fast decoder accepts a body and decodes it
// differently from json.Unmarshal into the same document.
func fastAgrees(t *testing.T, body []byte) (accepted bool) {
	t.Helper()
	b := trimBody(body)
	got, tally, ok := fastMetricsDocTally(b)
	if !ok {
		return false
	}
	if want := tallyKeys(b); tally != want {
		t.Fatalf("fast decoder tallied %+v, tallyKeys %+v, on %.300s", tally, want, b)
	}
	var want metricsAnyDoc
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("fast decoder accepted a body json.Unmarshal rejects (%v): %.200s", err, b)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast decoder differs from json.Unmarshal on %.300s\ngot  %+v\nwant %+v", b, got, want)
	}
	return true
}

var fastBodies = []struct {
	body   string
	accept bool
}{
	{`{"timestamp":"2026-01-02T03:04:05Z","category":"all","metrics":[{"name":"cpu","value":12.5,"unit":"percent","category":"system","description":"CPU use"},{"name":"req","value":null,"labels":{"endpoint":"/api/x","method":"GET"}}]}`, true},
	{" \n{\"metrics\":[]}\n", true},
	{`{"metrics":[{"name":"ü","value":-0.5e+3,"timestamp":1700000000000,"labels":{}}]}`, true},
	{`{"metrics":[{"name":"a","value":"12"}]}`, false},               // text value: the tolerant reader's job
	{`{"metrics":[{"name":"a\n","value":1}]}`, false},                // escape
	{`{"metrics":[{"name":"a","name":"b"}]}`, false},                 // repeated key
	{`{"metrics":[{"name":"a","value":1,"extra":true}]}`, false},     // another key
	{`{"series":[]}`, false},                                         // Datadog
	{`{"metrics":[{"name":"a","value":01}]}`, false},                 // not a JSON number
	{`{"metrics":[{"name":"a","value":1}]} x`, false},                // trailing text
	{`{"metrics":[{"name":"a","value":1e999}]}`, false},              // not representable
	{`{"metrics":[{"name":"a","labels":{"k":"v","k":"w"}}]}`, false}, // repeated label
	{`{"metrics":[{"name":"a","labels":{"k":null}}]}`, false},        // null label
	{`{"metrics":[{"name":"a","value":1}],"timestamp":"yesterday"}`, false},
	{`{"metrics":[{"name":"a","value":1},]}`, false},
	{"{\"metrics\":[{\"name\":\"\xff\"}]}", false}, // invalid UTF-8
	// Colons in text and before values, as tallyKeys counts them.
	{`{"metrics":[{"name":": n","value":null,"unit":":x","labels":{":k":"  :  n"}}], "category" :"a:b"}`, true},
	{`{"metrics":[{"name":"a","value":1,"description":"::null"}],"timestamp" : null}`, true},
}

func TestFastMetricsDocAgreesWithJSON(t *testing.T) {
	for _, c := range fastBodies {
		if got := fastAgrees(t, []byte(c.body)); got != c.accept {
			t.Errorf("accepted=%v, want %v: %s", got, c.accept, c.body)
		}
	}
	// Every stored JSON body: agree wherever accepted.
	accepted := 0
	_ = filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if fastAgrees(t, b) {
			accepted++
		}
		return nil
	})
	t.Logf("%d stored bodies taken by the fast decoder", accepted)
}

// Whatever the body, the fast decoder agrees with json.Unmarshal or
// declines.
func FuzzFastMetricsDoc(f *testing.F) {
	for _, c := range fastBodies {
		f.Add([]byte(c.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) { fastAgrees(t, body) })
}

// The contract's metrics body decodes in a bounded number of allocations:
// one each for the values and the list (the strings share the body);
// label sets seen in an earlier body are shared and cost none (the
// reflection-based decoder took about six per metric).
func TestFastMetricsDocAllocations(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"timestamp":"2026-01-02T03:04:05Z","category":"all","metrics":[`)
	for i := range 60 {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(`{"name":"m` + string(rune('a'+i%26)) + `","value":1.5,"unit":"ms","category":"api","description":"a metric","labels":{"endpoint":"/x"}}`)
	}
	sb.WriteString(`]}`)
	body := []byte(sb.String())
	if _, ok := fastMetricsDoc(body); !ok {
		t.Fatal("the contract's shape was declined")
	}
	allocs := testing.AllocsPerRun(20, func() { fastMetricsDoc(body) })
	t.Logf("%.0f allocations", allocs)
	// The values, list and timestamp (6 when this was written).
	if limit := 8.0; allocs > limit {
		t.Errorf("%.0f allocations for 60 metrics, want at most %.0f", allocs, limit)
	}
}
