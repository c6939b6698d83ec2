// Package plugin is the Grafana backend of the AppMon endpoints data
// source: one instance per configured data source, one file per handler.
package plugin

import (
	"context"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/backend/resource/httpadapter"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/redact"
	"github.com/appmon/monitoring/pkg/settings"
)

// PluginID is the data source's plugin ID.
const PluginID = "appmon-endpoints-datasource"

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ backend.CallResourceHandler   = (*Datasource)(nil)
	_ backend.StreamHandler         = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

// Datasource is one configured AppMon data source.
type Datasource struct {
	// configErr is set when the settings are unusable. The instance still
	// exists so every handler can answer with the message that says what
	// to fix, instead of a generic plugin failure.
	configErr error
	settings  *settings.Settings
	client    *client.Client
	runner    *query.Runner
	// fleet is set when the settings list several instances (fleet.go);
	// client and runner then still read the data source URL for the
	// editors' pickers, the preview and the alert actions.
	fleet     *fleetSet
	resources backend.CallResourceHandler

	// red and logger remove the keys from every output (redact_boundary.go).
	red    *redact.Redactor
	logger log.Logger
}

// NewDatasource is the instance factory Grafana calls when a data source
// is created or its settings change. settings.Load reads the whole
// configuration (connection, SLO objectives, on-call schedule) and reports
// every problem at once, so one save shows everything to fix.
func NewDatasource(ctx context.Context, s backend.DataSourceInstanceSettings) (instancemgmt.Instance, error) {
	ds := &Datasource{}
	ds.resources = httpadapter.New(ds.routes())
	mapping, mapErr := settings.LoadMappings(s.JSONData)
	st, err := settings.Load(ctx, s)
	ds.useRedactor(st, s)
	if err != nil {
		ds.configErr = settings.JoinProblems(err, mapErr)
		return ds, nil
	}
	c, err := client.New(st)
	if err != nil {
		ds.configErr = err
		return ds, nil
	}
	c.SetMapping(mapping)
	// A broken mapping stops every handler but the preview, which keeps the
	// client to try a corrected mapping before it is saved.
	ds.configErr = mapErr
	ds.settings, ds.client = st, c
	ds.runner = &query.Runner{Client: c, DataSourceUID: s.UID, Objectives: st.Objectives, Schedule: st.Schedule,
		History: query.NewHistoryCache(st.HistoryCacheBytes)}
	if st.Fleet != nil {
		ds.fleet = newFleetSet(st, mapping, s.UID)
	}
	return ds, nil
}

// Dispose releases the HTTP client's connections when Grafana replaces
// the instance after a settings change.
func (d *Datasource) Dispose() {
	if d.client != nil {
		d.client.Close()
	}
	if d.fleet != nil {
		d.fleet.close()
	}
}
