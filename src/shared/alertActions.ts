import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';

/**
 * Acting on the application's alerts from Grafana. The data source's backend
 * holds the admin key and checks the user's role; the browser only names the
 * action, so the key never reaches it.
 */

/** Whether this user may act on this data source's alerts, and why not. */
export interface ActionState {
  /** An admin key is saved in the data source settings. */
  enabled: boolean;
  /** Enabled, and the user has the Editor role or higher. */
  allowed: boolean;
  /** A plain sentence saying what the state means. */
  reason: string;
}

/** What an action returned: a sentence for the user plus the application's answer. */
export interface ActionResult {
  message: string;
  [key: string]: unknown;
}

export interface TestAlertInput {
  severity?: string;
  message?: string;
}

function resourceUrl(uid: string, path: string): string {
  return `/api/datasources/uid/${encodeURIComponent(uid)}/resources/actions${path}`;
}

/** The backend's own sentence ({"error": "..."}) or a plain fallback. */
export function actionErrorMessage(err: unknown): string {
  const e = err as { data?: { error?: unknown; message?: unknown }; status?: number; message?: unknown };
  if (typeof e?.data?.error === 'string' && e.data.error) {
    return e.data.error;
  }
  if (typeof e?.data?.message === 'string' && e.data.message) {
    return e.data.message;
  }
  if (typeof e?.status === 'number' && e.status > 0) {
    return `The action failed (HTTP ${e.status}).`;
  }
  if (typeof e?.message === 'string' && e.message) {
    return e.message;
  }
  return 'The action failed.';
}

async function call<T>(uid: string, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<T>({ url: resourceUrl(uid, path), method, data, showErrorAlert: false })
    );
    return res.data;
  } catch (err) {
    throw new Error(actionErrorMessage(err));
  }
}

/** Asks the backend whether actions are possible; never throws (unknown means not allowed). */
export async function getActionState(datasourceUid: string): Promise<ActionState> {
  try {
    return await call<ActionState>(datasourceUid, 'GET', '');
  } catch (err) {
    return { enabled: false, allowed: false, reason: (err as Error).message };
  }
}

/** Acknowledges an application alert, which stops its escalation. Throws an Error with the plain message. */
export function acknowledgeAlert(datasourceUid: string, alertId: string): Promise<ActionResult> {
  return call<ActionResult>(datasourceUid, 'POST', '/acknowledge', { alertId });
}

/** Raises a test alert in the application. */
export function triggerTestAlert(datasourceUid: string, input: TestAlertInput = {}): Promise<ActionResult> {
  return call<ActionResult>(datasourceUid, 'POST', '/test-alert', input);
}

/** Sends a test notification on one of the application's channels. */
export function testChannel(datasourceUid: string, channel: string): Promise<ActionResult> {
  return call<ActionResult>(datasourceUid, 'POST', '/test-channel', { channel });
}
