import { GrafanaAlert, GrafanaRule } from '../../shared/grafanaAlerts';
import { safeUrl } from './readAlerts';
import { AlertSpan } from './types';

/**
 * When a Grafana-managed rule and an application alert describe the same condition, in this order:
 * 1. link: the Grafana rule has an `appmon_rule` label naming the application rule;
 * 2. name: the Grafana rule's title equals the application alert's rule name or title, compared
 *    without case, spaces or punctuation ("High Error Rate" = "high_error_rate");
 * 3. metric: the Grafana rule watches the same metric (its `metric` label, else the metricName of
 *    its query) at the same severity as the application alert.
 * The first that holds wins; matched alerts share one row when rows are grouped by rule.
 */
export function normalizeName(name: string | undefined): string {
  return (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

interface AppRule {
  key: string;
  title: string;
}

export interface Match {
  app: AppRule;
  reason: string;
}

/** The application rule a Grafana rule matches, if any, with the reason in words. */
export function matchRule(
  rule: GrafanaRule,
  byName: Map<string, AppRule>,
  byMetric: Map<string, AppRule>
): Match | undefined {
  const link = rule.labels.appmon_rule;
  if (link && byName.has(normalizeName(link))) {
    return { app: byName.get(normalizeName(link))!, reason: `linked by its appmon_rule label (${link})` };
  }
  const named = byName.get(normalizeName(rule.title));
  if (named) {
    return { app: named, reason: 'same rule name' };
  }
  const metric = rule.metric ? byMetric.get(`${rule.metric}|${rule.severity}`) : undefined;
  if (metric) {
    return { app: metric, reason: `same metric ${rule.metric} at severity ${rule.severity}` };
  }
  return undefined;
}

function appRuleOf(alert: AlertSpan): AppRule {
  const key = alert.rule || alert.title;
  return { key, title: alert.title };
}

function fromGrafana(a: GrafanaAlert): AlertSpan {
  return {
    id: a.id,
    title: a.title,
    severity: a.severity,
    state: a.end === undefined ? 'firing' : 'resolved',
    start: a.start,
    end: a.end,
    description: a.summary && a.description ? `${a.summary}\n${a.description}` : a.summary || a.description,
    rule: a.title,
    labels: a.labels,
    runbookUrl: safeUrl(a.runbookUrl),
    value: a.value,
    source: 'grafana',
  };
}

/**
 * Application alerts and Grafana alerts in one list, sorted by start, with matched pairs
 * given one row key and a note on each side saying what the other source calls it.
 */
export function mergeSources(app: AlertSpan[], grafana: GrafanaAlert[], rules: GrafanaRule[]): AlertSpan[] {
  const byName = new Map<string, AppRule>();
  const byMetric = new Map<string, AppRule>();
  for (const alert of app) {
    const rule = appRuleOf(alert);
    for (const name of [alert.rule, alert.title]) {
      if (name && !byName.has(normalizeName(name))) {
        byName.set(normalizeName(name), rule);
      }
    }
    if (alert.metric && !byMetric.has(`${alert.metric}|${alert.severity}`)) {
      byMetric.set(`${alert.metric}|${alert.severity}`, rule);
    }
  }
  const matches = new Map<string, Match>();
  const grafanaByAppKey = new Map<string, { title: string; reason: string }>();
  for (const rule of rules) {
    const m = matchRule(rule, byName, byMetric);
    if (m) {
      matches.set(rule.uid, m);
      if (!grafanaByAppKey.has(m.app.key)) {
        grafanaByAppKey.set(m.app.key, { title: `Grafana rule “${rule.title}”`, reason: m.reason });
      }
    }
  }
  const out: AlertSpan[] = app.map((alert) => {
    const linked = grafanaByAppKey.get(appRuleOf(alert).key);
    return { ...alert, source: 'app' as const, ...(linked ? { linked } : {}) };
  });
  for (const g of grafana) {
    const span = fromGrafana(g);
    const m = matches.get(g.ruleUid);
    out.push(
      m ? { ...span, ruleKey: m.app.key, linked: { title: `application rule “${m.app.key}”`, reason: m.reason } } : span
    );
  }
  return out.sort((a, b) => a.start - b.start);
}
