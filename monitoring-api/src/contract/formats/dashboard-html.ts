// A small self-contained status page (no scripts, no external assets).
import type { Alert } from '../types.js';
import type { DashboardReport } from './dashboard-summary.js';

function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STATUS_COLOURS: Record<string, string> = {
  healthy: '#1a7f37',
  degraded: '#b58900',
  unhealthy: '#cf222e',
  firing: '#cf222e',
  acknowledged: '#b58900',
};

function badge(status: string): string {
  const colour = STATUS_COLOURS[status] ?? '#57606a';
  return `<span style="color:#fff;background:${colour};padding:2px 8px;border-radius:4px">${escapeHtml(status)}</span>`;
}

function figure(label: string, value: number | null, unit: string): string {
  const shown = value === null ? 'n/a' : `${escapeHtml(value)}${escapeHtml(unit)}`;
  return `<div class="figure"><div class="value">${shown}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

export function renderDashboardHtml(report: DashboardReport, alerts: Alert[]): string {
  const s = report.summary;
  const services = Object.entries(report.services)
    .map(
      ([name, svc]) =>
        `<tr><td>${escapeHtml(name)}</td><td>${badge(svc.status)}</td><td>${escapeHtml(svc.responseTime)} ms</td><td>${escapeHtml(svc.error ?? '')}</td></tr>`
    )
    .join('');
  const alertRows =
    alerts
      .map(
        (a) =>
          `<tr><td>${escapeHtml(a.severity)}</td><td>${escapeHtml(a.name)}</td><td>${badge(a.status)}</td><td>${escapeHtml(a.started_at)}</td><td>${escapeHtml(a.description)}</td></tr>`
      )
      .join('') || '<tr><td colspan="5">No active alerts</td></tr>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="30">
<title>Monitoring dashboard</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.figure{border:1px solid #d0d7de;border-radius:6px;padding:1rem;min-width:10rem}
.value{font-size:1.6rem;font-weight:600}.label{color:#57606a}
table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #d0d7de;padding:.4rem .8rem;text-align:left}
</style>
</head>
<body>
<h1>Monitoring dashboard ${badge(report.status)}</h1>
<p>Health score ${escapeHtml(report.health_score)} · uptime ${escapeHtml(report.uptime_percentage)}% · updated ${escapeHtml(report.timestamp)}</p>
<div class="figures">
${figure('requests per minute', s.requests_per_minute, '')}
${figure('error rate', s.error_rate, '%')}
${figure('p95 response time', s.response_time_p95, ' ms')}
${figure('active alerts', s.active_alerts, '')}
${figure('payment success', s.payments_success_rate, '%')}
${figure('revenue today', s.revenue_today, ' USD')}
${figure('active users', s.active_users, '')}
</div>
<h2>Services</h2>
<table><tr><th>service</th><th>status</th><th>response time</th><th>error</th></tr>${services}</table>
<h2>Active alerts</h2>
<table><tr><th>severity</th><th>alert</th><th>status</th><th>since</th><th>description</th></tr>${alertRows}</table>
</body>
</html>
`;
}
