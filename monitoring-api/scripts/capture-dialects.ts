// Regenerates pkg/parse/testdata/dialects/<dialect>/: starts the server in
// each dialect with a fixed seed and clock, fires alerts, and saves one
// response per endpoint. Run with `npm run capture:dialects` after a build.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIALECTS } from '../src/dialects/index.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const OUT = fileURLToPath(new URL('../../pkg/parse/testdata/dialects/', import.meta.url));
const READ_KEY = 'capture-read-key';
const ADMIN_KEY = 'capture-admin-key';

/** File name -> request. JSON bodies are saved pretty-printed, text as is. */
const CAPTURES: Record<string, string> = {
  'health.json': '/api/health/check',
  'uptime.json': '/api/monitoring/uptime',
  'metrics.json': '/api/monitoring/metrics',
  'metrics-prometheus.txt': '/api/monitoring/metrics?format=prometheus',
  'alerts.json': '/api/monitoring/alerts?action=active',
  'alerts-configuration.json': '/api/monitoring/alerts?action=configuration',
  'dashboard.json': '/api/monitoring/dashboard',
};

/** Requests whose answer (status and type) is recorded in answers.json. */
const PROBES = [
  ...Object.values(CAPTURES),
  '/api/monitoring/metrics?format=datadog',
  '/api/monitoring/alerts?action=history',
  '/api/monitoring/capabilities',
  '/api/monitoring/metrics/history?name=api.response_time.p95',
  '/api/monitoring/incidents',
];

interface Running {
  url: string;
  stop(): void;
}

function start(dialect: string): Promise<Running> {
  const child = spawn(process.execPath, [MAIN, '--dialect', dialect], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      METRICS_API_KEY: READ_KEY,
      ADMIN_API_KEY: ADMIN_KEY,
      SEED: 'dialect-captures',
      CLOCK_START: '2025-03-03T12:00:00Z',
      HISTORY_DAYS: '1',
      ENABLE_CLOCK_CONTROL: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`${dialect}: server exited with ${code}:\n${out}`)));
  });
}

async function admin(url: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'X-Admin-Key': ADMIN_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Two firing alerts (one from the workload, one manual) and one acknowledged. */
async function fireAlerts(url: string): Promise<void> {
  await admin(url, '/api/monitoring/admin/scenario', { scenario: 'payment_failures' });
  await admin(url, '/api/monitoring/admin/clock', { advance_seconds: 120 });
  await admin(url, '/api/monitoring/alerts', {
    action: 'trigger',
    severity: 'medium',
    description: 'Gallery thumbnails slow',
  });
  const acked = (await admin(url, '/api/monitoring/alerts', {
    action: 'trigger',
    severity: 'low',
    description: 'Disk usage above 40%',
  })) as { alert: { id: string } };
  await admin(url, '/api/monitoring/alerts', { action: 'acknowledge', id: acked.alert.id });
}

async function capture(dialect: string): Promise<void> {
  const server = await start(dialect);
  const dir = `${OUT}${dialect}/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    await fireAlerts(server.url);
    const answers: Record<string, { status: number; contentType: string }> = {};
    for (const path of PROBES) {
      const res = await fetch(server.url + path, { headers: { 'X-API-Key': READ_KEY } });
      const body = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      answers[path] = { status: res.status, contentType };
      const file = Object.entries(CAPTURES).find(([, p]) => p === path)?.[0];
      if (!file || res.status !== 200) continue;
      const isJson = contentType.startsWith('application/json');
      // Only what the dialect really offers: a JSON body under a text name (or the reverse) is not that format.
      if (file.endsWith('.json') !== isJson) continue;
      writeFileSync(dir + file, isJson ? `${JSON.stringify(JSON.parse(body), null, 2)}\n` : body);
    }
    // The same health check with the database down: the words for a failing service.
    await admin(server.url, '/api/monitoring/admin/scenario', { scenario: 'database_down' });
    await admin(server.url, '/api/monitoring/admin/clock', { advance_seconds: 60 });
    const down = await fetch(`${server.url}/api/health/check`);
    answers['/api/health/check (database down)'] = {
      status: down.status,
      contentType: down.headers.get('content-type') ?? '',
    };
    writeFileSync(`${dir}health-unhealthy.json`, `${JSON.stringify(await down.json(), null, 2)}\n`);
    writeFileSync(`${dir}answers.json`, `${JSON.stringify(answers, null, 2)}\n`);
  } finally {
    server.stop();
  }
}

function readme(): string {
  const sections = DIALECTS.map(
    (d) => `## ${d.name}\n\n${d.summary}.\n\n${d.varies.map((v) => `- ${v}`).join('\n')}\n`
  );
  return `# Responses of the monitoring endpoints in other teams' styles

Applications implement the five monitoring endpoints from the same short
description: the paths, the query parameters and a few field names are
fixed, everything else is up to each team. These folders hold what eight
such implementations answer, one file per endpoint, all describing the same
workload (same figures, different shapes):

| File | Request |
| --- | --- |
${Object.entries(CAPTURES)
  .map(([file, path]) => `| \`${file}\` | \`GET ${path}\` |`)
  .join('\n')}
| \`health-unhealthy.json\` | \`GET /api/health/check\` with the database down |
| \`answers.json\` | status and content type of every request above and of the optional extensions |

A file is missing when that implementation does not offer the endpoint or
format; \`answers.json\` shows what it answers instead (404, 400, 422, or JSON
where Prometheus text was asked for).

The reference server answers in any of these styles with
\`--dialect NAME\` (or \`DIALECT=NAME\`); \`npm run capture:dialects\` in
monitoring-api regenerates these files. Requests sent with the admin key
(\`X-Admin-Key\`) still get the contract's own shapes, so the figures behind
a dialect can be compared with what a client reads from it.

${sections.join('\n')}`;
}

for (const d of DIALECTS) {
  await capture(d.name);
  console.log(`captured ${d.name}`);
}
writeFileSync(`${OUT}README.md`, readme());
