package fakeapi

// Contract-shaped bodies the fake server answers with. They mirror the
// examples of monitoring-api/openapi.yaml.

const fixtureTime = "2025-06-01T12:00:00Z"

// HealthJSON is a healthy health check.
const HealthJSON = `{"status":"healthy","health_score":100,"timestamp":"2025-06-01T12:00:00Z",
"services":{"database":{"status":"healthy","responseTime":45},"stripe":{"status":"healthy","responseTime":230},
"brevo":{"status":"degraded","responseTime":910,"error":"slow responses from provider"},"cache":{"status":"healthy","responseTime":2}}}`

// UnhealthyJSON is what the health check answers with status 503.
const UnhealthyJSON = `{"status":"unhealthy","health_score":40,"timestamp":"2025-06-01T12:00:00Z",
"services":{"database":{"status":"unhealthy","responseTime":null,"error":"connection refused"},"cache":{"status":"healthy","responseTime":3}}}`

// UptimeJSON is an uptime answer.
const UptimeJSON = `{"status":"healthy","timestamp":"2025-06-01T12:00:00Z",
"uptime":{"formatted":"5d 14h 23m 45s","percentage":99.95,"seconds":484425},
"sla":{"target":99.9,"compliance":{"overall":true,"uptime":true,"errorRate":false}}}`

// MetricsJSON is the JSON metrics format with all categories.
const MetricsJSON = `{"timestamp":"2025-06-01T12:00:00Z","category":"all","metrics":[
{"name":"system.cpu.usage","value":37.5,"unit":"%","category":"system","description":"CPU usage"},
{"name":"system.memory.usage","value":62.1,"unit":"%","category":"system","description":"Memory usage"},
{"name":"api.requests.rate","value":12.5,"unit":"req/s","category":"api","description":"Requests per second"},
{"name":"api.error_rate","value":0.8,"unit":"%","category":"api","description":"Error rate"},
{"name":"api.response_time.p95","value":123.4,"unit":"ms","category":"api","description":"95th percentile response time"},
{"name":"api.response_time.p95","value":210,"unit":"ms","category":"api","description":"95th percentile response time","labels":{"endpoint":"/api/tickets"}},
{"name":"api.response_time.p95","value":95,"unit":"ms","category":"api","description":"95th percentile response time","labels":{"endpoint":"/api/payments"}},
{"name":"database.connections.used","value":12,"unit":"count","category":"database","description":"Connections in use"},
{"name":"database.replication_lag","value":null,"unit":"seconds","category":"database","description":"Replication lag"},
{"name":"cache.hit_rate","value":93.2,"unit":"%","category":"cache","description":"Cache hit rate"},
{"name":"payments.success_rate","value":99.4,"unit":"%","category":"business","description":"Payment success rate"},
{"name":"payments.revenue.total","value":1520.75,"unit":"USD","category":"business","description":"Revenue today"}
]}`

// MetricsPrometheus is the same data in text exposition format.
const MetricsPrometheus = `# HELP system_cpu_usage CPU usage (%)
# TYPE system_cpu_usage gauge
system_cpu_usage 37.5
# HELP system_memory_usage Memory usage (%)
# TYPE system_memory_usage gauge
system_memory_usage 62.1
# HELP api_requests_rate Requests per second (req/s)
# TYPE api_requests_rate gauge
api_requests_rate 12.5
# HELP api_error_rate Error rate (%)
# TYPE api_error_rate gauge
api_error_rate 0.8
# HELP api_response_time_p95 95th percentile response time (ms)
# TYPE api_response_time_p95 gauge
api_response_time_p95 123.4
api_response_time_p95{endpoint="/api/tickets"} 210
api_response_time_p95{endpoint="/api/payments"} 95
# HELP database_connections_used Connections in use (count)
# TYPE database_connections_used gauge
database_connections_used 12
# HELP database_replication_lag Replication lag (seconds)
# TYPE database_replication_lag gauge
database_replication_lag NaN
# HELP cache_hit_rate Cache hit rate (%)
# TYPE cache_hit_rate gauge
cache_hit_rate 93.2
# HELP payments_success_rate Payment success rate (%)
# TYPE payments_success_rate gauge
payments_success_rate 99.4
# HELP payments_revenue_total Revenue today (USD)
# TYPE payments_revenue_total gauge
payments_revenue_total 1520.75
`

