// Package ruleoracle evaluates the repository's provisioned alert rules the
// way Grafana's alerting engine does, for tests: the rule's data queries
// are answered by the real data source backend, then its server-side
// expressions (reduce, math, threshold, classic conditions) and its pending
// period turn the answers into alert instance states (Normal, Pending,
// Alerting, NoData, Error). It implements the subset of Grafana's
// documented semantics the rules use; README.md lists them with the pages
// that document them.
package ruleoracle
