package parse

import "slices"

// summaryAliases maps folded spellings of the summary figures
// (requestsPerMinute, response_time.p95 …) to the contract's keys.
var summaryAliases = map[string]string{
	"requestsperminute": "requests_per_minute", "rpm": "requests_per_minute", "requestsmin": "requests_per_minute",
	"errorrate": "error_rate",
	"p95":       "response_time_p95", "p95ms": "response_time_p95", "responsetimep95ms": "response_time_p95",
	"responsetimep95": "response_time_p95", "p95responsetime": "response_time_p95", "latencyp95": "response_time_p95",
	"activealerts": "active_alerts", "alertsactive": "active_alerts", "openalerts": "active_alerts",
	"paymentssuccessrate": "payments_success_rate", "paymentsuccessrate": "payments_success_rate",
	"revenuetoday": "revenue_today", "todayrevenue": "revenue_today", "revenuetodayusd": "revenue_today",
	"activeusers": "active_users", "usersactive": "active_users",
}

var (
	// Where figures are, in priority order; their names drop this prefix.
	dashboardSources   = []string{"summary", "metrics", "data", "health", "kpis", "stats", "figures", "overview"}
	dashboardScoreKeys = []string{"healthscore", "score", "healthhealthscore"}
	dashboardUptime    = []string{"uptimepercentage", "uptimepercent", "uptimepct", "availability", "healthuptimepercentage"}
	dashboardStatus    = []string{"status", "state", "overall", "healthstatus", "overallstatus"}
)

// genericDashboard reads dashboard figures wherever they are.
func genericDashboard(b []byte) (Dashboard, error) {
	const doc = "dashboard"
	v, err := decodeGeneric(doc, b)
	if err != nil {
		return Dashboard{}, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return Dashboard{}, shapef(doc, "it is not an object of figures (%s)", describeTop(v))
	}
	o := jsonObject(top)
	if !o.has("summary") && !o.has(dashboardStatus...) {
		if inner, ok := o.object("data"); ok && len(o) <= 3 { // {"data":{…},"meta":{…}}
			o = inner
		}
	}
	var n notes
	d := Dashboard{}
	if tv, key, ok := o.get(healthTimeKeys...); ok {
		t, err := timeValue(tv)
		if err != nil {
			return Dashboard{}, shapef(doc, "%s: %v", key, err)
		}
		d.Timestamp = t
	}
	// Services, at the top or inside health.
	for _, src := range []jsonObject{o, objectOr(o, "health")} {
		if d.Services != nil {
			break
		}
		for _, k := range src.sortedKeys() {
			if slices.Contains(serviceListKeys, normKey(k)) {
				switch src[k].(type) {
				case map[string]any, []any:
					d.Services = readServices(src[k], "", &n, 0)
				}
				if d.Services != nil {
					break
				}
			}
		}
	}
	sortServices(d.Services)

	f := figureReader{summary: map[string]*SummaryValue{}, notes: &n}
	keys := o.sortedKeys()
	slices.SortStableFunc(keys, func(a, b string) int { return sourceRank(a) - sourceRank(b) })
	for _, k := range keys {
		if isTimeKey(k) || slices.Contains(serviceListKeys, normKey(k)) || normKey(k) == "id" || normKey(k) == "meta" || normKey(k) == "links" {
			continue
		}
		name := k
		if sourceRank(k) < len(dashboardSources) {
			name = "" // summary.errorRate is errorRate
			if normKey(k) == "health" {
				name = "health" // health.score, health.status keep their prefix
			}
		}
		f.read(o[k], name, &d, 0)
	}
	for _, k := range SummaryKeys {
		if sv, ok := f.summary[k]; ok {
			d.Summary = append(d.Summary, *sv)
		}
	}
	slices.Sort(f.extraOrder)
	for _, k := range f.extraOrder {
		d.Summary = append(d.Summary, *f.summary[k])
	}
	d.Notes = n.list()
	if len(d.Summary) == 0 && d.Status == "" && d.HealthScore == nil && d.UptimePercentage == nil {
		return Dashboard{}, shapef(doc, "it has no dashboard figures (%s); expected figures such as requests_per_minute or errorRate at the top level or under summary, metrics or data", describeTop(v))
	}
	return d, nil
}

func objectOr(o jsonObject, key string) jsonObject {
	inner, _ := o.object(key)
	return inner
}

func sourceRank(k string) int {
	if i := slices.Index(dashboardSources, normKey(k)); i >= 0 {
		return i
	}
	return len(dashboardSources)
}

type figureReader struct {
	summary    map[string]*SummaryValue
	extraOrder []string
	notes      *notes
}

// read classifies the leaves under one key: status, score, uptime, a
// contract figure, or an extra figure named by its dotted path.
func (f *figureReader) read(v any, name string, d *Dashboard, depth int) {
	if depth > maxWalkDepth {
		return
	}
	nk := normKey(name)
	switch t := v.(type) {
	case map[string]any:
		o := jsonObject(t)
		for _, k := range o.sortedKeys() {
			if isTimeKey(k) || slices.Contains(serviceListKeys, normKey(k)) {
				continue
			}
			child := joinName(name, k)
			if sourceRank(k) < len(dashboardSources) && normKey(k) != "health" {
				child = name // data.summary.errorRate is errorRate
			}
			f.read(o[k], child, d, depth+1)
		}
		return
	case []any:
		if name != "" {
			f.notes.skip("value", "a list, not a figure", name)
		}
		return
	case string:
		if slices.Contains(dashboardStatus, nk) {
			if d.Status == "" {
				d.Status = statusText(t)
			}
			return
		}
	case bool:
		if nk == "healthy" || nk == "healthhealthy" {
			if d.Status == "" {
				d.Status = boolStatus(t)
			}
			return
		}
	}
	num, isNum := numberValue(v)
	if _, isText := v.(string); isText && !isContractFigure(nk) {
		isNum = false // text is not a figure, even when it looks like one
	}
	switch {
	case slices.Contains(dashboardScoreKeys, nk):
		if isNum && d.HealthScore == nil {
			d.HealthScore = num
		}
		return
	case slices.Contains(dashboardUptime, nk):
		if isNum && d.UptimePercentage == nil {
			d.UptimePercentage = num
		}
		return
	}
	if key, ok := summaryAliases[nk]; ok {
		if _, dup := f.summary[key]; dup {
			return
		}
		if !isNum {
			f.notes.skip("figure", "not a number", name)
			num = nil
		}
		f.summary[key] = &SummaryValue{Key: key, Value: num}
		return
	}
	if !isNum || num == nil || name == "" {
		if v != nil {
			f.notes.skip("value", "not a number", name)
		}
		return
	}
	if _, dup := f.summary[name]; dup {
		return
	}
	f.summary[name] = &SummaryValue{Key: name, Value: num}
	f.extraOrder = append(f.extraOrder, name)
}

func isContractFigure(nk string) bool {
	_, ok := summaryAliases[nk]
	return ok || slices.Contains(dashboardScoreKeys, nk) || slices.Contains(dashboardUptime, nk)
}

func init() {
	for _, k := range SummaryKeys {
		summaryAliases[normKey(k)] = k
	}
}
