import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';

import {
  combineGrafanaAlerts,
  GrafanaAlert,
  GrafanaRule,
  GrafanaRuleFilter,
  GrafanaShapeError,
  historySpans,
  HistoryTransition,
  parseHistory,
  parseRules,
} from './grafanaAlertsParse';
import { PanelIssue } from './issues';

export type { GrafanaAlert, GrafanaRule, GrafanaRuleFilter } from './grafanaAlertsParse';

/**
 * Grafana-managed alerts read from Grafana's own HTTP API with the viewer's session
 * (so a viewer sees exactly the rules their role may read): the current rules and
 * instances, then the state history of each picked rule for the time range.
 */

export const RULES_URL = '/api/prometheus/grafana/api/v1/rules';
export const HISTORY_URL = '/api/v1/rules/history';
/** History is one request per rule; past this many rules only current alerts are read. */
export const MAX_HISTORY_RULES = 40;
const HISTORY_CONCURRENCY = 4;

export interface GrafanaAlertsResult {
  /** Undefined when the rules could not be read at all (see issues). */
  rules?: GrafanaRule[];
  alerts: GrafanaAlert[];
  /** Whether history was read (else only alerts firing now are known). */
  history: boolean;
  issues: PanelIssue[];
}

type Get = (url: string, params: Record<string, string | number>) => Promise<unknown>;

const viaBackendSrv: Get = async (url, params) =>
  (
    await lastValueFrom(
      getBackendSrv().fetch<unknown>({ url, params, method: 'GET', showErrorAlert: false, showSuccessAlert: false })
    )
  ).data;

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' && s > 0 ? s : undefined;
}

function messageOf(err: unknown): string {
  const e = err as { data?: { message?: unknown; error?: unknown }; message?: unknown; statusText?: unknown };
  for (const m of [e?.data?.message, e?.data?.error, e?.message, e?.statusText]) {
    if (typeof m === 'string' && m.trim()) {
      return m.trim();
    }
  }
  return '';
}

/** A failed rules request in the viewer's words; `fallback` says what the panel shows instead. */
export function rulesErrorMessage(err: unknown, fallback: string): string {
  if (err instanceof GrafanaShapeError) {
    return `${err.message} ${fallback}`;
  }
  const status = statusOf(err);
  if (status === 401 || status === 403) {
    return `Your role cannot read Grafana alert rules; ${fallback}`;
  }
  if (status === 404) {
    return `This Grafana does not serve Grafana-managed alert rules (HTTP 404); ${fallback}`;
  }
  const detail = messageOf(err);
  return `Grafana alert rules could not be read${status ? ` (HTTP ${status}${detail ? `: ${detail}` : ''})` : detail ? ` (${detail})` : ''}; ${fallback}`;
}

/** Runs `work` over items with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      await work(items[next++]);
    }
  });
  await Promise.all(runners);
}

export interface FetchOptions {
  from: number;
  to: number;
  filter: GrafanaRuleFilter;
  /** What the panel shows when Grafana's rules cannot be read, e.g. "showing application alerts only". */
  fallback: string;
  /** For tests: how a GET is made (default: getBackendSrv with the viewer's session). */
  get?: Get;
}

export async function fetchGrafanaAlerts({
  from,
  to,
  filter,
  fallback,
  get = viaBackendSrv,
}: FetchOptions): Promise<GrafanaAlertsResult> {
  const issues: PanelIssue[] = [];
  let parsed;
  try {
    parsed = parseRules(await get(RULES_URL, {}), filter);
  } catch (err) {
    return { alerts: [], history: false, issues: [{ level: 'warning', message: rulesErrorMessage(err, fallback) }] };
  }
  if (parsed.skipped > 0) {
    issues.push({
      level: 'info',
      message: `${parsed.skipped} Grafana alert entries could not be read and are not shown.`,
    });
  }
  const { rules, firing } = parsed;
  if (rules.length === 0) {
    issues.push({
      level: 'info',
      message: `No Grafana alert rules match the filter (${describeFilter(filter)}).`,
    });
    return { rules, alerts: [], history: false, issues };
  }
  if (rules.length > MAX_HISTORY_RULES) {
    issues.push({
      level: 'info',
      message: `${rules.length} Grafana rules match the filter: showing their alerts firing now, without history. Narrow the filter to ${MAX_HISTORY_RULES} rules or fewer for history.`,
    });
    return { rules, alerts: firing, history: false, issues };
  }

  const transitions: HistoryTransition[] = [];
  const failures: unknown[] = [];
  let skipped = 0;
  // The history API takes Unix seconds and one rule at a time.
  const params = { from: Math.floor(from / 1000), to: Math.ceil(to / 1000) };
  await eachLimited(rules, HISTORY_CONCURRENCY, async (rule) => {
    try {
      const h = parseHistory(await get(HISTORY_URL, { ...params, ruleUID: rule.uid }));
      transitions.push(...h.transitions);
      skipped += h.skipped;
    } catch (err) {
      failures.push(err);
    }
  });
  if (failures.length > 0) {
    const status = statusOf(failures[0]);
    const why =
      failures[0] instanceof GrafanaShapeError
        ? failures[0].message
        : status === 401 || status === 403
          ? 'your role cannot read it'
          : `HTTP ${status ?? 'error'}${messageOf(failures[0]) ? `: ${messageOf(failures[0])}` : ''}`;
    issues.push({
      level: 'warning',
      message: `Grafana’s alert state history could not be read for ${failures.length} of ${rules.length} rules (${why}); those rules show only alerts firing now.`,
    });
  }
  if (skipped > 0) {
    issues.push({ level: 'info', message: `${skipped} Grafana state history entries could not be read.` });
  }
  transitions.sort((a, b) => a.time - b.time);
  const byUid = new Map(rules.map((r) => [r.uid, r]));
  const spans = historySpans(transitions, byUid);
  return { rules, alerts: combineGrafanaAlerts(firing, spans), history: failures.length < rules.length, issues };
}

export function describeFilter(filter: GrafanaRuleFilter): string {
  const parts = [
    filter.folder?.trim() ? `folder ${filter.folder.trim()}` : '',
    filter.labels?.trim() ? `labels ${filter.labels.trim()}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all rules';
}
