/** Paths of the contract (openapi.yaml). */
export const PATHS = {
  health: '/api/health/check',
  uptime: '/api/monitoring/uptime',
  metrics: '/api/monitoring/metrics',
  dashboard: '/api/monitoring/dashboard',
  alerts: '/api/monitoring/alerts',
  capabilities: '/api/monitoring/capabilities',
  metricsHistory: '/api/monitoring/metrics/history',
  incidents: '/api/monitoring/incidents',
} as const;
