// Package parse turns the bodies of the monitoring endpoints (JSON,
// Prometheus text and Datadog series) into typed values. It does no I/O and
// knows nothing about Grafana; every function is safe on arbitrary input
// (see the fuzz tests).
//
// Applications implement the endpoints in their own style, so each reader
// is tolerant of shape and strict about meaning:
//
//   - The contract's exact shape is decoded first with typed structs; a
//     one-pass byte scan (keyTally) confirms the body has no other keys.
//   - Anything else is read by a generic walk (the *_generic.go files):
//     lists under metrics, alerts, items, data or results or bare lists,
//     nested objects flattened to dotted names, camelCase and snake_case
//     spellings, JSON:API resources, epoch seconds or milliseconds,
//     status words (UP, pass, green …) and severities (P1, warning …).
//   - A value is never given a meaning the body did not state: a unit comes
//     from a unit field, a unit suffix of the name (_ms, Seconds …), or the
//     contract's catalog for a contract name given in a name field; else
//     none. Text and true/false are not metrics.
//   - What could not be read is counted (Skipped) and said (Notes), and a
//     body of which nothing could be read is an error naming what the
//     server sent and what was expected, in the contract's words.
package parse
