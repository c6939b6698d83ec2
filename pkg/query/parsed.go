package query

import "github.com/appmon/monitoring/pkg/client"

// parsed parses a response once, however many queries read it; parse
// failures become the user-facing *client.Error. T must be treated as
// read-only by callers (it is shared).
func parsed[T any](c *client.Client, resp *client.Response, key string, fn func() (T, error)) (T, error) {
	v, err := resp.Parsed(key, func() (any, error) {
		t, err := fn()
		if err != nil {
			return t, c.BodyError(resp, err)
		}
		return t, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
