// Package jsondata reads the sections of a data source's jsonData. It is
// below settings, slo and oncall so settings.Load can call their parsers.
package jsondata

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Section returns the raw value of one top-level jsonData key (e.g. "slos",
// "oncall"), or nil when the key is absent or null. Each feature parses its
// own section, so an error in one does not hide the others.
func Section(jsonData []byte, key string) (json.RawMessage, error) {
	if len(bytes.TrimSpace(jsonData)) == 0 {
		return nil, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(jsonData, &top); err != nil {
		return nil, fmt.Errorf("jsonData is not a JSON object: %v", err)
	}
	raw, ok := top[key]
	if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil
	}
	return raw, nil
}
