package parse

import (
	"encoding/json"
	"time"
)

// Compliance is one SLA objective's state; Met is nil when not reported.
type Compliance struct {
	Objective string
	Met       *bool
}

// Uptime is the body of GET /api/monitoring/uptime.
type Uptime struct {
	Status     string
	Timestamp  time.Time
	Formatted  string
	Percentage *float64
	Seconds    *float64
	SLATarget  *float64
	Compliance []Compliance
}

type uptimeDoc struct {
	Status    *string `json:"status"`
	Timestamp Time    `json:"timestamp"`
	Uptime    *struct {
		Formatted  string `json:"formatted"`
		Percentage Number `json:"percentage"`
		Seconds    Number `json:"seconds"`
	} `json:"uptime"`
	SLA struct {
		Target     Number `json:"target"`
		Compliance struct {
			Overall   *bool `json:"overall"`
			Uptime    *bool `json:"uptime"`
			ErrorRate *bool `json:"errorRate"`
		} `json:"compliance"`
	} `json:"sla"`
}

// ParseUptime reads an uptime body.
func ParseUptime(body []byte) (Uptime, error) {
	const doc = "uptime"
	b := trimBody(body)
	if len(b) == 0 {
		return Uptime{}, &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML("", b) {
		return Uptime{}, &Error{Kind: KindHTML, Doc: doc}
	}
	var d uptimeDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return Uptime{}, malformed(doc, err)
	}
	if d.Uptime == nil {
		return Uptime{}, shapef(doc, `field "uptime" is missing`)
	}
	u := Uptime{
		Timestamp:  d.Timestamp.T,
		Formatted:  d.Uptime.Formatted,
		Percentage: d.Uptime.Percentage.V,
		Seconds:    d.Uptime.Seconds.V,
		SLATarget:  d.SLA.Target.V,
		Compliance: []Compliance{
			{Objective: "overall", Met: d.SLA.Compliance.Overall},
			{Objective: "uptime", Met: d.SLA.Compliance.Uptime},
			{Objective: "error_rate", Met: d.SLA.Compliance.ErrorRate},
		},
	}
	if d.Status != nil {
		u.Status = *d.Status
	}
	return u, nil
}
