package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/fleet"
	"github.com/appmon/monitoring/pkg/query"
)

// InstanceResult is one instance in the fleet health check's details.
type InstanceResult struct {
	Instance string `json:"instance"`
	OK       bool   `json:"ok"`
	Message  string `json:"message,omitempty"`
}

// fleetHealthDetails are the details of the instance checked in full, plus
// every instance's answer.
type fleetHealthDetails struct {
	HealthDetails
	Instances []InstanceResult `json:"instances"`
}

// checkFleetHealth probes every instance's health endpoint at once, then
// checks the first answering instance in full, as a single-instance data
// source is checked. The data source works when one instance answers; the
// message starts with how many did and names each that did not.
func (d *Datasource) checkFleetHealth(ctx context.Context, req *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	members, err := d.fleet.current(ctx)
	if err != nil {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: shorten(capitalize(listError(err).Error()))}, nil
	}
	if len(members) == 0 {
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: capitalize(errNoInstances.Error())}, nil
	}
	results := fleet.FanOut(ctx, instanceNames(members), d.fleet.sem, func(ctx context.Context, i int) (data.Frames, error) {
		_, err := members[i].client.Get(ctx, query.HealthRequest(true))
		return nil, err
	})
	answered, failed := fleet.Split(results)
	instances := make([]InstanceResult, len(results))
	var failures []string
	for i, r := range results {
		instances[i] = InstanceResult{Instance: r.Instance, OK: r.Err == nil}
		if r.Err != nil {
			instances[i].Message = r.Err.Error()
			failures = append(failures, r.Instance+" "+instanceFailure(r.Err))
		}
	}
	head := fmt.Sprintf("%d of %d instances answered", len(answered), len(results))
	if len(failures) > 0 {
		head += ": " + strings.Join(failures, "; ")
	}
	if n := d.fleet.notice(); n != "" {
		head += " (" + n + ")" // DNS served its last good answer
	}
	if len(answered) == 0 {
		body, _ := json.Marshal(fleetHealthDetails{HealthDetails: HealthDetails{Level: levelError, VerboseMessage: head}, Instances: instances})
		return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: shorten(head), JSONDetails: body}, nil
	}

	var first *member
	for _, m := range members {
		if m.target.Instance == answered[0].Instance {
			first = m
		}
	}
	one := &Datasource{settings: d.settings, client: first.client, runner: first.runner, red: d.red, logger: d.logger}
	res, err := one.checkHealth(ctx, req)
	if err != nil {
		return nil, err
	}
	var details HealthDetails
	_ = json.Unmarshal(res.JSONDetails, &details)
	if len(failed) > 0 && details.Level == levelOK {
		details.Level = levelWarning
	}
	details.VerboseMessage = head + "\n" + first.target.Instance + ": " + details.VerboseMessage
	body, err := json.Marshal(fleetHealthDetails{HealthDetails: details, Instances: instances})
	if err != nil {
		return nil, err
	}
	msg := head + ". " + first.target.Instance + ": " + res.Message
	return &backend.CheckHealthResult{Status: backend.HealthStatusOk, Message: shorten(msg), JSONDetails: body}, nil
}
