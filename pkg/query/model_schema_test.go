package query

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	sdkapi "github.com/grafana/grafana-plugin-sdk-go/experimental/apis/datasource/v0alpha1"
	"github.com/grafana/grafana-plugin-sdk-go/experimental/schemabuilder"

	"github.com/appmon/monitoring/pkg/oncall"
)

var updateSchema = flag.Bool("update", false, "rewrite the query schema's TypeScript (src/datasource/queryModel.gen.ts)")

const (
	schemaDir     = "schema"
	schemaVersion = "v0alpha1"
	// tsModelFile is the editor's query type, generated from the schema.
	tsModelFile = "../../src/datasource/queryModel.gen.ts"
)

// TestQuerySchema writes the JSON schema of every query type from its
// model struct with the SDK's schemabuilder (schema/v0alpha1/
// query.types.json, failing when it changed) and checks that the
// TypeScript generated from it is current: a field added in Go fails here
// until both are regenerated, and one added by hand to the TypeScript
// fails here too.
func TestQuerySchema(t *testing.T) {
	b, err := schemabuilder.NewSchemaBuilder(schemabuilder.BuilderOptions{
		PluginID: []string{"appmon-endpoints-datasource"},
		ScanCode: []schemabuilder.CodePaths{{BasePackage: "github.com/appmon/monitoring/pkg/query", CodePath: "./"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var infos []schemabuilder.QueryTypeInfo
	for _, d := range typeDefs {
		infos = append(infos, schemabuilder.QueryTypeInfo{
			Description:    d.Description,
			Discriminators: sdkapi.NewDiscriminators("queryType", string(d.Type)),
			GoType:         d.Model,
		})
	}
	if err := b.AddQueries(infos); err != nil {
		t.Fatal(err)
	}
	b.UpdateProviderFiles(t, schemaVersion, schemaDir)

	defs := readSchema(t)
	ts, err := typescriptModel(defs)
	if err != nil {
		t.Fatal(err)
	}
	have, _ := os.ReadFile(tsModelFile)
	if string(have) != ts {
		if *updateSchema {
			if err := os.WriteFile(tsModelFile, []byte(ts), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s does not match the query schema; run go test ./pkg/query -run TestQuerySchema -update (never edit it by hand)", filepath.Base(tsModelFile))
	}
}

func readSchema(t *testing.T) sdkapi.QueryTypeDefinitionList {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(schemaDir, schemaVersion, "query.types.json"))
	if err != nil {
		t.Fatal(err)
	}
	var defs sdkapi.QueryTypeDefinitionList
	if err := json.Unmarshal(raw, &defs); err != nil {
		t.Fatal(err)
	}
	return defs
}

// TestQuerySchemaMatchesParse: the enums and bounds the schema (and so the
// editor) offers are the ones Parse accepts.
func TestQuerySchemaMatchesParse(t *testing.T) {
	props := map[string]map[string]any{}
	for _, item := range readSchema(t).Items {
		for name, p := range schemaProperties(item) {
			props[name] = p
		}
	}
	enum := func(field string) []string {
		var out []string
		for _, v := range props[field]["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	var formatList []string
	for f := range formats {
		if f != "" {
			formatList = append(formatList, f)
		}
	}
	for field, want := range map[string][]string{
		"format":       formatList,
		"alertsAction": {AlertsActive, AlertsHistory, AlertsConfiguration},
		"oncallView":   {OncallViewNow, OncallViewShifts, OncallViewEscalation},
	} {
		got := enum(field)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the schema offers %v, Parse accepts %v", field, got, want)
		}
	}
	if max := props["shiftCount"]["maximum"]; max != float64(oncall.MaxShiftCount) {
		t.Errorf("shiftCount: the schema's maximum is %v, Parse allows %d", max, oncall.MaxShiftCount)
	}
}

// TestQueryTypesLive: a type streams exactly when its model has the live
// field, and then it has a snapshot reader.
func TestQueryTypesLive(t *testing.T) {
	for _, d := range typeDefs {
		if Streams(d.Type) != (d.Snapshot != nil) {
			t.Errorf("%s: live field %v, snapshot reader %v", d.Type, Streams(d.Type), d.Snapshot != nil)
		}
		if d.Model.Kind() != reflect.Struct || d.Run == nil || d.Description == "" {
			t.Errorf("%s: incomplete type definition", d.Type)
		}
	}
	// Every field of Model belongs to at least one query type.
	used := map[string]bool{"queryType": true}
	for _, d := range typeDefs {
		for _, f := range FieldNames(d.Model) {
			used[f] = true
		}
	}
	model := FieldNames(reflect.TypeFor[Model]())
	for f := range used {
		if !slices.Contains(model, f) {
			t.Errorf("query type field %q is not in Model, so it is never read; embed its group in Model", f)
		}
	}
	for _, f := range model {
		if !used[f] {
			t.Errorf("Model field %q is read by no query type; add its group to a type's model struct", f)
		}
	}
}
