package redact

// Error returns err with its message redacted, keeping the chain for
// errors.As/Is (error source, status). nil stays nil; an error without a
// secret is returned as is.
func (r *Redactor) Error(err error) error {
	if err == nil || !r.Active() {
		return err
	}
	msg := err.Error()
	clean := r.String(msg)
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Unwrap keeps errors.As working: callers classify by type, never print
// the wrapped error's message.
func (e *redactedError) Unwrap() error { return e.err }
