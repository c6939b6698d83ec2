package plugin

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// The editors of the app's configuration pages send their forms here
// before saving: the backend's own parsers judge them, so a form cannot
// save what the data source would then refuse.
//
//	POST /validate/objectives {"objectives": [...]}  (null: what the data source uses without "slos")
//	POST /validate/schedule   {"schedule": {...}}    (null: what it uses without "oncall")
//
// Both answer 200 with {"errors": [{"field", "message"}], ...}: an empty
// list and a preview when the form is valid. A body that is not JSON is a 400.

// editRequestSize bounds a form: 500 overrides fit many times over.
const editRequestSize = 1 << 20

// FieldError is one problem of a form, with the path of its field
// ("objectives[1].target", "layers[0].members[2].name"); the field is the
// list or schedule itself for problems about the whole.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// readEditBody decodes the form; on failure it has answered with a 400.
func readEditBody(w http.ResponseWriter, r *http.Request, v any, example string) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, editRequestSize))
	if err == nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "the form must be JSON like "+example+" (at most 1 MiB)")
		return false
	}
	return true
}

// fieldPath turns a parser's path ("slos[1].target") into the form's
// ("objectives[1].target"): the form's root replaces the jsonData key.
func fieldPath(path, jsonKey, root string) string {
	rest, ok := strings.CutPrefix(path, jsonKey)
	if !ok || rest == "" {
		return root
	}
	if root == "" {
		return strings.TrimPrefix(rest, ".")
	}
	return root + rest
}

// formErrors turns a parser's field problems into the form's errors;
// problems about the section as a whole are put on the field named whole.
func formErrors(problems []jsondata.FieldProblem, jsonKey, root, whole string) []FieldError {
	out := make([]FieldError, 0, len(problems))
	for _, f := range problems {
		field := fieldPath(f.Path, jsonKey, root)
		if field == "" {
			field = whole
		}
		out = append(out, FieldError{Field: field, Message: f.Message})
	}
	return out
}

// jsonDataWith wraps a form's section as the jsonData the parsers read.
func jsonDataWith(key string, section json.RawMessage) []byte {
	if len(section) == 0 {
		section = json.RawMessage("null")
	}
	b, _ := json.Marshal(map[string]json.RawMessage{key: section})
	return b
}
