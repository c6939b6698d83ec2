package parse

import (
	"sort"
	"strings"
	"time"
)

// Incident groups alerts into one outage.
type Incident struct {
	ID         string
	Title      string
	Severity   string
	StartedAt  time.Time
	ResolvedAt *time.Time
	AlertIDs   []string
}

// Incidents is the body of GET /api/monitoring/incidents (extension).
type Incidents struct {
	Incidents   []Incident
	MTBFSeconds *float64
	MTTRSeconds *float64
}

type incidentsDoc struct {
	Incidents *[]struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Severity   string   `json:"severity"`
		StartedAt  Time     `json:"started_at"`
		ResolvedAt Time     `json:"resolved_at"`
		AlertIDs   []string `json:"alert_ids"`
	} `json:"incidents"`
	MTBF Number `json:"mtbf_seconds"`
	MTTR Number `json:"mttr_seconds"`
}

// ParseIncidents reads incidents, oldest first.
func ParseIncidents(body []byte) (Incidents, error) {
	return decodeDoc("incidents", body, strict(readIncidents), nil)
}

func readIncidents(d *incidentsDoc) (Incidents, error) {
	const doc = "incidents"
	if d.Incidents == nil {
		return Incidents{}, shapef(doc, `field "incidents" is missing`)
	}
	out := Incidents{MTBFSeconds: d.MTBF.V, MTTRSeconds: d.MTTR.V}
	for i, in := range *d.Incidents {
		if in.StartedAt.T.IsZero() {
			return Incidents{}, shapef(doc, "incidents[%d] has no started_at", i)
		}
		out.Incidents = append(out.Incidents, Incident{
			ID: in.ID, Title: in.Title, Severity: strings.ToLower(in.Severity),
			StartedAt: in.StartedAt.T, ResolvedAt: optionalTime(in.ResolvedAt), AlertIDs: in.AlertIDs,
		})
	}
	sort.SliceStable(out.Incidents, func(i, j int) bool { return out.Incidents[i].StartedAt.Before(out.Incidents[j].StartedAt) })
	return out, nil
}
