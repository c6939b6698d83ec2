import fs from 'fs';
import path from 'path';

import { parse } from 'yaml';

import { dataPanels, expandEnv, parseEnvFile, readDashboards, readYaml, REPO_ROOT } from './repoFiles';

interface RuleQuery {
  refId: string;
  datasourceUid: string;
  model: { queryType?: string; metricName?: string; type?: string; expression?: string; conditions?: unknown };
}
interface Rule {
  uid: string;
  title: string;
  condition: string;
  for: string;
  data: RuleQuery[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface RulesFile {
  groups: Array<{ name: string; folder: string; interval: string; rules: Rule[] }>;
}
interface Route {
  receiver: string;
  object_matchers?: string[][];
  mute_time_intervals?: string[];
  routes?: Route[];
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** Where each severity goes: critical pages and posts, the warning tiers post or email. */
const ROUTE: Record<string, string[]> = {
  critical: ['AppMon PagerDuty', 'AppMon Slack'],
  high: ['AppMon Slack'],
  medium: ['AppMon email'],
  low: ['AppMon email'],
};
// As Grafana at startup: ${NAME} replaced from the environment, here the shipped defaults.
const thresholdDefaults = parseEnvFile(
  fs.readFileSync(path.join(REPO_ROOT, 'provisioning/alerting/thresholds.env'), 'utf8')
);
const rawRulesText = fs.readFileSync(path.join(REPO_ROOT, 'provisioning/alerting/rules.yaml.tmpl'), 'utf8');
const rawRules = parse(rawRulesText) as RulesFile;
const rules = (parse(expandEnv(rawRulesText, thresholdDefaults)) as RulesFile).groups.flatMap((g) => g.rules);
const contactPoints = readYaml<{
  contactPoints: Array<{ name: string; receivers: Array<{ type: string; settings: Record<string, unknown> }> }>;
}>('provisioning/alerting/contact-points.yaml').contactPoints;
const policy = readYaml<{ policies: Route[] }>('provisioning/alerting/notification-policies.yaml').policies[0];
const muteTimes = readYaml<{ muteTimes: Array<{ name: string }> }>('provisioning/alerting/mute-timings.yaml').muteTimes;
const templates = readYaml<{ templates: Array<{ name: string; template: string }> }>(
  'provisioning/alerting/templates.yaml'
).templates;
/** Receivers a severity reaches, in route order (the webhook route matches every AppMon alert). */
function routeReceivers(severity: string): string[] {
  return (policy.routes ?? [])
    .filter((r) =>
      (r.object_matchers ?? []).some(
        ([label, op, value]) =>
          label === 'severity' && (op === '=' ? value === severity : new RegExp(`^(${value})$`).test(severity))
      )
    )
    .map((r) => r.receiver);
}
const runbooks = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'runbooks.md'), 'utf8');
const dashboards = readDashboards().map((d) => d.dashboard);

describe('alert rules', () => {
  // [uid, threshold variable, default, for, severity]: the documented tiers.
  const EXPECTED: Array<[string, string | null, number, string, string]> = [
    ['appmon-cpu', 'APPMON_CPU_WARNING_THRESHOLD', 80, '10m', 'high'],
    ['appmon-cpu-critical', 'APPMON_CPU_CRITICAL_THRESHOLD', 95, '5m', 'critical'],
    ['appmon-high-memory', 'APPMON_MEMORY_USAGE_THRESHOLD', 80, '10m', 'medium'],
    ['appmon-memory-high', 'APPMON_MEMORY_HIGH_THRESHOLD', 85, '5m', 'high'],
    ['appmon-memory-critical', 'APPMON_MEMORY_CRITICAL_THRESHOLD', 95, '5m', 'critical'],
    ['appmon-disk-warning', 'APPMON_DISK_WARNING_THRESHOLD', 80, '5m', 'high'],
    ['appmon-disk', 'APPMON_DISK_CRITICAL_THRESHOLD', 90, '5m', 'critical'],
    ['appmon-error-rate-warning', 'APPMON_ERROR_RATE_WARNING_THRESHOLD', 1, '5m', 'high'],
    ['appmon-high-error-rate', 'APPMON_ERROR_RATE_THRESHOLD', 5, '5m', 'critical'],
    ['appmon-latency-p95-warning', 'APPMON_LATENCY_WARNING_THRESHOLD', 500, '5m', 'high'],
    ['appmon-latency-p95', 'APPMON_LATENCY_CRITICAL_THRESHOLD', 1000, '5m', 'critical'],
    ['appmon-slow-api', 'APPMON_API_RESPONSE_THRESHOLD', 2000, '3m', 'medium'],
    ['appmon-latency-p99', 'APPMON_LATENCY_P99_THRESHOLD', 2000, '5m', 'high'],
    ['appmon-auth-failures', 'APPMON_AUTH_FAILURE_THRESHOLD', 50, '5m', 'critical'],
    ['appmon-cache-hit-rate', 'APPMON_CACHE_HIT_THRESHOLD', 70, '5m', 'high'],
    ['appmon-database-unavailable', null, 1, '0s', 'critical'],
    ['appmon-db-connections', 'APPMON_DB_FREE_CONNECTIONS_THRESHOLD', 10, '0s', 'critical'],
    ['appmon-db-slow-queries', 'APPMON_DB_SLOW_QUERY_THRESHOLD', 100, '5m', 'high'],
    ['appmon-db-response', 'APPMON_DB_RESPONSE_THRESHOLD', 1000, '3m', 'critical'],
    ['appmon-db-cache-hit-ratio', 'APPMON_DB_CACHE_HIT_THRESHOLD', 90, '10m', 'high'],
    ['appmon-db-deadlocks', 'APPMON_DB_DEADLOCK_THRESHOLD', 0, '0s', 'high'],
    ['appmon-payment-failures', 'APPMON_PAYMENT_FAILURE_THRESHOLD', 1, '0s', 'critical'],
    ['appmon-service-down', null, 0.5, '1m', 'critical'],
    ['appmon-dependency-degraded', null, 1, '2m', 'high'],
    ['appmon-dependency-unhealthy', null, 0.5, '1m', 'critical'],
    ['appmon-slo-fast-burn', null, 0.5, '0s', 'critical'],
    ['appmon-slo-slow-burn', null, 0.5, '0s', 'low'],
  ];
  const conditionOf = (rule: Rule) => rule.data.find((d) => d.refId === rule.condition)!.model;

  it('has every documented rule once, in groups named after what they watch', () => {
    const uids = rules.map((r) => r.uid);
    expect([...uids].sort()).toEqual(EXPECTED.map(([uid]) => uid).sort());
    expect(rawRules.groups.map((g) => g.name)).toEqual([
      'AppMon infrastructure',
      'AppMon requests',
      'AppMon database',
      'AppMon payments',
      'AppMon dependencies',
      'AppMon SLO burn rate',
    ]);
  });

  it('takes every default from thresholds.env, and every default is used', () => {
    const used = [...rawRulesText.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]);
    expect([...new Set(used)].sort()).toEqual(Object.keys(thresholdDefaults).sort());
  });

  it.each(EXPECTED)('%s: threshold %s = %s, for %s, severity %s', (uid, variable, value, pending, severity) => {
    const raw = rawRules.groups.flatMap((g) => g.rules).find((r) => r.uid === uid)!;
    const rule = rules.find((r) => r.uid === uid)!;
    const rawParams = (conditionOf(raw) as { conditions: Array<{ evaluator: { params: unknown[] } }> }).conditions[0]
      .evaluator.params;
    const params = (conditionOf(rule) as { conditions: Array<{ evaluator: { params: unknown[] } }> }).conditions[0]
      .evaluator.params;
    expect(rawParams[0]).toBe(variable === null ? value : `\${${variable}}`);
    expect(params[0]).toBe(value);
    expect(rule.for).toBe(pending);
    expect(rule.labels.severity).toBe(severity);
    expect(routeReceivers(severity)).toEqual(ROUTE[severity]);
  });

  it('states each two-tier condition as a warning and a critical rule', () => {
    for (const [warning, critical] of [
      ['appmon-cpu', 'appmon-cpu-critical'],
      ['appmon-high-memory', 'appmon-memory-critical'],
      ['appmon-disk-warning', 'appmon-disk'],
      ['appmon-error-rate-warning', 'appmon-high-error-rate'],
      ['appmon-latency-p95-warning', 'appmon-latency-p95'],
    ]) {
      const w = rules.find((r) => r.uid === warning)!;
      const c = rules.find((r) => r.uid === critical)!;
      expect(w.data[0].model.metricName).toBe(c.data[0].model.metricName);
      expect(w.labels.severity).not.toBe('critical');
      expect(c.labels.severity).toBe('critical');
    }
  });

  describe.each(rules.map((r) => [r.uid, r] as const))('%s', (_, rule) => {
    it('has a severity from the matrix, a title with its number, a summary with the value and a runbook section', () => {
      expect(SEVERITIES).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      expect(rule.annotations.description).toBeTruthy();
      expect(`${rule.annotations.summary} ${rule.annotations.description}`).toMatch(/\$values\.|\$labels\./);
      const anchor = rule.annotations.runbook_url.split('#')[1];
      expect(runbooks).toContain(`\n## ${anchor}\n`);
    });

    it('queries the AppMon data source and evaluates its condition with expressions', () => {
      const refIds = rule.data.map((d) => d.refId);
      expect(refIds).toContain(rule.condition);
      expect(rule.data.some((d) => d.datasourceUid === 'appmon')).toBe(true);
      for (const d of rule.data.filter((q) => q.datasourceUid === '__expr__')) {
        expect(refIds).toContain(
          d.model.expression
            ?.replace(/\$/g, '')
            .split(/\W+/)
            .find((ref) => refIds.includes(ref))
        );
      }
    });

    it('points at the dashboard panel that shows its data, where one does', () => {
      const ruleMetrics = rule.data.map((d) => d.model.metricName).filter(Boolean);
      const queryType = rule.data.find((d) => d.datasourceUid === 'appmon')!.model.queryType;
      const shows = (p: ReturnType<typeof dataPanels>[number]) =>
        ruleMetrics.length > 0
          ? (p.targets ?? []).some((t) => t.metricName === ruleMetrics[0])
          : (p.targets ?? []).some((t) => t.queryType === queryType);
      if (rule.annotations.__dashboardUid__ === undefined) {
        expect(dashboards.flatMap((d) => dataPanels(d)).filter(shows)).toEqual([]);
        return;
      }
      const dashboard = dashboards.find((d) => d.uid === rule.annotations.__dashboardUid__);
      expect(dashboard).toBeDefined();
      const panel = dataPanels(dashboard!).find((p) => String(p.id) === rule.annotations.__panelId__);
      expect(panel).toBeDefined();
      expect(shows(panel!)).toBe(true);
    });
  });
});

