// Package slo computes service level objectives from the monitoring
// endpoints' data: SLI per step, error budget, burn rates over the SRE
// workbook's multiwindow pairs, time to budget exhaustion and MTBF/MTTR.
//
// The package is pure: callers pass the clock (now), the history they
// fetched and the incidents; nothing here reads the wall clock or the
// network, so results are reproducible in tests and identical for panels
// and alert rules. README.md explains the formulas in plain words.
package slo
