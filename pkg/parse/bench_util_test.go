package parse

import (
	"encoding/json"
	"time"
)

// timeRuns runs fn n times and returns the elapsed nanoseconds.
func timeRuns(n int, body []byte, fn func([]byte) error) float64 {
	start := time.Now()
	for i := 0; i < n; i++ {
		_ = fn(body)
	}
	return float64(time.Since(start).Nanoseconds())
}

func unmarshalOK(b []byte, v any) bool { return json.Unmarshal(b, v) == nil }
