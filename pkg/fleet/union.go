package fleet

import (
	"sort"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// union is one table frame (alerts, rules, SLO rows) built from the same
// frame of every instance, with a column naming the instance of each row.
type union struct {
	proto *data.Frame
	parts []unionPart
}

type unionPart struct {
	instance string
	frame    *data.Frame
}

// sameLayout reports whether two frames have the same fields in the same
// order and types, so their rows can share one table.
func sameLayout(a, b *data.Frame) bool {
	if len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Fields {
		if a.Fields[i].Name != b.Fields[i].Name || a.Fields[i].Type() != b.Fields[i].Type() {
			return false
		}
	}
	return true
}

// frame builds the table: every part's rows, oldest first when the table
// starts with a time (alerts), and the instance column last.
func (u *union) frame() *data.Frame {
	type row struct {
		part, i int
	}
	var rows []row
	for p, part := range u.parts {
		for i := 0; i < part.frame.Rows(); i++ {
			rows = append(rows, row{p, i})
		}
	}
	if len(u.proto.Fields) > 0 && u.proto.Fields[0].Type() == data.FieldTypeTime {
		sort.SliceStable(rows, func(a, b int) bool {
			ta := u.parts[rows[a].part].frame.Fields[0].At(rows[a].i).(time.Time)
			tb := u.parts[rows[b].part].frame.Fields[0].At(rows[b].i).(time.Time)
			return ta.Before(tb)
		})
	}
	out := data.NewFrame(u.proto.Name)
	out.Meta = u.proto.Meta
	for j, pf := range u.proto.Fields {
		f := data.NewFieldFromFieldType(pf.Type(), len(rows))
		f.Name, f.Labels, f.Config = pf.Name, pf.Labels, pf.Config
		for k, r := range rows {
			f.Set(k, u.parts[r.part].frame.Fields[j].At(r.i))
		}
		out.Fields = append(out.Fields, f)
	}
	inst := make([]string, len(rows))
	for k, r := range rows {
		inst[k] = u.parts[r.part].instance
	}
	col := data.NewField(InstanceLabel, nil, inst)
	col.Config = &data.FieldConfig{DisplayNameFromDS: "Instance"}
	out.Fields = append(out.Fields, col)
	return out
}
