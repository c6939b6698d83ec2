package parse

var (
	uptimePercentKeys   = []string{"uptimepercentage", "uptimepercent", "uptimepct", "availability", "availabilitypercentage", "availabilitypercent", "percentage"}
	uptimeSecondsKeys   = []string{"uptimeseconds", "uptimesecs", "uptimes", "seconds"}
	uptimeFormattedKeys = []string{"uptimeformatted", "formatted", "uptimehuman", "humanreadable"}
	slaTargetKeys       = []string{"slatarget", "target", "targetpercentage", "objective"}
	complianceKeys      = []string{"compliance", "slacompliance"}
	compOverallKeys     = []string{"overall", "compliant", "met", "slacompliant", "slamet"}
	compUptimeKeys      = []string{"uptime", "uptimecompliant", "availability", "availabilitycompliant"}
	compErrorRateKeys   = []string{"errorrate", "errorratecompliant", "errors"}
)

// genericUptime reads uptime documents in the shapes applications use:
// {"uptime":{"percentage":…}}, {"uptimePercentage":…}, {"availability":…},
// {"uptime": 12345} (seconds), {"uptime":"5d 4h"}, SLA compliance under
// sla.compliance, compliance or flat booleans.
func genericUptime(b []byte) (Uptime, error) {
	const doc = "uptime"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return Uptime{}, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return Uptime{}, shapef(doc, "it is not an object (%s)", describeTop(v))
	}
	o := jsonObject(top)
	for depth := 0; depth < 2; depth++ {
		inner, ok := o.object("data", "result")
		if !ok || o.has("uptime") || o.has(uptimePercentKeys...) {
			break
		}
		o = inner
	}
	var n notes
	u := Uptime{Status: statusOf(o)}
	meta := objectOr(jsonObject(top), "meta") // JSON:API documents keep these in meta
	if u.Status == "" && meta != nil {
		u.Status = statusOf(meta)
	}
	tsFrom := o
	if !o.has(healthTimeKeys...) && meta != nil {
		tsFrom = meta
	}
	if tv, key, ok := tsFrom.get(healthTimeKeys...); ok {
		t, err := timeValue(tv)
		if err != nil {
			return Uptime{}, shapef(doc, "%s: %v", key, err)
		}
		u.Timestamp = t
	}
	number := func(o jsonObject, keys ...string) *float64 {
		x, key, ok := o.get(keys...)
		if !ok {
			return nil
		}
		if f, ok := numberValue(x); ok {
			return f
		}
		if _, isObj := x.(map[string]any); !isObj {
			n.skip("value", "not a number", key)
		}
		return nil
	}
	// The uptime object, or uptime as a number (seconds) or text.
	if uv, _, ok := o.get("uptime"); ok {
		switch t := uv.(type) {
		case map[string]any:
			uo := jsonObject(t)
			u.Percentage = number(uo, "percentage", "percent", "pct", "availability")
			u.Seconds = number(uo, "seconds", "secs", "totalseconds")
			u.Formatted = uo.text("formatted", "human", "text")
		case float64:
			u.Seconds = finite(t)
		case string:
			u.Formatted = t
		}
	}
	if u.Percentage == nil {
		u.Percentage = number(o, uptimePercentKeys...)
	}
	if u.Seconds == nil {
		u.Seconds = number(o, uptimeSecondsKeys...)
	}
	if u.Formatted == "" {
		u.Formatted = o.text(uptimeFormattedKeys...)
	}
	if u.Seconds == nil {
		u.Seconds = DurationSeconds(u.Formatted)
	}
	// SLA: an object, or flat fields.
	sla, hasSLA := o.object("sla")
	if !hasSLA {
		sla = o
	}
	u.SLATarget = number(sla, slaTargetKeys...)
	if u.SLATarget == nil && hasSLA {
		u.SLATarget = number(o, "slatarget")
	}
	comp, hasComp := sla.object(complianceKeys...)
	if !hasComp {
		comp, hasComp = o.object(complianceKeys...)
	}
	flag := func(o jsonObject, keys ...string) *bool {
		x, _, ok := o.get(keys...)
		if !ok {
			return nil
		}
		b, ok := boolValue(x)
		if !ok {
			return nil
		}
		return &b
	}
	var overall, up, errRate *bool
	if hasComp {
		overall, up, errRate = flag(comp, compOverallKeys...), flag(comp, compUptimeKeys...), flag(comp, compErrorRateKeys...)
	}
	if overall == nil {
		if cv, _, ok := sla.get(complianceKeys...); ok {
			if b, ok := boolValue(cv); ok { // "compliance": true
				overall = &b
			}
		}
	}
	if overall == nil {
		overall = flag(sla, "compliant", "met", "slacompliant", "slamet")
	}
	if overall == nil && hasSLA {
		overall = flag(o, "slacompliant", "slamet")
	}
	u.Compliance = compliance(overall, up, errRate)
	if u.Percentage == nil && u.Seconds == nil && u.Formatted == "" {
		return Uptime{}, shapef(doc, "it has no uptime percentage or seconds (%s); expected uptime.percentage, uptimePercentage, availability or uptime_seconds", describeTop(v))
	}
	u.Notes = n.list()
	return u, nil
}
