import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';

import { provisioningYaml } from './provisioningYaml';
import { DataSourceSettings, ObjectiveForm, ObjectivesValidation, ScheduleForm, ScheduleValidation } from './types';

const quiet = { showErrorAlert: false, showSuccessAlert: false };

function dsPath(uid: string) {
  return `/api/datasources/uid/${encodeURIComponent(uid)}`;
}

/** The data source's settings as Grafana stores them (secrets only as set/unset flags). */
export function getDataSource(uid: string): Promise<DataSourceSettings> {
  return getBackendSrv().get<DataSourceSettings>(dsPath(uid), undefined, undefined, quiet);
}

/** Runs the backend's own parser on the objectives; null asks what the data source uses without "slos". */
export function validateObjectives(uid: string, objectives: ObjectiveForm[] | null): Promise<ObjectivesValidation> {
  return getBackendSrv().post<ObjectivesValidation>(
    `${dsPath(uid)}/resources/validate/objectives`,
    { objectives },
    quiet
  );
}

/** Runs the backend's own parser on the schedule; null asks what the data source uses without "oncall". */
export function validateSchedule(uid: string, schedule: ScheduleForm | null): Promise<ScheduleValidation> {
  return getBackendSrv().post<ScheduleValidation>(`${dsPath(uid)}/resources/validate/schedule`, { schedule }, quiet);
}

export type SaveResult =
  { ok: true; settings: DataSourceSettings } | { ok: false; message: string; readOnly: boolean; yaml: string };

/** Grafana's own wording of a refused request, or a sentence of ours. */
export function grafanaMessage(err: unknown, fallback: string): string {
  const e = err as { data?: { message?: string; error?: string }; message?: string; status?: number };
  return e?.data?.message ?? e?.data?.error ?? e?.message ?? fallback;
}

/**
 * Saves one jsonData section: reads the data source fresh, changes that key only and puts the
 * whole record back, as Grafana's own settings page does. secureJsonFields go back untouched
 * and no secret is ever sent. A refused save (a provisioned data source is read-only) comes
 * back with Grafana's message and the provisioning YAML to paste instead.
 */
export async function saveJsonDataSection(uid: string, key: string, value: unknown): Promise<SaveResult> {
  let current: DataSourceSettings;
  try {
    current = await getDataSource(uid);
  } catch (err) {
    return { ok: false, message: grafanaMessage(err, 'The data source could not be read.'), readOnly: false, yaml: '' };
  }
  const next: DataSourceSettings = { ...current, jsonData: { ...current.jsonData, [key]: value } };
  delete next.secureJsonData;
  try {
    const res = await getBackendSrv().put<{ datasource?: DataSourceSettings }>(dsPath(uid), next, quiet);
    try {
      await getDataSourceSrv().reload();
    } catch {
      // Older hosts without reload: pages read the new settings on their next load.
    }
    return { ok: true, settings: res?.datasource ?? next };
  } catch (err) {
    const status = (err as { status?: number }).status;
    return {
      ok: false,
      message: grafanaMessage(err, 'Grafana refused the change.'),
      readOnly: Boolean(current.readOnly) || status === 403,
      yaml: provisioningYaml(next),
    };
  }
}
