package plugin

import (
	"context"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/appmon/monitoring/pkg/redact"
	"github.com/appmon/monitoring/pkg/settings"
)

// Every answer leaves the instance through the handlers below, which
// remove the API key and the admin key from it (any case, encoded or cut
// to 8+ characters, see pkg/redact): an upstream can echo what it was
// sent into an error body, a service message or an alert text, and the
// handlers' own code need not remember to redact.

// useRedactor installs the instance's redactor and its logger. The
// settings build it when they load; unusable settings still get one from
// the raw secrets, so even a configuration error answer is scrubbed.
func (d *Datasource) useRedactor(st *settings.Settings, s backend.DataSourceInstanceSettings) {
	if st != nil && st.Redactor != nil {
		d.red = st.Redactor
	} else {
		d.red = settings.NewRedactor(s)
	}
	d.logger = d.red.Logger(backend.Logger)
}

// log is the instance's logger for a request: fields and message redacted.
func (d *Datasource) log(ctx context.Context) log.Logger {
	if d.logger == nil {
		return redact.New().Logger(backend.Logger).FromContext(ctx)
	}
	return d.logger.FromContext(ctx)
}

// QueryData answers with every query's error and frames redacted.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	resp, err := d.queryData(ctx, req)
	if resp != nil && d.red.Active() {
		for ref, r := range resp.Responses {
			r.Error = d.red.Error(r.Error)
			d.red.Frames(r.Frames)
			resp.Responses[ref] = r
		}
	}
	return resp, d.red.Error(err)
}

// CheckHealth answers with the message and the details redacted.
func (d *Datasource) CheckHealth(ctx context.Context, req *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	res, err := d.checkHealth(ctx, req)
	if res != nil {
		res.Message = d.red.String(res.Message)
		res.JSONDetails = d.red.Bytes(res.JSONDetails)
	}
	return res, d.red.Error(err)
}

// CallResource serves the routes in resources.go with bodies and headers
// redacted. The HTTP adapter sends a response in one piece (the routes
// never flush), so a key cannot straddle two chunks.
func (d *Datasource) CallResource(ctx context.Context, req *backend.CallResourceRequest, sender backend.CallResourceResponseSender) error {
	err := d.resources.CallResource(ctx, req, backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
		if r != nil && d.red.Active() {
			r.Body = d.red.Bytes(r.Body)
			for k, vs := range r.Headers {
				for i, v := range vs {
					vs[i] = d.red.String(v)
				}
				r.Headers[k] = vs
			}
			delete(r.Headers, "Content-Length")
		}
		return sender.Send(r)
	}))
	return d.red.Error(err)
}
