// Command gpx_appmon_endpoints is the backend of the AppMon endpoints data
// source. Grafana starts it and talks to it over gRPC.
package main

import (
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/appmon/monitoring/pkg/plugin"
)

func main() {
	// Manage blocks until Grafana stops the plugin; it creates one
	// Datasource per configured data source and replaces it when the
	// settings change.
	if err := datasource.Manage(plugin.PluginID, plugin.NewDatasource, datasource.ManageOpts{}); err != nil {
		log.DefaultLogger.Error(err.Error())
		os.Exit(1)
	}
}
