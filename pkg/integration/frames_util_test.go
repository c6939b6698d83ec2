package integration

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/plugin"
)

// alertHeaders are the headers Grafana's alerting engine sets on the
// QueryData requests of rule evaluations.
var alertHeaders = map[string]string{backend.FromAlertHeaderName: "true"}

// queryAs runs one query with the given request headers (nil for a panel).
func queryAs(t *testing.T, ds *plugin.Datasource, headers map[string]string, dq backend.DataQuery) backend.DataResponse {
	t.Helper()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Headers: headers, Queries: []backend.DataQuery{dq}})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Responses[dq.RefID]
}

// modelQuery is a query over the last rng with the given JSON model.
func modelQuery(model string, rng time.Duration) backend.DataQuery {
	return dataQuery("A", model, rng)
}

// frameNamed returns the first frame with the name, or fails.
func frameNamed(t *testing.T, frames data.Frames, name string) *data.Frame {
	t.Helper()
	for _, f := range frames {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no frame %q among %d frames", name, len(frames))
	return nil
}

// cell returns a column's value in a row as float64 (nil for null),
// failing when the column is missing or not numeric.
func cell(t *testing.T, f *data.Frame, column string, row int) *float64 {
	t.Helper()
	fld, i := f.FieldByName(column)
	if i < 0 {
		t.Fatalf("frame %q has no field %q", f.Name, column)
	}
	v, ok := fld.ConcreteAt(row)
	if !ok {
		return nil
	}
	switch n := v.(type) {
	case float64:
		return &n
	case int64:
		x := float64(n)
		return &x
	}
	t.Fatalf("field %q of frame %q is %s, not a number", column, f.Name, fld.Type())
	return nil
}

// text returns a string column's value in a row.
func text(t *testing.T, f *data.Frame, column string, row int) string {
	t.Helper()
	fld, i := f.FieldByName(column)
	if i < 0 {
		t.Fatalf("frame %q has no field %q", f.Name, column)
	}
	v, ok := fld.ConcreteAt(row)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.Fatalf("field %q of frame %q is %s, not a string", column, f.Name, fld.Type())
	}
	return s
}

// rowWhere is the first row whose string column equals value, or -1.
func rowWhere(t *testing.T, f *data.Frame, column, value string) int {
	t.Helper()
	for i := 0; i < f.Rows(); i++ {
		if text(t, f, column, i) == value {
			return i
		}
	}
	return -1
}

// mustJSON renders v for failure messages.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
