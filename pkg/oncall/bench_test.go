package oncall

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkQueriesWithManyOverrides: the three query views on a schedule at
// the configuration limit of overrides, one after another in one layer.
func BenchmarkQueriesWithManyOverrides(b *testing.B) {
	var o []string
	start := utc("2025-01-06T00:00:00Z")
	for i := range MaxOverrides {
		from := start.Add(time.Duration(i) * 6 * time.Hour)
		o = append(o, fmt.Sprintf(`{"layer":"primary","name":"X%d","start":%q,"end":%q}`, i,
			from.Format(time.RFC3339), from.Add(4*time.Hour).Format(time.RFC3339)))
	}
	s, err := ParseSchedule([]byte(`{"oncall":{"layers":[{"name":"primary","members":[{"name":"A"},{"name":"B"}]},
		{"name":"secondary","members":[{"name":"C"}]}],"overrides":[` + strings.Join(o, ",") + `]}}`))
	if err != nil {
		b.Fatal(err)
	}
	d := DefaultSchedule()
	s.Escalation = d.Escalation
	at := start.Add(30 * 24 * time.Hour)
	alerts := []Alert{{ID: "a", Status: "firing", StartedAt: at.Add(-20 * time.Minute)}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.Now(at)
		s.Shifts(at, DefaultShiftCount)
		s.Escalations(alerts, at)
	}
}
