// Package golden keeps one response of every frame type the backend answers
// with, as the SDK's golden JSON files in testdata/. The Go test below writes
// and checks them (go test ./pkg/golden -update rewrites them); the
// frontend's tests and the host page read the same files, so a renamed field
// or frame fails a test on both sides.
package golden
