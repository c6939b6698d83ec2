package fleet

import (
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// takeMeta removes the notices and executed requests from every answering
// instance's frames and returns them merged (MergeNotices), each request
// line prefixed with its instance. The caller puts them on the first
// frame of the combined answer.
func takeMeta(answered []Result) ([]data.Notice, string) {
	insts := make([]string, len(answered))
	notices := make([][]data.Notice, len(answered))
	var executed []string
	for i, r := range answered {
		insts[i] = r.Instance
		for _, f := range r.Frames {
			if f == nil || f.Meta == nil {
				continue
			}
			notices[i] = append(notices[i], f.Meta.Notices...)
			f.Meta.Notices = nil
			executed = append(executed, PrefixLines(r.Instance, strings.Split(f.Meta.ExecutedQueryString, "\n"))...)
			f.Meta.ExecutedQueryString = ""
		}
	}
	return MergeNotices(insts, notices), strings.Join(executed, "\n")
}

// MergeNotices merges the instances' notices: one every instance gave
// once, one only some gave with their names ("Instance a:4000: ...").
func MergeNotices(instances []string, notices [][]data.Notice) []data.Notice {
	type seen struct {
		n     data.Notice
		insts []string
	}
	var order []string
	byText := map[string]*seen{}
	for i, ns := range notices {
		for _, n := range ns {
			s, ok := byText[n.Text]
			if !ok {
				s = &seen{n: n}
				byText[n.Text] = s
				order = append(order, n.Text)
			}
			if len(s.insts) == 0 || s.insts[len(s.insts)-1] != instances[i] {
				s.insts = append(s.insts, instances[i])
			}
		}
	}
	out := make([]data.Notice, 0, len(order))
	for _, text := range order {
		s := byText[text]
		n := s.n
		if len(s.insts) < len(instances) {
			n.Text = "Instance " + strings.Join(s.insts, ", ") + ": " + text
		}
		out = append(out, n)
	}
	return out
}

// PrefixLines puts the instance before each non-empty request line.
func PrefixLines(instance string, lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l != "" {
			out = append(out, instance+" "+l)
		}
	}
	return out
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

// Annotate adds notices (the failing instances, a view's remark) after
// the first frame's notices: Grafana's panel header shows the last notice
// of each severity, and which instances are missing matters most.
func Annotate(frames data.Frames, notices ...data.Notice) {
	if len(frames) == 0 || len(notices) == 0 {
		return
	}
	f := frames[0]
	if f.Meta == nil {
		f.Meta = &data.FrameMeta{}
	}
	f.Meta.Notices = append(f.Meta.Notices, notices...)
}
