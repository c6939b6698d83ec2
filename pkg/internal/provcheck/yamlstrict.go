package provcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// strictYAML decodes YAML into out, failing on keys out does not have.
func strictYAML(raw []byte, out any) error {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	return tidyYAMLError(dec.Decode(out))
}

// strictNode is strictYAML for a node of an already parsed file.
func strictNode(node *yaml.Node, out any) error {
	raw, err := yaml.Marshal(node)
	if err != nil {
		return err
	}
	return strictYAML(raw, out)
}

// nodeJSON turns a YAML node into JSON, for the SDK's strict decoders.
func nodeJSON(node *yaml.Node) (map[string]any, error) {
	var m map[string]any
	if err := node.Decode(&m); err != nil {
		return nil, tidyYAMLError(err)
	}
	return m, nil
}

func toJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("provcheck: value from YAML is not JSON: %v", err))
	}
	return b
}

var yamlFieldNotFound = regexp.MustCompile(`field (\S+) not found in type \S+`)

// tidyYAMLError speaks of keys, not Go types: "line 9: field foo not found
// in type provcheck.ruleGroupFile" becomes "line 9: unexpected field 'foo'".
func tidyYAMLError(err error) error {
	if err == nil {
		return nil
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = yamlFieldNotFound.ReplaceAllString(msg, "unexpected field '$1'")
	return fmt.Errorf("%s", msg)
}
