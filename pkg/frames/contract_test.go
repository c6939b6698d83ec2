package frames

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/slo"
)

var update = flag.Bool("update", false, "rewrite src/shared/frameContract.gen.ts")

// tsContractFile is the contract as the frontend reads it.
const tsContractFile = "../../src/shared/frameContract.gen.ts"

// TestBuildersFollowTheContract: every builder's frame has exactly its
// spec's name, fields, order and types.
func TestBuildersFollowTheContract(t *testing.T) {
	s := oncall.DefaultSchedule()
	built := map[string]*data.Frame{
		FrameAlerts:           AlertsFrame(FrameAlerts, []parse.Alert{{ID: "a"}}),
		FrameSLO:              SLOFrame(nil),
		FrameSLOTrend:         SLOTrendFrames([]slo.Result{slo.Compute(slo.DefaultObjectives()[0], slo.SLI{}, testNow)}, 10)[0],
		FrameOncallNow:        OncallNowFrame(s, testNow),
		FrameOncallShifts:     OncallShiftsFrame(s, testNow, 2),
		FrameOncallEscalation: OncallEscalationFrame(s, nil, testNow),
		FrameEscalationPolicy: EscalationPolicyFrame(s),
		FrameFleetHealth:      FleetHealthFrame(4, 5),
		FrameFleetComponents:  FleetComponentsFrame([]ComponentHealth{{"redis", 4, 5}}),
		FrameFleetUptime:      FleetUptimeFrame(4, 5),
	}
	if len(built) != len(Contract) {
		t.Fatalf("%d builders for %d frames of the contract", len(built), len(Contract))
	}
	for _, spec := range Contract {
		f := built[spec.Name]
		if f == nil || f.Name != spec.Name || len(f.Fields) != len(spec.Fields) {
			t.Fatalf("%s: built %v", spec.Name, f)
		}
		for i, fs := range spec.Fields {
			if got := f.Fields[i]; got.Name != fs.Name || got.Type() != fs.Type {
				t.Errorf("%s field %d: built %s (%s), contract %s (%s)", spec.Name, i, got.Name, got.Type(), fs.Name, fs.Type)
			}
		}
	}
}

// TestSharedFieldsAgree: a field name of one kind (time, number, ...) is
// nullable in every frame or in none (shift_start is nullable wherever it
// appears). A name may mean different things in unrelated frames (target
// is a percentage in slo and a person in escalation_policy).
func TestSharedFieldsAgree(t *testing.T) {
	seen := map[string]string{}
	types := map[string]data.FieldType{}
	for _, spec := range Contract {
		for _, fs := range spec.Fields {
			if prev, ok := types[fs.Name]; ok && tsType(prev) == tsType(fs.Type) && prev != fs.Type {
				t.Errorf("%s is %s in %s but %s in %s", fs.Name, fs.Type, spec.Name, prev, seen[fs.Name])
			}
			types[fs.Name], seen[fs.Name] = fs.Type, spec.Name
		}
	}
}

// TestTypeScriptContract: the frontend's copy of the contract is generated
// from Contract; edit the Go side and run go test ./pkg/frames -update.
func TestTypeScriptContract(t *testing.T) {
	want := typescriptContract()
	have, _ := os.ReadFile(tsContractFile)
	if string(have) == want {
		return
	}
	if *update {
		if err := os.WriteFile(tsContractFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("src/shared/frameContract.gen.ts does not match pkg/frames; run go test ./pkg/frames -update (never edit it by hand)")
}

func typescriptContract() string {
	var b strings.Builder
	b.WriteString("// Generated from pkg/frames/contract.go by `go test ./pkg/frames -update`. Do not edit:\n")
	b.WriteString("// change the Go contract. The frames the backend answers with, their fields in order and the\n")
	b.WriteString("// type each field has (nullable or not, a field keeps one type in every frame).\n")
	b.WriteString("export const FRAME_CONTRACT = {\n")
	for _, spec := range Contract {
		fmt.Fprintf(&b, "  %s: {\n", spec.Name)
		for _, fs := range spec.Fields {
			fmt.Fprintf(&b, "    %s: '%s',\n", fs.Name, tsType(fs.Type))
		}
		b.WriteString("  },\n")
	}
	b.WriteString("} as const;\n\n")
	b.WriteString("export type FrameName = keyof typeof FRAME_CONTRACT;\n")
	return b.String()
}

// tsType is the kind of value a panel reads from a field.
func tsType(t data.FieldType) string {
	switch {
	case t == data.FieldTypeTime || t == data.FieldTypeNullableTime:
		return "time"
	case t == data.FieldTypeBool || t == data.FieldTypeNullableBool:
		return "boolean"
	case t.Numeric():
		return "number"
	}
	return "string"
}
