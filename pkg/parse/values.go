package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Number is a JSON number that may also be null or a numeric string (some
// implementations quote numbers). Null stays nil so a missing value is
// never confused with zero.
type Number struct{ V *float64 }

// UnmarshalJSON accepts a number, null or a string holding a number.
func (n *Number) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		n.V = nil
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			n.V = nil
			return nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return fmt.Errorf("%q is not a number", s)
		}
		n.V = &f
		return nil
	}
	f, err := jsonNumber(b)
	if err != nil {
		return err
	}
	n.V = &f
	return nil
}

// jsonNumber converts a JSON literal the decoder has already validated.
// strconv is used directly because a nested json.Unmarshal per value
// dominated the cost of parsing metric bodies; JSON number syntax is a
// subset of what ParseFloat accepts, so the first byte decides.
func jsonNumber(b []byte) (float64, error) {
	if len(b) == 0 || (b[0] != '-' && (b[0] < '0' || b[0] > '9')) {
		return 0, fmt.Errorf("%s is not a number", truncate(string(b), 40))
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0, fmt.Errorf("%s is not a representable number", truncate(string(b), 40))
	}
	return f, nil
}

// Time is a timestamp given as RFC 3339 text or as a Unix number
// (milliseconds when it is large enough, seconds otherwise).
type Time struct{ T time.Time }

// UnmarshalJSON accepts RFC 3339 text, a Unix number or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		t.T = time.Time{}
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			t.T = time.Time{}
			return nil
		}
		parsed, err := parseTimeString(s)
		if err != nil {
			return err
		}
		t.T = parsed
		return nil
	}
	f, err := jsonNumber(b)
	if err != nil {
		return fmt.Errorf("%s is not a timestamp", truncate(string(b), 40))
	}
	ts, err := unixTime(f)
	if err != nil {
		return err
	}
	t.T = ts
	return nil
}

func parseTimeString(s string) (time.Time, error) {
	if ts, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return ts.UTC(), nil
	}
	// Common near-RFC 3339 spellings: a space for the T (SQL, Python's
	// str()), and no offset (Python's utcnow().isoformat()), read as UTC.
	for _, layout := range timeLayouts {
		if ts, err := time.Parse(layout, s); err == nil {
			return ts.UTC(), nil
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return unixTime(f)
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 timestamp", truncate(s, 40))
}

var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
}

// unixMillisThreshold separates seconds from milliseconds: 1e11 seconds is
// the year 5138, 1e11 milliseconds is 1973.
const unixMillisThreshold = 1e11

// Timestamps outside years 1970..9999 are rejected so a garbage number
// cannot produce a frame Grafana fails to serialise.
var maxUnixSeconds = float64(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC).Unix())

func unixTime(f float64) (time.Time, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		return time.Time{}, fmt.Errorf("%v is not a valid Unix timestamp", f)
	}
	secs := f
	if f >= unixMillisThreshold {
		secs = f / 1000
	}
	if secs > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("%v is not a valid Unix timestamp", f)
	}
	if f >= unixMillisThreshold {
		// Whole milliseconds exactly (f/1000 would round 509 ms to 509.000062).
		ms := math.Floor(f)
		return time.UnixMilli(int64(ms)).Add(time.Duration((f - ms) * 1e6)).UTC(), nil
	}
	whole := math.Floor(secs)
	return time.Unix(int64(whole), int64((secs-whole)*1e9)).UTC(), nil
}

// UnixMillis converts a Unix timestamp in milliseconds.
func UnixMillis(f float64) (time.Time, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f/1000 > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("%v is not a valid Unix millisecond timestamp", f)
	}
	return time.UnixMilli(int64(f)).UTC(), nil
}

// UnixSeconds converts a Unix timestamp in seconds.
func UnixSeconds(f float64) (time.Time, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("%v is not a valid Unix timestamp in seconds", f)
	}
	whole := math.Floor(f)
	return time.Unix(int64(whole), int64((f-whole)*1e9)).UTC(), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func ptr(f float64) *float64 { return &f }

// finite returns nil for NaN and ±Inf so they become nulls in frames.
func finite(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}
