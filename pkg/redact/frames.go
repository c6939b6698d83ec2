package redact

import (
	"encoding/json"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frames redacts, in place, every string of the frames that can carry
// text from the server: names, labels, notices, display texts, links and
// string values (alert descriptions, service errors, label JSON).
func (r *Redactor) Frames(frames data.Frames) {
	if !r.Active() {
		return
	}
	for _, f := range frames {
		r.Frame(f)
	}
}

// Frame redacts one frame in place.
func (r *Redactor) Frame(f *data.Frame) {
	if f == nil || !r.Active() {
		return
	}
	f.Name = r.String(f.Name)
	if m := f.Meta; m != nil {
		m.ExecutedQueryString = r.String(m.ExecutedQueryString)
		for i := range m.Notices {
			m.Notices[i].Text = r.String(m.Notices[i].Text)
			m.Notices[i].Link = r.String(m.Notices[i].Link)
		}
	}
	for _, fd := range f.Fields {
		r.field(fd)
	}
}

func (r *Redactor) field(fd *data.Field) {
	fd.Name = r.String(fd.Name)
	if fd.Labels != nil {
		for k, v := range fd.Labels {
			ck, cv := r.String(k), r.String(v)
			if ck != k {
				delete(fd.Labels, k)
			}
			if ck != k || cv != v { // unchanged labels cost no map write
				fd.Labels[ck] = cv
			}
		}
	}
	if c := fd.Config; c != nil {
		c.DisplayName = r.String(c.DisplayName)
		c.DisplayNameFromDS = r.String(c.DisplayNameFromDS)
		c.Description = r.String(c.Description)
		c.Path = r.String(c.Path)
		for i := range c.Links {
			c.Links[i].Title = r.String(c.Links[i].Title)
			c.Links[i].URL = r.String(c.Links[i].URL)
		}
	}
	switch fd.Type() {
	case data.FieldTypeString:
		for i := 0; i < fd.Len(); i++ {
			v := fd.At(i).(string)
			if c := r.String(v); c != v {
				fd.Set(i, c)
			}
		}
	case data.FieldTypeNullableString:
		for i := 0; i < fd.Len(); i++ {
			if v, _ := fd.At(i).(*string); v != nil {
				if c := r.String(*v); c != *v {
					fd.Set(i, &c)
				}
			}
		}
	case data.FieldTypeJSON:
		for i := 0; i < fd.Len(); i++ {
			v := fd.At(i).(json.RawMessage)
			if c := r.Bytes(v); changed(c, v) {
				fd.Set(i, json.RawMessage(c))
			}
		}
	case data.FieldTypeNullableJSON:
		for i := 0; i < fd.Len(); i++ {
			if v, _ := fd.At(i).(*json.RawMessage); v != nil {
				if c := json.RawMessage(r.Bytes(*v)); changed(c, *v) {
					fd.Set(i, &c)
				}
			}
		}
	}
}

// changed reports whether Bytes returned a new slice (it returns its
// input when there is nothing to redact).
func changed(out, in []byte) bool {
	return len(out) != len(in) || (len(out) > 0 && &out[0] != &in[0])
}
