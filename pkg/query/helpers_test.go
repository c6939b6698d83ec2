package query

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
	"github.com/appmon/monitoring/pkg/settings"
)

var testNow = time.Date(2025, 6, 1, 12, 0, 30, 0, time.UTC)

func newRunner(t testing.TB, url string) *Runner {
	t.Helper()
	s, err := settings.Load(context.Background(), backend.DataSourceInstanceSettings{
		UID: "dsuid", Name: "AppMon", Type: "appmon-endpoints-datasource", URL: url, JSONData: json.RawMessage(`{"retries":0}`),
		DecryptedSecureJSONData: map[string]string{"apiKey": fakeapi.APIKey},
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return &Runner{Client: c, DataSourceUID: "dsuid", Now: func() time.Time { return testNow }}
}

func mustParse(t testing.TB, queryType, jsonModel string, from, to time.Time) Query {
	t.Helper()
	q, err := Parse(backend.DataQuery{RefID: "A", QueryType: queryType, JSON: json.RawMessage(jsonModel),
		TimeRange: backend.TimeRange{From: from, To: to}, Interval: 15 * time.Second, MaxDataPoints: 100})
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func run(t testing.TB, r *Runner, q Query) data.Frames {
	t.Helper()
	frames, err := r.Run(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return frames
}

// describe renders numeric series as "name{labels} unit=... display=... values" lines.
func describe(frames data.Frames) []string {
	var out []string
	for _, f := range frames {
		for _, fld := range f.Fields {
			if fld.Type().Time() {
				continue
			}
			var vals []string
			for i := 0; i < fld.Len(); i++ {
				v, ok := fld.ConcreteAt(i)
				if !ok {
					vals = append(vals, "null")
					continue
				}
				vals = append(vals, fmt.Sprint(v))
			}
			cfg := fld.Config
			if cfg == nil {
				cfg = &data.FieldConfig{}
			}
			out = append(out, fmt.Sprintf("%s%s unit=%s display=%q values=%s", fld.Name, labelString(fld.Labels), cfg.Unit, cfg.DisplayNameFromDS, strings.Join(vals, ",")))
		}
	}
	return out
}

func labelString(l data.Labels) string {
	if len(l) == 0 {
		return ""
	}
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + l[k]
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// assertAlertable checks what Grafana's server-side expressions and
// alerting require (the dataplane "timeseries-multi"/"-wide" rules of
// github.com/grafana/dataplane/sdata, and alerting's "one result per label
// set"): the first frame carries the type and version; every typed frame
// has one []time.Time field sorted ascending and numeric value fields of
// equal length; label sets are unique across the response.
func assertAlertable(t *testing.T, frames data.Frames) {
	t.Helper()
	if len(frames) == 0 || frames[0].Meta == nil {
		t.Fatal("no frames or no meta on the first frame")
	}
	typ := frames[0].Meta.Type
	if typ != data.FrameTypeTimeSeriesMulti && typ != data.FrameTypeTimeSeriesWide {
		t.Fatalf("first frame type = %q", typ)
	}
	if frames[0].Meta.TypeVersion != (data.FrameTypeVersion{0, 1}) {
		t.Fatalf("type version = %v", frames[0].Meta.TypeVersion)
	}
	if len(frames) == 1 && len(frames[0].Fields) == 0 {
		return // typed "no data"
	}
	seen := map[string]bool{}
	for i, f := range frames {
		if f.Meta == nil || f.Meta.Type != typ {
			t.Fatalf("frame %d lacks the type indicator", i)
		}
		var times []time.Time
		values := 0
		for _, fld := range f.Fields {
			switch {
			case fld.Type() == data.FieldTypeTime:
				if times != nil {
					t.Fatalf("frame %d has two time fields", i)
				}
				times = make([]time.Time, fld.Len())
				for j := range times {
					times[j] = fld.At(j).(time.Time)
				}
			case fld.Type().Numeric():
				values++
				key := labelString(fld.Labels)
				if seen[key] {
					t.Fatalf("label set %s appears twice: alert rules would reject the query", key)
				}
				seen[key] = true
			default:
				t.Fatalf("frame %d field %q has type %s", i, fld.Name, fld.Type())
			}
		}
		if times == nil || values == 0 || (typ == data.FrameTypeTimeSeriesMulti && values != 1) {
			t.Fatalf("frame %d: time field present=%v, %d value fields", i, times != nil, values)
		}
		for j := 1; j < len(times); j++ {
			if !times[j].After(times[j-1]) {
				t.Fatalf("frame %d: time not strictly ascending at %d", i, j)
			}
		}
		if _, err := f.MarshalJSON(); err != nil {
			t.Fatalf("frame %d does not serialise: %v", i, err)
		}
	}
}
