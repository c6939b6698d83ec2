import { readFileSync } from 'fs';
import { resolve } from 'path';

/**
 * Grafana's alerting API answers for tests, in the shapes Grafana 12's HTTP API documents
 * (the Prometheus-compatible rules API's RuleDiscovery / RuleGroup / AlertingRule / Alert models,
 * and the state history data frame of time, line and labels). The host check's Go server serves
 * the same files (tests/host/grafana-alerting/), so jest and the browser see one fixture.
 *
 * At the golden clock (2025-06-01 12:00:30 UTC), folder AppMon, label source=appmon:
 * - "Error rate above 1 % for 5 minutes" firing since 11:42 (pending from 11:37): the same metric
 *   (api.error_rate) and severity (high) as the golden application alert high_error_rate;
 * - "CPU above 80 % for 10 minutes" firing since 11:20 (activeAt 11:10, when it began pending);
 * - "Disk above 80 % for 5 minutes" fired 11:05–11:25, now inactive (history only);
 * - "Memory above 80 % for 10 minutes" pending (not an alert yet);
 * and, outside AppMon's folder, "Checkout conversion below 2 %" firing (filtered out by default).
 */
const DIR = resolve(__dirname, '..', '..', 'tests', 'host', 'grafana-alerting');

export function grafanaRulesFixture(): unknown {
  return JSON.parse(readFileSync(resolve(DIR, 'rules.json'), 'utf8'));
}

export function grafanaHistoryFixture(): unknown {
  return JSON.parse(readFileSync(resolve(DIR, 'history.json'), 'utf8'));
}

/** The history answer for one rule, as Grafana filters it by ruleUID. */
export function grafanaHistoryFor(ruleUid: string): unknown {
  const doc = grafanaHistoryFixture() as { schema: unknown; data: { values: unknown[][] } };
  const [times, lines, labels] = doc.data.values;
  const keep = lines.map((l) => (l as { ruleUID?: string }).ruleUID === ruleUid);
  const pick = (col: unknown[]) => col.filter((_, i) => keep[i]);
  return { schema: doc.schema, data: { values: [pick(times), pick(lines), pick(labels)] } };
}
