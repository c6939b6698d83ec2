// Package integration runs the data source's handlers against the real
// reference monitoring API (monitoring-api/). The tests are skipped unless
// APPMON_INTEGRATION=1 (start the server from this repository; needs node
// and monitoring-api/node_modules) or APPMON_API_URL points at a running
// server (with APPMON_API_KEY and, for fault tests, APPMON_ADMIN_KEY).
package integration
