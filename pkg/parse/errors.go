package parse

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// ErrorKind says why a body could not be used.
type ErrorKind int

const (
	// KindMalformed: the body is not valid JSON / exposition text.
	KindMalformed ErrorKind = iota + 1
	// KindShape: the body parses but does not have the contract's shape.
	KindShape
	// KindHTML: an HTML page came back where data was expected (a proxy or
	// login page, or a URL pointing at a web site).
	KindHTML
	// KindEmpty: the body is empty.
	KindEmpty
)

// Error describes a body that does not follow the monitoring contract.
type Error struct {
	Kind ErrorKind
	// Doc names the document being parsed, e.g. "health check".
	Doc string
	Err error
}

func (e *Error) Error() string {
	switch e.Kind {
	case KindHTML:
		return fmt.Sprintf("the %s response is an HTML page, not data", e.Doc)
	case KindEmpty:
		return fmt.Sprintf("the %s response is empty", e.Doc)
	case KindShape:
		return fmt.Sprintf("the %s response does not have the contract's shape: %v", e.Doc, e.Err)
	default:
		return fmt.Sprintf("the %s response is not valid: %v", e.Doc, e.Err)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// malformed wraps a decoding error, rewritten in the user's words: the
// decoder's own messages name Go types and struct fields.
func malformed(doc string, err error) error {
	return &Error{Kind: KindMalformed, Doc: doc, Err: plainDecodeError(err)}
}

func plainDecodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || (err != nil && strings.Contains(err.Error(), "unexpected end of JSON input")):
		return errors.New("unexpected end of JSON input")
	case errors.As(err, &syn):
		return fmt.Errorf("not JSON: %s at character %d", strings.TrimPrefix(syn.Error(), "json: "), syn.Offset)
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			where = "the response"
		}
		return fmt.Errorf("%s is %s where %s was expected", where, foundWord(typ.Value), expectedWord(typ.Type))
	case err == nil:
		return nil
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "parse.") || strings.Contains(msg, "Go ") || strings.Contains(msg, "of type") {
		// Never show the decoder's internal wording.
		return errors.New("it does not have the expected structure")
	}
	return errors.New(msg)
}

// foundWord turns the decoder's description of a JSON value ("string",
// "number 1.5", "object") into words.
func foundWord(v string) string {
	switch {
	case v == "object":
		return "an object"
	case v == "array":
		return "a list"
	case v == "string":
		return "text"
	case v == "bool":
		return "true/false"
	case strings.HasPrefix(v, "number"):
		return "a number"
	}
	return "a value"
}

// expectedWord names what a Go type holds in the contract's words.
func expectedWord(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case reflect.TypeOf(Number{}):
		return "a number"
	case reflect.TypeOf(Time{}):
		return "a time"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another kind of value"
}

func shapef(doc, format string, args ...any) error {
	return &Error{Kind: KindShape, Doc: doc, Err: fmt.Errorf(format, args...)}
}

// IsKind reports whether err is a parse error of the given kind.
func IsKind(err error, kind ErrorKind) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Kind == kind
}
