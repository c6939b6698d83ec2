import { useEffect, useState } from 'react';

import { fetchGrafanaAlerts, GrafanaAlertsResult } from '../../shared/grafanaAlerts';
import { AlertSource } from './types';

export interface GrafanaAlertsState extends GrafanaAlertsResult {
  loading: boolean;
}

const IDLE: GrafanaAlertsState = { alerts: [], history: false, issues: [], loading: false };

/**
 * Grafana-managed alerts for the panel's time range, read again whenever the panel's data
 * arrives (`refresh`), so both sources refresh together. Disabled when the source is "application".
 * While a new answer is on its way the previous one stays on screen (loading is true).
 */
export function useGrafanaAlerts(
  source: AlertSource,
  from: number,
  to: number,
  folder: string,
  labels: string,
  refresh: number
): GrafanaAlertsState {
  const enabled = source !== 'application';
  const key = enabled ? JSON.stringify([source, from, to, folder, labels, refresh]) : '';
  const [answer, setAnswer] = useState<{ key: string; result: GrafanaAlertsResult } | null>(null);

  useEffect(() => {
    if (!key) {
      return;
    }
    let cancelled = false;
    const done = (result: GrafanaAlertsResult) => !cancelled && setAnswer({ key, result });
    fetchGrafanaAlerts({
      from,
      to,
      filter: { folder, labels },
      fallback: source === 'both' ? 'showing application alerts only.' : 'no Grafana alerts to show.',
    })
      .then(done)
      .catch((err: unknown) =>
        done({
          alerts: [],
          history: false,
          issues: [{ level: 'warning', message: `Grafana alerts could not be read: ${String(err)}` }],
        })
      );
    return () => {
      cancelled = true;
    };
    // The key holds every input; listing them again would only repeat it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!enabled) {
    return IDLE;
  }
  if (!answer) {
    return { ...IDLE, loading: true };
  }
  return { ...answer.result, loading: answer.key !== key };
}
