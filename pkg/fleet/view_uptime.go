package fleet

import (
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/frames"
)

// Uptime is the fleet view of the uptime query: "fleet_uptime" (instances
// up of all; one that did not answer is not up) and the instances' series
// combined, availability as the mean of the instances'. An answering
// instance is up unless it reports itself down (status 0).
func Uptime(answered []Result, total int, keep Keep) data.Frames {
	up := 0
	for _, r := range answered {
		down := false
		eachValue(r.Frames, "uptime.status", func(labels data.Labels, v *float64) {
			down = down || (v != nil && *v == 0)
		})
		if !down {
			up++
		}
	}
	return withHead(data.Frames{frames.FleetUptimeFrame(up, total)}, filterSeries(Series(answered), keep))
}
