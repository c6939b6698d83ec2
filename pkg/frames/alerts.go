package frames

import (
	"encoding/json"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/parse"
)

// AlertsFrame is the table of alerts the alert timeline panel reads, one
// row per alert, oldest first.
func AlertsFrame(name string, alerts []parse.Alert) *data.Frame {
	n := len(alerts)
	var (
		start   = make([]time.Time, n)
		end     = make([]*time.Time, n)
		ids     = make([]string, n)
		rules   = make([]string, n)
		titles  = make([]string, n)
		sevs    = make([]string, n)
		states  = make([]string, n)
		texts   = make([]string, n)
		metrics = make([]string, n)
		values  = make([]*float64, n)
		thresh  = make([]*float64, n)
		acked   = make([]*time.Time, n)
		levels  = make([]int64, n)
		svcs    = make([]string, n)
		labels  = make([]string, n)
		links   = make([]string, n)
	)
	for i, a := range alerts {
		start[i], end[i], ids[i], rules[i], titles[i] = a.StartedAt, a.ResolvedAt, a.ID, a.Rule, a.Name
		sevs[i], states[i], texts[i], metrics[i] = a.Severity, a.Status, a.Description, a.Metric
		values[i], thresh[i], acked[i], levels[i] = a.Value, a.Threshold, a.AcknowledgedAt, int64(a.EscalationLevel)
		svcs[i], links[i] = a.Labels["service"], a.RunbookURL
		if len(a.Labels) > 0 {
			b, _ := json.Marshal(a.Labels) // map[string]string always marshals
			labels[i] = string(b)
		}
	}
	f := build(Alerts, start, end, ids, rules, titles, sevs, states, texts, metrics, values, thresh, acked, levels, svcs, labels, links)
	f.Name = name
	runbook := f.Fields[len(f.Fields)-1]
	runbook.Config.Links = []data.DataLink{{Title: "Open runbook", URL: "${__value.raw}", TargetBlank: true}}
	return f.SetMeta(&data.FrameMeta{PreferredVisualization: data.VisTypeTable})
}
