package query

import (
	"sort"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/oncall"
)

// Labels that put who is on call into alert notifications: Grafana copies
// a series' labels into the alert instance, and the notification template
// prints them. Grafana-managed annotations are rendered by Grafana alone
// and cannot ask the data source, so labels are the only way in.
const (
	LabelOncallPrimary   = "oncall_primary"
	LabelOncallSecondary = "oncall_secondary"
)

// oncallLabelNames maps the schedule's first and second layers to labels.
var oncallLabelNames = []string{LabelOncallPrimary, LabelOncallSecondary}

// OncallLabels returns who is on call at t in the schedule's first two
// layers. A layer with nobody on call (no members, not started) gives no
// label, so the template's "if" falls back to its default text.
func OncallLabels(s *oncall.Schedule, t time.Time) data.Labels {
	out := data.Labels{}
	for i, c := range s.Now(t) {
		if i >= len(oncallLabelNames) {
			break
		}
		if c.Shift != nil && c.Shift.Member.Name != "" {
			out[oncallLabelNames[i]] = c.Shift.Member.Name
		}
	}
	return out
}

// AddOncallLabels adds the on-call labels at t to every numeric series of
// an alert query: field labels of time series frames, string columns of
// numeric-long frames (whose string columns are the labels). Tables are
// not numeric series and stay as they are. A label the series already
// has is kept, so label sets stay unique.
func AddOncallLabels(frames data.Frames, s *oncall.Schedule, t time.Time) {
	labels := OncallLabels(s, t)
	if len(labels) == 0 {
		return
	}
	for _, f := range frames {
		if f.Meta == nil {
			continue
		}
		switch f.Meta.Type {
		case data.FrameTypeNumericLong:
			addLabelColumns(f, labels)
		case data.FrameTypeTimeSeriesMulti, data.FrameTypeTimeSeriesWide:
			for _, fld := range f.Fields {
				if !fld.Type().Numeric() {
					continue
				}
				if fld.Labels == nil {
					fld.Labels = data.Labels{}
				}
				for k, v := range labels {
					if _, taken := fld.Labels[k]; !taken {
						fld.Labels[k] = v
					}
				}
			}
		}
	}
}

// addLabelColumns appends one constant string column per label.
func addLabelColumns(f *data.Frame, labels data.Labels) {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := f.Rows()
	for _, k := range keys {
		if _, idx := f.FieldByName(k); idx >= 0 {
			continue
		}
		values := make([]string, rows)
		for i := range values {
			values[i] = labels[k]
		}
		f.Fields = append(f.Fields, data.NewField(k, nil, values))
	}
}
