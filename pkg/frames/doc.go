// Package frames is the one home of the data frames the backend answers
// with: frame names, field names and types (the contract, contract.go),
// and the builders that fill them. pkg/slo and pkg/oncall compute plain
// values; only this package and pkg/query touch the SDK's frame types.
//
// The contract is also written for the frontend
// (src/shared/frameContract.gen.ts, go test ./pkg/frames -update), whose
// tests check the golden frames (pkg/golden) and the panels' readers
// against it, so a renamed field fails a test on both sides.
package frames