// MetricsDatadog is the same data as a Datadog series payload.
const MetricsDatadog = `{"series":[
{"metric":"system.cpu.usage","points":[[1748779200,37.5]],"type":"gauge","unit":"%","tags":["category:system"]},
{"metric":"system.memory.usage","points":[[1748779200,62.1]],"type":"gauge","unit":"%","tags":["category:system"]},
{"metric":"api.requests.rate","points":[[1748779200,12.5]],"type":"gauge","unit":"req/s","tags":["category:api"]},
{"metric":"api.error_rate","points":[[1748779200,0.8]],"type":"gauge","unit":"%","tags":["category:api"]},
{"metric":"api.response_time.p95","points":[[1748779200,123.4]],"type":"gauge","unit":"ms","tags":["category:api"]},
{"metric":"api.response_time.p95","points":[[1748779200,210]],"type":"gauge","unit":"ms","tags":["category:api","endpoint:/api/tickets"]},
{"metric":"api.response_time.p95","points":[[1748779200,95]],"type":"gauge","unit":"ms","tags":["category:api","endpoint:/api/payments"]},
{"metric":"database.connections.used","points":[[1748779200,12]],"type":"gauge","unit":"count","tags":["category:database"]},
{"metric":"database.replication_lag","points":[[1748779200,null]],"type":"gauge","unit":"seconds","tags":["category:database"]},
{"metric":"cache.hit_rate","points":[[1748779200,93.2]],"type":"gauge","unit":"%","tags":["category:cache"]},
{"metric":"payments.success_rate","points":[[1748779200,99.4]],"type":"gauge","unit":"%","tags":["category:business"]},
{"metric":"payments.revenue.total","points":[[1748779200,1520.75]],"type":"gauge","unit":"USD","tags":["category:business"]}
]}`

// DashboardJSON is a dashboard summary.
const DashboardJSON = `{"timestamp":"2025-06-01T12:00:00Z","status":"degraded","health_score":85,"uptime_percentage":99.95,
"summary":{"requests_per_minute":750,"error_rate":0.8,"response_time_p95":123.4,"active_alerts":2,"payments_success_rate":99.4,"revenue_today":1520.75,"active_users":321},
"services":{"database":{"status":"healthy","responseTime":45},"cache":{"status":"degraded","responseTime":80}}}`

// AlertsActiveJSON lists two active alerts.
const AlertsActiveJSON = `{"timestamp":"2025-06-01T12:00:00Z","count":2,"alerts":[
{"id":"a-2","rule":"slow_api_response","name":"Slow API Response","severity":"medium","status":"acknowledged","description":"p95 above 2 s","metric":"api.response_time.p95","value":2300,"threshold":2000,"started_at":"2025-06-01T11:50:00Z","acknowledged_at":"2025-06-01T11:55:00Z","resolved_at":null,"escalation_level":1,"labels":{"service":"api"},"runbook_url":"https://runbooks.example/slow-api"},
{"id":"a-1","rule":"high_error_rate","name":"High Error Rate","severity":"high","status":"firing","description":"Error rate above 5%","metric":"api.error_rate","value":7.2,"threshold":5,"started_at":"2025-06-01T11:40:00Z","acknowledged_at":null,"resolved_at":null,"escalation_level":0,"labels":{"service":"api"},"runbook_url":"https://runbooks.example/error-rate"}
]}`

// AlertsHistoryJSON is alert history with a resolved alert.
const AlertsHistoryJSON = `{"count":2,"alerts":[
{"id":"a-0","rule":"payment_failures","name":"Payment Failures","severity":"critical","status":"resolved","description":"Payment failure rate above 1%","metric":"payments.failure_rate","value":3.1,"threshold":1,"started_at":"2025-06-01T10:00:00Z","acknowledged_at":"2025-06-01T10:05:00Z","resolved_at":"2025-06-01T10:30:00Z","escalation_level":2,"labels":{"service":"payments"},"runbook_url":"https://runbooks.example/payments"},
{"id":"a-1","rule":"high_error_rate","name":"High Error Rate","severity":"high","status":"firing","description":"Error rate above 5%","metric":"api.error_rate","value":7.2,"threshold":5,"started_at":"2025-06-01T11:40:00Z","acknowledged_at":null,"resolved_at":null,"escalation_level":0,"labels":{"service":"api"},"runbook_url":"https://runbooks.example/error-rate"}
]}`

// AlertConfigJSON is the alert configuration.
const AlertConfigJSON = `{"rules":[
{"name":"payment_failures","title":"Payment Failures","severity":"critical","metric":"payments.failure_rate","operator":">","threshold":1,"unit":"%","for_seconds":0,"description":"Payment failure rate above 1%","escalation":"immediate"},
{"name":"high_error_rate","title":"High Error Rate","severity":"high","metric":"api.error_rate","operator":">","threshold":5,"unit":"%","for_seconds":300,"description":"Error rate above 5%","escalation":"standard"}],
"channels":[{"name":"webhook","enabled":true},{"name":"sentry","enabled":false}],
"thresholds":{"PAYMENT_FAILURE_THRESHOLD":0.01,"ERROR_RATE_THRESHOLD":0.05}}`

// CapabilitiesJSON offers every extension.
const CapabilitiesJSON = `{"contract_version":"1.0","extensions":["metrics.history","alerts.history","incidents"],
"retention":{"metrics_days":30,"alerts_days":90,"incidents_days":365},"history_resolution_seconds":[60,300,3600]}`

// IncidentsJSON lists one resolved incident.
const IncidentsJSON = `{"incidents":[{"id":"inc-1","title":"Payments outage","severity":"critical","started_at":"2025-06-01T10:00:00Z","resolved_at":"2025-06-01T10:30:00Z","alert_ids":["a-0"]}],"mtbf_seconds":86400,"mttr_seconds":1800}`
