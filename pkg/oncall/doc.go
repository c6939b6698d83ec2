// Package oncall computes on-call schedules and escalation from the data
// source's configuration: who is on call per layer at a time (respecting
// overrides), the next shifts, a schedule for the next weeks and the
// escalation state of unacknowledged alerts.
//
// Handoffs happen at local wall-clock time in each layer's IANA time zone,
// so a weekly Monday 09:00 handoff stays at 09:00 across DST changes (the
// shift is 167 or 169 hours long that week). All functions take the time
// as an argument; nothing reads the wall clock.
package oncall

// Embed the IANA zone database: Grafana may run the plugin on a host or
// container without /usr/share/zoneinfo, and time.LoadLocation would fail.
import _ "time/tzdata"
