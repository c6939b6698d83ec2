package ruleoracle

import (
	"context"
	"testing"
	"time"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// An application that answers with nothing to alert on: an empty metrics
// set, a health check without dependencies, an uptime document without a
// status, no history. Every rule must say NoData (or what its noDataState
// maps it to), never Normal, once its pending period has passed.
func noDataVerdicts(t *testing.T, rules []Rule, verdicts map[string]*verdict) {
	t.Run("no data", func(t *testing.T) {
		api := fakeapi.New(t)
		api.Extensions = []string{}
		api.MetricsFormats = []string{"json"} // no Prometheus or Datadog fallback with metrics in it
		const ts = `"timestamp":"2025-06-01T12:00:00Z"`
		api.MetricsJSON = `{` + ts + `,"category":"all","metrics":[]}`
		api.SetFault(client.PathHealth, fakeapi.Fault{Status: 200, Body: `{"status":"healthy",` + ts + `,"services":{}}`})
		api.SetFault(client.PathUptime, fakeapi.Fault{Status: 200, Body: `{` + ts + `,"uptime":{"formatted":"1d","percentage":99.95,"seconds":86400}}`})
		ds := newDatasource(t, api.URL, fakeapi.APIKey)
		now := time.Now()
		for _, r := range rules {
			tr := NewTracker(r)
			var ev Evaluation
			for at := now; !at.After(now.Add(r.For)); at = at.Add(step) {
				answers, err := query(context.Background(), ds, r, at)
				ev = Evaluate(r, answers, err)
				tr.Step(at, ev)
			}
			state := tr.State()
			if verdicts[r.UID] == nil {
				verdicts[r.UID] = &verdict{}
			}
			verdicts[r.UID].noData = state
			want := map[string]State{"NoData": NoData, "Alerting": Alerting}[r.NoDataState]
			if want == "" {
				t.Errorf("%s: noDataState %q turns missing data into %s; use NoData (or Alerting for an availability rule)", r.UID, r.NoDataState, state)
				continue
			}
			if state != want {
				t.Errorf("%s without data: %s, want %s: %s", r.UID, state, want, describe(ev))
			}
		}
	})
}
