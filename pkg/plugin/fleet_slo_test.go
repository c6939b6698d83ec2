package plugin

import (
	"fmt"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

// Instances alike (the same fake) make a fleet whose objectives evaluate
// exactly as one instance's: the combination weighs, sums and averages
// without changing what one workload says. A stopped instance is named.
func TestFleetSLOEvaluatesTheCombinedInputs(t *testing.T) {
	a := fakeapi.New(t)
	single := newDS(t, a.URL, `{"retries":0}`, map[string]string{"apiKey": fakeapi.APIKey})
	ds := newFleetDS(t, a.URL, fakeapi.New(t).URL, stoppedURL(t))
	one := queryFleet(t, single, `{"queryType":"slo"}`, nil)
	oneFleet := queryFleet(t, single, `{"queryType":"slo","fleetView":"fleet"}`, nil)
	res := queryFleet(t, ds, `{"queryType":"slo","fleetView":"fleet"}`, nil)
	for _, r := range []error{one.Error, oneFleet.Error, res.Error} {
		if r != nil {
			t.Fatal(r)
		}
	}
	want := sloRows(t, one.Frames[0])
	for name, got := range map[string]string{"one instance as a fleet": sloRows(t, oneFleet.Frames[0]), "fleet": sloRows(t, res.Frames[0])} {
		if got != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
	}
	if n := noticesOf(res.Frames); !strings.Contains(n, "showing 2 of 3 instances") {
		t.Errorf("notices %q", n)
	}
	if _, i := res.Frames[0].FieldByName("instance"); i >= 0 {
		t.Error("the fleet's objectives are not per instance")
	}
}

// sloRows prints the slo frame's objectives and numbers.
func sloRows(t *testing.T, f *data.Frame) string {
	t.Helper()
	if f.Name != "slo" || f.Rows() == 0 {
		t.Fatalf("frame %q with %d rows", f.Name, f.Rows())
	}
	var b strings.Builder
	for i := 0; i < f.Rows(); i++ {
		for _, fd := range f.Fields {
			if v, ok := fd.ConcreteAt(i); ok {
				b.WriteString(fd.Name + "=" + fmtValue(v) + " ")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func fmtValue(v any) string { return fmt.Sprint(v) }
