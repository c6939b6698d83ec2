import fs from 'fs';
import path from 'path';

import { dataPanels, readDashboards, readYaml, REPO_ROOT } from './repoFiles';

interface RuleQuery {
  refId: string;
  datasourceUid: string;
  model: { queryType?: string; metricName?: string; type?: string; expression?: string };
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
const rules = readYaml<RulesFile>('provisioning/alerting/rules.yaml').groups.flatMap((g) => g.rules);
const contactPoints = readYaml<{
  contactPoints: Array<{ name: string; receivers: Array<{ type: string; settings: Record<string, unknown> }> }>;
}>('provisioning/alerting/contact-points.yaml').contactPoints;
const policy = readYaml<{ policies: Route[] }>('provisioning/alerting/notification-policies.yaml').policies[0];
const muteTimes = readYaml<{ muteTimes: Array<{ name: string }> }>('provisioning/alerting/mute-timings.yaml').muteTimes;
const templates = readYaml<{ templates: Array<{ name: string; template: string }> }>(
  'provisioning/alerting/templates.yaml'
).templates;
const runbooks = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'runbooks.md'), 'utf8');
const dashboards = readDashboards().map((d) => d.dashboard);

describe('alert rules', () => {
  it('has the application-health, performance and SLO burn-rate rules', () => {
    const uids = rules.map((r) => r.uid);
    expect(uids).toEqual(
      expect.arrayContaining([
        'appmon-payment-failures',
        'appmon-high-error-rate',
        'appmon-slow-api',
        'appmon-database-unavailable',
        'appmon-high-memory',
        'appmon-latency-p95',
        'appmon-latency-p99',
        'appmon-db-connections',
        'appmon-disk',
        'appmon-cpu',
        'appmon-auth-failures',
        'appmon-slo-fast-burn',
        'appmon-slo-slow-burn',
      ])
    );
    expect(new Set(uids).size).toBe(uids.length);
  });

  it.each([
    ['appmon-payment-failures', 'critical', '0s'],
    ['appmon-high-error-rate', 'high', '5m'],
    ['appmon-slow-api', 'medium', '3m'],
    ['appmon-database-unavailable', 'critical', '0s'],
    ['appmon-high-memory', 'medium', '10m'],
  ])('%s keeps the seed severity %s and window %s', (uid, severity, pending) => {
    const rule = rules.find((r) => r.uid === uid)!;
    expect(rule.labels.severity).toBe(severity);
    expect(rule.for).toBe(pending);
  });

  describe.each(rules.map((r) => [r.uid, r] as const))('%s', (_, rule) => {
    it('has a severity from the matrix, a summary, a description and a runbook section', () => {
      expect(SEVERITIES).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      expect(rule.annotations.description).toBeTruthy();
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

    it('points at an existing dashboard panel that shows the same data', () => {
      const dashboard = dashboards.find((d) => d.uid === rule.annotations.__dashboardUid__);
      expect(dashboard).toBeDefined();
      const panel = dataPanels(dashboard!).find((p) => String(p.id) === rule.annotations.__panelId__);
      expect(panel).toBeDefined();
      const ruleMetrics = rule.data.map((d) => d.model.metricName).filter(Boolean);
      const panelMetrics = (panel!.targets ?? []).map((t) => t.metricName);
      if (ruleMetrics.length > 0) {
        expect(panelMetrics).toEqual(expect.arrayContaining([ruleMetrics[0]]));
      } else {
        const queryType = rule.data.find((d) => d.datasourceUid === 'appmon')!.model.queryType;
        expect((panel!.targets ?? []).map((t) => t.queryType)).toContain(queryType);
      }
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
