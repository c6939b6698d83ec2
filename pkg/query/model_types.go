package query

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The model of each query type: the field groups of Model it reads. These
// structs are the contract of a query type's JSON: the schema in schema/
// and the editor's TypeScript query type are generated from them, the
// editor offers exactly these fields, and Parse accepts live only for the
// types whose model has LiveOptions.
type (
	// MetricsQuery reads named metrics by category.
	MetricsQuery struct {
		MetricsOptions
		SeriesOptions
		LiveOptions
		FleetOptions
	}
	// HealthQuery reads the overall status, health score and each dependency.
	HealthQuery struct {
		ServiceOptions
		SeriesOptions
		LiveOptions
		FleetOptions
	}
	// UptimeQuery reads the uptime percentage and SLA compliance.
	UptimeQuery struct {
		SeriesOptions
		LiveOptions
		FleetOptions
	}
	// AlertsQuery reads active alerts, alert history or the alert rules.
	AlertsQuery struct {
		AlertsOptions
		SeverityOptions
		FleetOptions
	}
	// DashboardQuery reads the summary figures of the dashboard endpoint.
	DashboardQuery struct {
		ServiceOptions
		SeriesOptions
		LiveOptions
		FleetOptions
	}
	// SLOQuery evaluates the configured objectives.
	SLOQuery struct {
		SLOOptions
		FleetOptions
	}
	// OncallQuery reads the configured on-call schedule.
	OncallQuery struct {
		OncallOptions
		SeverityOptions
		FleetOptions
	}
)

// typeDef is everything the backend knows about one query type.
type typeDef struct {
	Type        Type
	Description string
	// Model is the type's model struct (above).
	Model reflect.Type
	// Run answers a query (live queries never reach it).
	Run func(*Runner, context.Context, Query, *trace) (data.Frames, error)
	// Snapshot reads current values for Grafana Live; set exactly for the
	// types whose model has LiveOptions (TestQueryTypesLive).
	Snapshot func(*Runner, context.Context, Query, *trace) (time.Time, []series, error)
}

// typeDefs lists the query types in the editor's order. Adding a query
// type is a row here, its model struct above and its handler file.
var typeDefs = []typeDef{
	{TypeMetrics, "Named metrics by category, over the time range when the server keeps history", reflect.TypeFor[MetricsQuery](), (*Runner).runMetrics, (*Runner).metricsSnapshot},
	{TypeHealth, "Overall status, health score and each dependency", reflect.TypeFor[HealthQuery](), (*Runner).runHealth, (*Runner).healthSeries},
	{TypeUptime, "Uptime percentage and SLA compliance", reflect.TypeFor[UptimeQuery](), (*Runner).runUptime, (*Runner).uptimeSeries},
	{TypeAlerts, "Active alerts, alert history or the alert rules", reflect.TypeFor[AlertsQuery](), (*Runner).runAlerts, nil},
	{TypeDashboard, "The summary figures of /api/monitoring/dashboard", reflect.TypeFor[DashboardQuery](), (*Runner).runDashboard, (*Runner).dashboardSeries},
	{TypeSLO, "Error budgets and burn rates of the configured objectives", reflect.TypeFor[SLOQuery](), (*Runner).runSLO, nil},
	{TypeOncall, "Who is on call, the next shifts and the escalation of open alerts", reflect.TypeFor[OncallQuery](), (*Runner).runOncall, nil},
}

// Types lists the query types in the editor's order.
var Types = func() []Type {
	out := make([]Type, len(typeDefs))
	for i, d := range typeDefs {
		out[i] = d.Type
	}
	return out
}()

func lookupType(t Type) (typeDef, bool) {
	for _, d := range typeDefs {
		if d.Type == t {
			return d, true
		}
	}
	return typeDef{}, false
}

// Streams reports whether Grafana Live can stream a query type: its model
// has the live field.
func Streams(t Type) bool {
	d, ok := lookupType(t)
	return ok && hasField(d.Model, "live")
}

// streamingTypes names the types Live streams, for messages.
func streamingTypes() string {
	var names []string
	for _, d := range typeDefs {
		if Streams(d.Type) {
			names = append(names, string(d.Type))
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// FieldNames are the JSON names of a model struct's fields, embedded
// groups included, in declaration order.
func FieldNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, FieldNames(f.Type)...)
			continue
		}
		if name := strings.Split(f.Tag.Get("json"), ",")[0]; name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// fieldSets caches each model type's JSON field names: hasField runs on
// every query, and reflection there showed up in the allocation profile.
var fieldSets sync.Map // reflect.Type -> map[string]bool

func hasField(t reflect.Type, name string) bool {
	set, ok := fieldSets.Load(t)
	if !ok {
		m := map[string]bool{}
		for _, n := range FieldNames(t) {
			m[n] = true
		}
		set, _ = fieldSets.LoadOrStore(t, m)
	}
	return set.(map[string]bool)[name]
}
