package plugin

import (
	"errors"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/query"
	"github.com/appmon/monitoring/pkg/settings"
	"github.com/appmon/monitoring/pkg/slo"
)

// errorResponse turns an error into a query response, marking who must
// act: downstream for the upstream server, the network, the settings or
// the query the user wrote; plugin only for our own bugs.
func errorResponse(err error) backend.DataResponse {
	var (
		ce  *client.Error
		bqe *query.BadQueryError
	)
	switch {
	case errors.As(err, &ce):
		return backend.DataResponse{Error: err, Status: ce.GrafanaStatus(), ErrorSource: backend.ErrorSourceDownstream}
	case errors.As(err, &bqe), isConfigError(err):
		return backend.DataResponse{Error: err, Status: backend.StatusBadRequest, ErrorSource: backend.ErrorSourceDownstream}
	case errors.As(err, new(*fleetError)):
		return backend.DataResponse{Error: err, Status: backend.StatusBadGateway, ErrorSource: backend.ErrorSourceDownstream}
	default:
		return backend.DataResponse{Error: err, Status: backend.StatusInternal, ErrorSource: backend.ErrorSourcePlugin}
	}
}

// isConfigError reports problems the user fixes in the data source
// settings: connection settings, SLO objectives or the on-call schedule.
func isConfigError(err error) bool {
	return errors.Is(err, settings.ErrConfig) || slo.IsConfigError(err) || oncall.IsConfigError(err)
}
