package plugin

import (
	"context"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// SubscribeStream accepts the live paths query.LivePath produces; anyone
// who may query the data source may watch its streams.
func (d *Datasource) SubscribeStream(_ context.Context, req *backend.SubscribeStreamRequest) (*backend.SubscribeStreamResponse, error) {
	if d.configErr != nil {
		return &backend.SubscribeStreamResponse{Status: backend.SubscribeStreamStatusNotFound}, nil
	}
	if _, _, err := parseStreamPath(req.Path); err != nil { // fleet_live.go
		return &backend.SubscribeStreamResponse{Status: backend.SubscribeStreamStatusNotFound}, nil
	}
	return &backend.SubscribeStreamResponse{Status: backend.SubscribeStreamStatusOK}, nil
}

// PublishStream is refused: streams are read-only.
func (d *Datasource) PublishStream(context.Context, *backend.PublishStreamRequest) (*backend.PublishStreamResponse, error) {
	return &backend.PublishStreamResponse{Status: backend.PublishStreamStatusPermissionDenied}, nil
}

// RunStream polls the upstream every stream interval (data source
// setting, default 5 s) and sends the current values. Grafana runs one
// stream per channel however many viewers watch it, and the client's cache
// serves panels polling the same endpoint. A failed poll is logged and
// retried on the next tick; the stream ends when Grafana cancels ctx.
func (d *Datasource) RunStream(ctx context.Context, req *backend.RunStreamRequest, sender *backend.StreamSender) error {
	if d.configErr != nil {
		return d.red.Error(d.configErr)
	}
	q, fleetView, err := parseStreamPath(req.Path)
	if err != nil {
		return d.red.Error(err)
	}
	logger := d.log(ctx) // redacts the poll errors it logs
	ticker := time.NewTicker(d.settings.StreamInterval)
	defer ticker.Stop()
	for {
		frame, err := d.liveFrame(ctx, q, fleetView)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			logger.Warn("live poll failed", "path", req.Path, "error", err.Error())
		default:
			d.red.Frame(frame)
			if err := sender.SendFrame(frame, data.IncludeAll); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				logger.Warn("live send failed", "path", req.Path, "error", err.Error())
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}
