package redact

import "errors"

type testErr struct{ msg string }

func (e *testErr) Error() string { return e.msg }

func asTestErr(err error, target **testErr) bool { return errors.As(err, target) }
