package fleet

import (
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// takeMeta removes the notices and executed requests from every answering
// instance's frames and returns them merged: a notice every instance gave
// once, one only some gave with the instance's name, and each request
// line prefixed with its instance. The caller puts them on the first
// frame of the combined answer.
func takeMeta(answered []Result) ([]data.Notice, string) {
	type seen struct {
		n     data.Notice
		insts []string
	}
	var order []string
	byText := map[string]*seen{}
	var executed []string
	for _, r := range answered {
		for _, f := range r.Frames {
			if f == nil || f.Meta == nil {
				continue
			}
			for _, n := range f.Meta.Notices {
				s, ok := byText[n.Text]
				if !ok {
					s = &seen{n: n}
					byText[n.Text] = s
					order = append(order, n.Text)
				}
				if len(s.insts) == 0 || s.insts[len(s.insts)-1] != r.Instance {
					s.insts = append(s.insts, r.Instance)
				}
			}
			f.Meta.Notices = nil
			if q := f.Meta.ExecutedQueryString; q != "" {
				for _, line := range strings.Split(q, "\n") {
					if line != "" {
						executed = append(executed, r.Instance+" "+line)
					}
				}
				f.Meta.ExecutedQueryString = ""
			}
		}
	}
	notices := make([]data.Notice, 0, len(order))
	for _, text := range order {
		s := byText[text]
		n := s.n
		if len(s.insts) < len(answered) {
			n.Text = "Instance " + strings.Join(s.insts, ", ") + ": " + text
		}
		notices = append(notices, n)
	}
	return notices, strings.Join(executed, "\n")
}

// putMeta sets merged notices (and extra ones, first) and the executed
// requests on the first frame.
func putMeta(frames data.Frames, notices []data.Notice, executed string) {
	if len(frames) == 0 {
		return
	}
	f := frames[0]
	if f.Meta == nil {
		f.Meta = &data.FrameMeta{}
	}
	f.Meta.Notices = append(f.Meta.Notices, notices...)
	f.Meta.ExecutedQueryString = executed
}

// Annotate adds notices (the failing instances, a view's remark) in front
// of the first frame's notices.
func Annotate(frames data.Frames, notices ...data.Notice) {
	if len(frames) == 0 || len(notices) == 0 {
		return
	}
	f := frames[0]
	if f.Meta == nil {
		f.Meta = &data.FrameMeta{}
	}
	f.Meta.Notices = append(append([]data.Notice{}, notices...), f.Meta.Notices...)
}
