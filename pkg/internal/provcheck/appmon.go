package provcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/common"

	"github.com/appmon/monitoring/pkg/query"
)

// DatasourceType is the AppMon data source's plugin id.
const DatasourceType = "appmon-endpoints-datasource"

// appmonQuery is an AppMon query as dashboards and alert rules store it:
// the data source's query model plus the fields every Grafana query has.
type appmonQuery struct {
	query.Model
	RefID         string                `json:"refId"`
	Hide          *bool                 `json:"hide,omitempty"`
	Key           string                `json:"key,omitempty"`
	Datasource    *common.DataSourceRef `json:"datasource,omitempty"`
	IntervalMs    *float64              `json:"intervalMs,omitempty"`
	MaxDataPoints *int64                `json:"maxDataPoints,omitempty"`
}

func (appmonQuery) ImplementsDataqueryVariant()            {}
func (appmonQuery) DataqueryType() string                  { return DatasourceType }
func (q appmonQuery) Equals(other variants.Dataquery) bool { return false }
func (q appmonQuery) Validate() error                      { return nil }

// decodeAppmonQuery reads a query strictly: unknown keys and wrong types
// fail, and the fixed-choice fields must hold a value the backend knows
// (or a dashboard variable).
func decodeAppmonQuery(raw []byte) (appmonQuery, error) {
	var q appmonQuery
	// encoding/json matches keys regardless of case; Grafana does not.
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return q, fmt.Errorf("AppMon query: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	known := queryKeys()
	for key := range keys {
		if !known[key] {
			return q, fmt.Errorf("AppMon query: unknown field %q", key)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return q, fmt.Errorf("AppMon query: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	var types []string
	for _, t := range query.Types {
		types = append(types, string(t))
	}
	for _, f := range []struct {
		name, value string
		allowed     []string
	}{
		{"queryType", q.QueryType, types},
		{"alertsAction", q.AlertsAction, []string{query.AlertsActive, query.AlertsHistory, query.AlertsConfiguration}},
		{"oncallView", q.OncallView, []string{query.OncallViewNow, query.OncallViewShifts, query.OncallViewEscalation}},
		{"format", q.Format, []string{"auto", "json", "prometheus", "datadog"}},
		{"fleetView", q.FleetView, []string{query.FleetInstances, query.FleetView}},
	} {
		if f.value != "" && !strings.Contains(f.value, "$") && !slices.Contains(f.allowed, f.value) {
			return q, fmt.Errorf("AppMon query: %s %q is not one of %s", f.name, f.value, strings.Join(f.allowed, ", "))
		}
	}
	return q, nil
}

// queryKeys are the JSON keys of an AppMon query, exactly as spelt.
func queryKeys() map[string]bool {
	keys := jsonKeys(query.Model{})
	for k := range jsonKeys(appmonQuery{}) {
		keys[k] = true
	}
	return keys
}

// OptionSpec is one option an AppMon panel's option builder declares
// (schemas/appmon-panel-options.json).
type OptionSpec struct {
	Path   string `json:"path"`
	Editor string `json:"editor"`
	Values []any  `json:"values,omitempty"`
}

// checkPanelOptions checks an AppMon panel's options against the paths and
// editors its builder declares: a key no builder declares is ignored by
// the panel, so it is a mistake.
func checkPanelOptions(raw []byte, specs []OptionSpec) error {
	var options map[string]any
	if err := json.Unmarshal(raw, &options); err != nil {
		return fmt.Errorf("options must be an object: %w", err)
	}
	byPath := map[string]OptionSpec{}
	for _, s := range specs {
		byPath[s.Path] = s
	}
	var errs []string
	var walk func(prefix string, obj map[string]any)
	walk = func(prefix string, obj map[string]any) {
		for key, value := range obj {
			path := key
			if prefix != "" {
				path = prefix + "." + key
			}
			if spec, ok := byPath[path]; ok {
				if msg := checkOptionValue(spec, value); msg != "" {
					errs = append(errs, path+": "+msg)
				}
				continue
			}
			nested, isObject := value.(map[string]any)
			if isObject && hasPrefix(specs, path+".") {
				walk(path, nested)
				continue
			}
			errs = append(errs, fmt.Sprintf("unexpected option '%s' (the panel declares %s)", path, optionPaths(specs)))
		}
	}
	walk("", options)
	if len(errs) > 0 {
		slices.Sort(errs)
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

func hasPrefix(specs []OptionSpec, prefix string) bool {
	for _, s := range specs {
		if strings.HasPrefix(s.Path, prefix) {
			return true
		}
	}
	return false
}

func optionPaths(specs []OptionSpec) string {
	var paths []string
	for _, s := range specs {
		paths = append(paths, s.Path)
	}
	return strings.Join(paths, ", ")
}

// checkOptionValue checks a value against what its editor stores.
func checkOptionValue(spec OptionSpec, value any) string {
	kind := ""
	switch spec.Editor {
	case "boolean":
		kind = "bool"
	case "number", "slider":
		kind = "number"
	case "text", "field-name", "color", "unit":
		kind = "string"
	case "multi-select":
		kind = "list"
	}
	switch kind {
	case "bool":
		if _, ok := value.(bool); !ok {
			return fmt.Sprintf("must be true or false, not %s", jsonText(value))
		}
	case "number":
		if _, ok := value.(float64); !ok {
			return fmt.Sprintf("must be a number, not %s", jsonText(value))
		}
	case "string":
		if _, ok := value.(string); !ok {
			return fmt.Sprintf("must be text, not %s", jsonText(value))
		}
	case "list":
		list, ok := value.([]any)
		if !ok {
			return fmt.Sprintf("must be a list, not %s", jsonText(value))
		}
		for _, v := range list {
			if msg := oneOf(spec, v); msg != "" {
				return msg
			}
		}
		return ""
	}
	return oneOf(spec, value)
}

func oneOf(spec OptionSpec, value any) string {
	if len(spec.Values) == 0 {
		return ""
	}
	for _, v := range spec.Values {
		if v == value {
			return ""
		}
	}
	var allowed []string
	for _, v := range spec.Values {
		allowed = append(allowed, jsonText(v))
	}
	return fmt.Sprintf("%s is not one of %s", jsonText(value), strings.Join(allowed, ", "))
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