describe('contact points', () => {
  it('provides PagerDuty, Slack, email and a generic webhook', () => {
    expect(contactPoints.flatMap((c) => c.receivers.map((r) => r.type)).sort()).toEqual([
      'email',
      'pagerduty',
      'slack',
      'webhook',
    ]);
  });

  it('takes every address and secret from an environment variable', () => {
    for (const receiver of contactPoints.flatMap((c) => c.receivers)) {
      for (const [key, value] of Object.entries(receiver.settings)) {
        if (['url', 'integrationKey', 'addresses'].includes(key)) {
          expect(value).toMatch(/^\$\{APPMON_[A-Z_]+\}$/);
        }
      }
    }
  });

  it('uses templates that the template file defines', () => {
    const defined = templates.flatMap((t) => [...t.template.matchAll(/define "([^"]+)"/g)].map((m) => m[1]));
    const used = contactPoints.flatMap((c) =>
      c.receivers.flatMap((r) =>
        Object.values(r.settings).flatMap((v) => [...String(v).matchAll(/template "([^"]+)"/g)].map((m) => m[1]))
      )
    );
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) {
      expect(defined).toContain(name);
    }
  });
});

describe('notification policy', () => {
  const routes = policy.routes ?? [];
  const routeFor = (severity: string) =>
    routes.filter((r) =>
      (r.object_matchers ?? []).some(
        ([label, op, value]) =>
          label === 'severity' && (op === '=' ? value === severity : new RegExp(`^(${value})$`).test(severity))
      )
    );
  const receivers = new Set(contactPoints.map((c) => c.name));

  it('pages and posts critical alerts, posts high, emails medium, batches low and info', () => {
    expect(routeFor('critical').map((r) => r.receiver)).toEqual(['AppMon PagerDuty', 'AppMon Slack']);
    expect(routeFor('high').map((r) => r.receiver)).toEqual(['AppMon Slack']);
    expect(routeFor('medium').map((r) => r.receiver)).toEqual(['AppMon email']);
    expect(routeFor('low').map((r) => r.receiver)).toEqual(['AppMon email']);
    expect(routeFor('info').map((r) => r.receiver)).toEqual(['AppMon email']);
  });

  it('only routes to contact points and mute timings that exist', () => {
    expect(receivers).toContain(policy.receiver);
    for (const route of routes) {
      expect(receivers).toContain(route.receiver);
      for (const mute of route.mute_time_intervals ?? []) {
        expect(muteTimes.map((m) => m.name)).toContain(mute);
      }
    }
  });

  it('never mutes a critical page during maintenance', () => {
    expect(routes.find((r) => r.receiver === 'AppMon PagerDuty')?.mute_time_intervals).toBeUndefined();
  });
});
