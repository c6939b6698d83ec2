package parse

import (
	"encoding/json"
	"strings"
)

// ErrorBody is the contract's error document:
// {"error":{"status":401,"code":"unauthorized","message":"..."}}.
type ErrorBody struct {
	Status  int
	Code    string
	Message string
}

// ParseErrorBody reads an error document; ok is false when the body is not
// one (an HTML page, plain text, another JSON shape).
func ParseErrorBody(body []byte) (ErrorBody, bool) {
	b := trimBody(body)
	if len(b) == 0 || b[0] != '{' {
		return ErrorBody{}, false
	}
	var d struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(b, &d) != nil || len(d.Error) == 0 {
		return ErrorBody{}, false
	}
	var obj struct {
		Status  Number `json:"status"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(d.Error, &obj) == nil {
		out := ErrorBody{Code: obj.Code, Message: strings.TrimSpace(obj.Message)}
		if obj.Status.V != nil && *obj.Status.V >= 100 && *obj.Status.V < 600 {
			out.Status = int(*obj.Status.V)
		}
		return out, out.Message != "" || out.Code != ""
	}
	// Some servers send {"error": "text"}.
	var s string
	if json.Unmarshal(d.Error, &s) == nil && strings.TrimSpace(s) != "" {
		return ErrorBody{Message: strings.TrimSpace(s)}, true
	}
	return ErrorBody{}, false
}
