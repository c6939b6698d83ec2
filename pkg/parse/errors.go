// Package parse turns the bodies of the monitoring endpoints (JSON,
// Prometheus text and Datadog series) into typed values. It does no I/O and
// knows nothing about Grafana; every function is safe on arbitrary input
// (see the fuzz tests).
package parse

import (
	"errors"
	"fmt"
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

func malformed(doc string, err error) error {
	return &Error{Kind: KindMalformed, Doc: doc, Err: err}
}

func shapef(doc, format string, args ...any) error {
	return &Error{Kind: KindShape, Doc: doc, Err: fmt.Errorf(format, args...)}
}

// IsKind reports whether err is a parse error of the given kind.
func IsKind(err error, kind ErrorKind) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Kind == kind
}
