package oncall

import "time"

// EmptyLayerNotices are the warnings of a shifts view: one per layer
// nobody is on (the layer has no members).
func (s *Schedule) EmptyLayerNotices(t time.Time) []string {
	var out []string
	for i := range s.Layers {
		if len(s.Layers[i].Members) == 0 {
			out = append(out, nobodyNotice(&s.Layers[i], t))
		}
	}
	return out
}

// PolicyNotices are the warnings of an escalation view: none unless the
// schedule has no escalation policy.
func (s *Schedule) PolicyNotices() []string {
	if len(s.Escalation) == 0 {
		return []string{noPolicyWarning}
	}
	return nil
}
