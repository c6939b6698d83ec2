package settings

import (
	"context"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestHistoryCacheBytes(t *testing.T) {
	load := func(jsonData string) (*Settings, error) {
		return Load(context.Background(), backend.DataSourceInstanceSettings{URL: "http://127.0.0.1:4000", JSONData: []byte(jsonData)})
	}
	for jd, want := range map[string]int64{`{}`: DefaultHistoryCacheBytes, `{"historyCacheBytes":0}`: 0, `{"historyCacheBytes":1048576}`: 1 << 20} {
		s, err := load(jd)
		if err != nil || s.HistoryCacheBytes != want {
			t.Fatalf("%s: %v, %v; want %d", jd, s, err, want)
		}
	}
	_, err := load(`{"historyCacheBytes":-1}`)
	if err == nil || !strings.Contains(err.Error(), "historyCacheBytes is -1; set it to a whole number of bytes between 0 (off)") {
		t.Fatalf("error %v", err)
	}
	if _, err := load(`{"historyCacheBytes":"lots"}`); err == nil {
		t.Fatal("a word for a number was accepted")
	}
}
