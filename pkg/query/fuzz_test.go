package query

import (
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/parse"
)

// FuzzMetricsFrames checks that whatever a metrics body holds, the frames
// built from it serialise and keep the alerting invariants.
func FuzzMetricsFrames(f *testing.F) {
	f.Add("application/json", []byte(fakeapi.MetricsJSON))
	f.Add("text/plain", []byte(fakeapi.MetricsPrometheus))
	f.Add("", []byte(fakeapi.MetricsDatadog))
	f.Add("", []byte(`{"metrics":[{"name":"a","value":1},{"name":"a","value":2}]}`))
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		m, err := parse.ParseMetrics(ct, body)
		if err != nil {
			return
		}
		frames := multiFrames(snapshotSeries(m, Matcher{}))
		seen := map[string]bool{}
		for _, fr := range frames {
			if len(fr.Fields) == 2 {
				key := fr.Fields[1].Labels.String()
				if seen[key] {
					t.Fatalf("label set %s twice", key)
				}
				seen[key] = true
			}
			if _, err := fr.MarshalJSON(); err != nil {
				t.Fatalf("frame does not serialise: %v", err)
			}
			if _, err := fr.MarshalArrow(); err != nil {
				t.Fatalf("frame does not serialise to arrow: %v", err)
			}
		}
		if frames[0].Meta == nil || frames[0].Meta.Type != data.FrameTypeTimeSeriesMulti {
			t.Fatal("first frame lost its type")
		}
	})
}
