package parse

import (
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
	Notes      []string
}

type uptimeDoc struct {
	Status    *string `json:"status"`
	Timestamp Time    `json:"timestamp"`
	Uptime    *struct {
		Formatted  string `json:"formatted"`
		Percentage Number `json:"percentage"`
		Seconds    Number `json:"seconds"`
	} `json:"uptime"`
	// Value structs (no allocation); keys() infers their presence.
	SLA struct {
		Target     Number `json:"target"`
		Compliance struct {
			Overall   *bool `json:"overall"`
			Uptime    *bool `json:"uptime"`
			ErrorRate *bool `json:"errorRate"`
		} `json:"compliance"`
	} `json:"sla"`
}

func (d *uptimeDoc) keys() int {
	n := count1(d.Status != nil) + count1(!d.Timestamp.T.IsZero())
	if u := d.Uptime; u != nil {
		n += 1 + count1(u.Formatted != "") + count1(u.Percentage.V != nil) + count1(u.Seconds.V != nil)
	}
	// "sla" and "compliance" count when something is in them; an empty
	// object leaves the tally short, and the generic reader takes the body.
	c := &d.SLA.Compliance
	inComp := count1(c.Overall != nil) + count1(c.Uptime != nil) + count1(c.ErrorRate != nil)
	if inComp > 0 {
		n += 1 + inComp
	}
	if inComp > 0 || d.SLA.Target.V != nil {
		n += 1 + count1(d.SLA.Target.V != nil)
	}
	return n
}

// ParseUptime reads an uptime body: the contract's shape directly, other
// shapes (uptimePercentage, availability, uptime_seconds, uptime as a
// number of seconds …) through genericUptime. A server that gives the
// uptime only as text ("5d 14h 23m 45s", "PT24H0M3S") gets its seconds read
// from it.
func ParseUptime(body []byte) (Uptime, error) {
	return decodeDoc("uptime", body, func(d *uptimeDoc, b []byte) (Uptime, bool, error) {
		if d.Uptime == nil || !tallyKeys(b).fits(d.keys()) {
			return Uptime{}, false, nil
		}
		return exactUptime(d), true, nil
	}, genericUptime)
}

func exactUptime(d *uptimeDoc) Uptime {
	u := Uptime{
		Timestamp:  d.Timestamp.T,
		Formatted:  d.Uptime.Formatted,
		Percentage: d.Uptime.Percentage.V,
		Seconds:    d.Uptime.Seconds.V,
	}
	if u.Seconds == nil {
		u.Seconds = DurationSeconds(u.Formatted)
	}
	u.SLATarget = d.SLA.Target.V
	c := &d.SLA.Compliance
	u.Compliance = compliance(c.Overall, c.Uptime, c.ErrorRate)
	if d.Status != nil {
		u.Status = statusText(*d.Status)
	}
	return u
}

func compliance(overall, up, errRate *bool) []Compliance {
	return []Compliance{
		{Objective: "overall", Met: overall},
		{Objective: "uptime", Met: up},
		{Objective: "error_rate", Met: errRate},
	}
}
