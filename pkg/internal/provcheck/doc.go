// Package provcheck reads the repository's provisioning files the way
// Grafana would and reports every key and value Grafana would reject or
// silently ignore, without running Grafana.
//
// Dashboards are decoded strictly with the dashboard, panel and query types
// of Grafana's Apache-licensed foundation SDK: unknown keys at any level,
// wrong types and enum values outside the SDK's constants are problems.
// Each built-in panel's options and custom field config are decoded with
// the SDK package of its panel type; AppMon's own panels are checked
// against the option paths their option builders declare
// (schemas/appmon-panel-options.json, kept in step by a jest test), and
// AppMon queries against the data source's query model.
//
// Alerting files are mapped from the provisioning file format onto the
// SDK's alerting types (rule group, rule, contact point, notification
// policy, notification template); mute timings are parsed with
// Alertmanager's own time interval parser.
package provcheck
