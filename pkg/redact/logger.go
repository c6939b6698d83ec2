package redact

import (
	"context"
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

// Logger wraps an SDK logger so messages and field values are redacted
// before they are written (Grafana copies plugin logs into its own).
func (r *Redactor) Logger(base log.Logger) log.Logger {
	return &logger{base: base, r: r}
}

type logger struct {
	base log.Logger
	r    *Redactor
}

func (l *logger) Debug(msg string, args ...any) { l.base.Debug(l.r.String(msg), l.args(args)...) }
func (l *logger) Info(msg string, args ...any)  { l.base.Info(l.r.String(msg), l.args(args)...) }
func (l *logger) Warn(msg string, args ...any)  { l.base.Warn(l.r.String(msg), l.args(args)...) }
func (l *logger) Error(msg string, args ...any) { l.base.Error(l.r.String(msg), l.args(args)...) }
func (l *logger) Level() log.Level              { return l.base.Level() }

func (l *logger) With(args ...any) log.Logger {
	return &logger{base: l.base.With(l.args(args)...), r: l.r}
}

func (l *logger) FromContext(ctx context.Context) log.Logger {
	return &logger{base: l.base.FromContext(ctx), r: l.r}
}

// args redacts keys and values. Numbers and booleans cannot hold a
// secret and keep their type; anything else is logged as its redacted
// text (an error's message, a struct's fmt form).
func (l *logger) args(args []any) []any {
	if !l.r.Active() || len(args) == 0 {
		return args
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
			out[i] = v
		case string:
			out[i] = l.r.String(v)
		case []byte:
			out[i] = string(l.r.Bytes(v))
		case error:
			out[i] = l.r.String(v.Error())
		case fmt.Stringer:
			out[i] = l.r.String(v.String())
		default:
			out[i] = l.r.String(fmt.Sprintf("%+v", v))
		}
	}
	return out
}
