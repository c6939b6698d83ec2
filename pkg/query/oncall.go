package query

import (
	"context"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/frames"
	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/parse"
)

// On-call views (oncallView).
const (
	OncallViewNow        = "now"
	OncallViewShifts     = "shifts"
	OncallViewEscalation = "escalation"
)

// parseOncallFields validates the oncall query's options and applies
// their defaults.
func parseOncallFields(q *Query) error {
	if q.Type != TypeOncall {
		return nil
	}
	q.OncallView = strings.ToLower(strings.TrimSpace(q.OncallView))
	switch q.OncallView {
	case "":
		q.OncallView = OncallViewNow
	case OncallViewNow, OncallViewShifts, OncallViewEscalation:
	default:
		return badQueryf("unknown oncallView %q: use now, shifts or escalation", q.Model.OncallView)
	}
	switch {
	case q.ShiftCount == 0:
		q.ShiftCount = oncall.DefaultShiftCount
	case q.ShiftCount < 0 || q.ShiftCount > oncall.MaxShiftCount:
		return badQueryf("shiftCount %d must be between 1 and %d", q.ShiftCount, oncall.MaxShiftCount)
	}
	return nil
}

// runOncall answers from the schedule in the settings; only the
// escalation view calls the server (for the active alerts).
func (r *Runner) runOncall(ctx context.Context, q Query, tr *trace) (data.Frames, error) {
	s := r.Schedule
	if s == nil {
		return nil, badQueryf("this data source has no on-call schedule; add jsonData.%s to its settings", oncall.JSONDataKey)
	}
	now := r.now().UTC()
	switch q.OncallView {
	case OncallViewShifts:
		return data.Frames{frames.OncallShiftsFrame(s, now, q.ShiftCount)}, nil
	case OncallViewEscalation:
		active, err := r.ActiveAlerts(ctx, q.Severities, tr)
		if err != nil {
			return nil, err
		}
		return data.Frames{frames.OncallEscalationFrame(s, escalationAlerts(active), now), frames.EscalationPolicyFrame(s)}, nil
	default:
		return data.Frames{frames.OncallNowFrame(s, now)}, nil
	}
}

// escalationAlerts keeps what escalation needs of the contract's alerts.
func escalationAlerts(in []parse.Alert) []oncall.Alert {
	out := make([]oncall.Alert, 0, len(in))
	for _, a := range in {
		out = append(out, oncall.Alert{
			ID: a.ID, Name: a.Name, Severity: a.Severity, Status: a.Status,
			StartedAt: a.StartedAt, AcknowledgedAt: a.AcknowledgedAt, ResolvedAt: a.ResolvedAt,
		})
	}
	return out
}
