package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/appmon/monitoring/pkg/parse"
	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// MappingsKey is the jsonData section of per-endpoint response mappings.
const MappingsKey = "mappings"

// LoadMappings reads and compiles jsonData.mappings (nil when there is
// none). Unknown keys are errors: a misspelt "item" must not silently
// leave the endpoint unmapped. Every problem is reported at once, each
// with its setting path.
func LoadMappings(jsonData []byte) (*parse.Mapping, error) {
	raw, err := jsondata.Section(jsonData, MappingsKey)
	if err != nil || raw == nil {
		return nil, err
	}
	return CompileMappings(raw)
}

// CompileMappings compiles the value of a mappings section, shaped like
// {"alerts": {"items": "$.data[*]", "fields": {...}}, ...}. The preview
// resource uses it for a candidate mapping that is not saved yet.
func CompileMappings(raw json.RawMessage) (*parse.Mapping, error) {
	var byEndpoint map[string]json.RawMessage
	if err := json.Unmarshal(raw, &byEndpoint); err != nil {
		return nil, &ConfigError{Msg: fmt.Sprintf("mappings must be an object with one entry per endpoint (%s), for example {\"alerts\": {\"items\": \"$.data[*]\"}}", strings.Join(parse.MappingEndpoints, ", "))}
	}
	specs := map[string]parse.MappingSpec{}
	var problems []string
	for _, ep := range slices.Sorted(maps.Keys(byEndpoint)) {
		v := bytes.TrimSpace(byEndpoint[ep])
		if bytes.Equal(v, []byte("null")) {
			continue
		}
		var s parse.MappingSpec
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			problems = append(problems, fmt.Sprintf("mappings.%s: %s", ep, specError(err)))
			continue
		}
		specs[ep] = s
	}
	m, err := parse.CompileMapping(specs)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Msg: "response mappings (jsonData.mappings): " + strings.Join(problems, "; ")}
	}
	return m, nil
}

// specError words a decoding error of one endpoint's mapping in the
// settings' terms instead of Go's.
func specError(err error) string {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return fmt.Sprintf("unknown key %s; use root, items, fields, services, serviceFields or summary", f)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return "must be an object such as {\"items\": \"$.data[*]\", \"fields\": {\"name\": \"$.title\"}}"
		}
		return fmt.Sprintf("%s must be %s", te.Field, expected(te.Field))
	}
	return "is not valid: " + msg
}

func expected(field string) string {
	switch {
	case strings.HasPrefix(field, "fields"), strings.HasPrefix(field, "serviceFields"), strings.HasPrefix(field, "summary"):
		return "an object of field names and JSONPath strings, for example {\"name\": \"$.title\"}"
	}
	return "a JSONPath string such as \"$.data[*]\""
}
