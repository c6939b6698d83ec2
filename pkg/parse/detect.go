package parse

import (
	"bytes"
	"encoding/json"
	"mime"
	"strings"
)

// Format is the wire format of a metrics response.
type Format string

const (
	FormatJSON       Format = "json"
	FormatPrometheus Format = "prometheus"
	FormatDatadog    Format = "datadog"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// trimBody drops a UTF-8 byte order mark and surrounding white space.
func trimBody(body []byte) []byte {
	return bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(body), utf8BOM))
}

// IsHTML reports whether a body is an HTML page, judged by the Content-Type
// and by the first byte (servers often send HTML error pages as text/plain
// or with no type at all).
func IsHTML(contentType string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	b := trimBody(body)
	return len(b) > 0 && b[0] == '<'
}

// DetectFormat decides how to read a metrics body: the Content-Type first,
// then the body itself (a JSON object with "series" is Datadog, any other
// object is the JSON format, text is Prometheus exposition).
func DetectFormat(contentType string, body []byte) (Format, error) {
	const doc = "metrics"
	b := trimBody(body)
	if len(b) == 0 {
		return "", &Error{Kind: KindEmpty, Doc: doc}
	}
	if IsHTML(contentType, b) {
		return "", &Error{Kind: KindHTML, Doc: doc}
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "text/plain" || strings.Contains(mt, "openmetrics"):
		return FormatPrometheus, nil
	case b[0] == '{':
		if hasTopLevelKey(b, "series") && !hasTopLevelKey(b, "metrics") {
			return FormatDatadog, nil
		}
		return FormatJSON, nil
	case b[0] == '[' || mt == "application/json":
		return FormatJSON, nil
	default:
		return FormatPrometheus, nil
	}
}

// hasTopLevelKey scans the first level of a JSON object without decoding
// values. Invalid JSON reports false; the real parser reports the error.
func hasTopLevelKey(b []byte, key string) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if k, ok := tok.(string); ok && k == key {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}
