package plugin

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/fleet"
)

// failureNotices says in one warning why instances are missing from the
// answer: "Instance 10.0.0.5:4000 did not answer (connection refused);
// showing 4 of 5 instances". One notice, because Grafana's panel header
// shows only the last notice of each severity.
func failureNotices(failed []fleet.Result, total int) []data.Notice {
	if len(failed) == 0 {
		return nil
	}
	parts := make([]string, len(failed))
	for i, r := range failed {
		parts[i] = r.Instance + " " + instanceFailure(r.Err)
	}
	text := "Instance " + parts[0]
	if len(failed) > 1 {
		text = fmt.Sprintf("%d instances gave no data: %s", len(failed), strings.Join(parts, "; "))
	}
	return []data.Notice{{Severity: data.NoticeSeverityWarning,
		Text: fmt.Sprintf("%s; showing %d of %d instances", text, total-len(failed), total)}}
}

// instanceFailure is what went wrong with one instance, short: "did not
// answer (connection refused)", "answered 503 Service Unavailable".
func instanceFailure(err error) string {
	ce, ok := client.AsError(err)
	if !ok {
		return "failed (" + err.Error() + ")"
	}
	switch ce.Kind {
	case client.KindUnreachable:
		return "did not answer (" + ce.Detail + ")"
	case client.KindDNS:
		return "did not answer (its host name does not resolve)"
	case client.KindTimeout:
		return fmt.Sprintf("did not answer (no answer within %s)", ce.Timeout)
	case client.KindTLS:
		return "did not answer (TLS failed: " + ce.Detail + ")"
	case client.KindConnectionLost:
		return "did not answer (the connection was dropped)"
	case client.KindCanceled:
		return "did not answer (the request was canceled)"
	case client.KindUnauthorized:
		return "refused the API key (401 Unauthorized)"
	case client.KindForbidden:
		return "refused the API key (403 Forbidden)"
	case client.KindRateLimited:
		return "is rate limiting (429 Too Many Requests)"
	}
	if ce.Status != 0 {
		return fmt.Sprintf("answered %d %s for %s", ce.Status, http.StatusText(ce.Status), ce.Path)
	}
	return "failed (" + ce.Error() + ")"
}

// fleetError is a query no instance could answer, or a fleet whose
// instances could not be listed. It wraps every instance's error, so the
// status of the first upstream error is the query's.
type fleetError struct {
	msg  string
	errs []error
}

func (e *fleetError) Error() string   { return e.msg }
func (e *fleetError) Unwrap() []error { return e.errs }

// allFailed is the error of a query no instance answered. The same error
// from every instance (a query to fix, a setting missing) is that error.
func allFailed(failed []fleet.Result) error {
	first := failed[0].Err
	same := true
	for _, r := range failed[1:] {
		if r.Err.Error() != first.Error() {
			same = false
			break
		}
	}
	if same && len(failed) > 1 && !isTransport(first) {
		return first
	}
	if len(failed) == 1 {
		return &fleetError{msg: "instance " + failed[0].Instance + ": " + first.Error(), errs: []error{first}}
	}
	parts := make([]string, len(failed))
	errs := make([]error, len(failed))
	for i, r := range failed {
		parts[i] = r.Instance + " " + instanceFailure(r.Err)
		errs[i] = r.Err
	}
	return &fleetError{
		msg:  fmt.Sprintf("no instance of the fleet gave data (%d of %d failed): %s", len(failed), len(failed), strings.Join(parts, "; ")),
		errs: errs,
	}
}

// isTransport: an error about reaching an instance, which names the
// instance only in the fleet's words.
func isTransport(err error) bool {
	ce, ok := client.AsError(err)
	return ok && ce.Status == 0 && ce.Kind != client.KindMalformed && ce.Kind != client.KindMapping
}

// listError is a fleet whose instances could not be listed (DNS).
func listError(err error) error {
	var fe *fleetError
	if errors.As(err, &fe) {
		return err
	}
	return &fleetError{msg: "cannot list the fleet's instances: " + err.Error(), errs: []error{err}}
}

var errNoInstances = errors.New("the fleet lists no instances")
