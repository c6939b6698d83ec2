package query

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	sdkapi "github.com/grafana/grafana-plugin-sdk-go/experimental/apis/datasource/v0alpha1"
)

// schemaProperties are one query type's properties in the schema.
func schemaProperties(item sdkapi.QueryTypeDefinition) map[string]map[string]any {
	raw, _ := json.Marshal(item.Spec.Schema.Spec)
	var s struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	_ = json.Unmarshal(raw, &s)
	return s.Properties
}

// typescriptModel writes the editor's query type from the schema: the
// AppMonQuery interface (every field of every type, documented by the Go
// comments), the enums, and the per-type contract the editor is driven by
// (fields, live, bounds). Property order is sorted so the file is stable.
func typescriptModel(defs sdkapi.QueryTypeDefinitionList) (string, error) {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// Generated from pkg/query/schema/%s/query.types.json by\n", schemaVersion)
	w("// `go test ./pkg/query -run TestQuerySchema -update`. Do not edit: change the Go model.\n")
	w("import type { DataQuery } from '@grafana/schema';\n\n")

	type prop struct {
		name string
		p    map[string]any
	}
	all := map[string]map[string]any{}
	var types []string
	fields := map[string][]string{}
	// The schema file keeps its items in the order they were added; the
	// editor's order is the order of typeDefs.
	slices.SortStableFunc(defs.Items, func(a, b sdkapi.QueryTypeDefinition) int {
		return slices.Index(Types, Type(a.Name)) - slices.Index(Types, Type(b.Name))
	})
	for _, item := range defs.Items {
		if len(item.Spec.Discriminators) != 1 || item.Spec.Discriminators[0].Field != "queryType" {
			return "", fmt.Errorf("%s: want one queryType discriminator", item.Name)
		}
		qt := item.Spec.Discriminators[0].Value
		types = append(types, qt)
		for name, p := range schemaProperties(item) {
			if prev, ok := all[name]; ok && fmt.Sprint(prev) != fmt.Sprint(p) {
				return "", fmt.Errorf("field %s differs between query types", name)
			}
			all[name] = p
			fields[qt] = append(fields[qt], name)
		}
		sort.Strings(fields[qt])
	}
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)

	w("/** Query types the Go backend answers, in the editor's order. */\n")
	w("export const QUERY_TYPES = [%s] as const;\n\n", quoteAll(types))
	w("export type QueryType = (typeof QUERY_TYPES)[number];\n\n")

	enums := map[string]string{}
	for _, n := range names {
		if vals, ok := all[n]["enum"].([]any); ok {
			typ := upperFirst(n)
			enums[n] = typ
			var vs []string
			for _, v := range vals {
				vs = append(vs, fmt.Sprint(v))
			}
			w("export const %s_VALUES = [%s] as const;\n\n", constName(n), quoteAll(vs))
			w("export type %s = (typeof %s_VALUES)[number];\n\n", typ, constName(n))
		}
	}

	w("/** The query JSON the editor saves; every field is optional. */\n")
	w("export interface AppMonQuery extends DataQuery {\n")
	w("  queryType?: QueryType;\n")
	for _, n := range names {
		p := all[n]
		if d, _ := p["description"].(string); d != "" {
			w("  /** %s */\n", strings.ReplaceAll(strings.ReplaceAll(d, "*/", "* /"), "\n", " "))
		}
		typ, err := tsType(n, p, enums)
		if err != nil {
			return "", err
		}
		w("  %s?: %s;\n", n, typ)
	}
	w("}\n\n")

	w("/** A field of the query model other than queryType. */\n")
	w("export type QueryField = Exclude<keyof AppMonQuery, keyof DataQuery>;\n\n")
	w("/** What each query type reads: its fields, and whether Grafana Live streams it. */\n")
	w("export interface QueryTypeContract {\n  description: string;\n  fields: readonly QueryField[];\n  live: boolean;\n}\n\n")
	w("export const QUERY_CONTRACT: Record<QueryType, QueryTypeContract> = {\n")
	for _, item := range defs.Items {
		qt := item.Spec.Discriminators[0].Value
		live := false
		var fs []string
		for _, f := range fields[qt] {
			if f == "live" {
				live = true
				continue
			}
			fs = append(fs, f)
		}
		w("  %s: {\n    description: %s,\n    fields: [%s],\n    live: %v,\n  },\n", qt, quote(item.Spec.Description), quoteAll(fs), live)
	}
	w("};\n\n")

	w("/** Bounds of the numeric fields, as the backend checks them. */\n")
	w("export const QUERY_LIMITS = {\n")
	for _, n := range names {
		p := all[n]
		if p["type"] != "integer" && p["type"] != "number" {
			continue
		}
		var parts []string
		for _, k := range []string{"minimum", "maximum"} {
			if v, ok := p[k]; ok {
				parts = append(parts, fmt.Sprintf("%s: %v", k, v))
			}
		}
		w("  %s: { %s },\n", n, strings.Join(parts, ", "))
	}
	w("} as const;\n")
	return b.String(), nil
}

func tsType(name string, p map[string]any, enums map[string]string) (string, error) {
	if e, ok := enums[name]; ok {
		return e, nil
	}
	switch p["type"] {
	case "string":
		return "string", nil
	case "integer", "number":
		return "number", nil
	case "boolean":
		return "boolean", nil
	}
	return "", fmt.Errorf("field %s: no TypeScript type for schema type %v", name, p["type"])
}

// quote is a TypeScript string literal in the repository's style.
func quote(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`, "\n", `\n`).Replace(v) + "'"
}

func quoteAll(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quote(v)
	}
	return strings.Join(q, ", ")
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// constName is alertsAction -> ALERTS_ACTION.
func constName(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
