import { DataQueryRequest } from '@grafana/data';
import { DataSourceRef } from '@grafana/schema';
import { getDataSourceSrv } from '@grafana/runtime';

import { DATASOURCE_TYPE } from '../../constants';

/**
 * The AppMon data source the escalation frames came from, so an alert can be
 * acknowledged through it: the target with the frame's refId first, else any
 * target. Template variables and the default data source resolve as Grafana
 * resolves them; another data source type has no alert actions.
 */
export function alertSourceUid(request: DataQueryRequest | undefined, refId?: string): string | undefined {
  const targets = request?.targets ?? [];
  const ordered = refId ? [...targets.filter((t) => t.refId === refId), ...targets] : targets;
  for (const t of ordered) {
    try {
      const ref = (t.datasource ?? undefined) as DataSourceRef | undefined;
      const settings = getDataSourceSrv().getInstanceSettings(ref, request?.scopedVars);
      if (settings?.type === DATASOURCE_TYPE) {
        return settings.uid;
      }
    } catch {
      // An unknown data source: no actions through it.
    }
  }
  return undefined;
}
