import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { getAppEvents } from '@grafana/runtime';
import { Button, ComponentSize, ConfirmModal, useStyles2 } from '@grafana/ui';

import { ActionResult, ActionState, acknowledgeAlert, getActionState } from './alertActions';

// Many cards and tooltips ask about the same data source: one question per
// data source per minute is enough (the role and the key rarely change).
const STATE_TTL_MS = 60_000;
const stateCache = new Map<string, { at: number; state: Promise<ActionState> }>();

/** Forgets the cached action states (tests; after the data source settings change). */
export function resetActionStateCache() {
  stateCache.clear();
}

function cachedActionState(uid: string): Promise<ActionState> {
  const hit = stateCache.get(uid);
  if (hit && Date.now() - hit.at < STATE_TTL_MS) {
    return hit.state;
  }
  const state = getActionState(uid);
  stateCache.set(uid, { at: Date.now(), state });
  return state;
}

/** Whether the current user may act on the data source's alerts; undefined while asking. */
export function useActionState(datasourceUid: string | undefined, known?: ActionState): ActionState | undefined {
  const [fetched, setFetched] = useState<{ uid: string; state: ActionState }>();
  useEffect(() => {
    if (known || !datasourceUid) {
      return;
    }
    let live = true;
    cachedActionState(datasourceUid).then((state) => live && setFetched({ uid: datasourceUid, state }));
    return () => {
      live = false;
    };
  }, [datasourceUid, known]);
  return known ?? (datasourceUid && fetched?.uid === datasourceUid ? fetched.state : undefined);
}

/**
 * Asks the dashboard's panels to run their queries again. Dashboards that
 * listen for it refresh at once; the others show the change at their next
 * refresh (the backend forgets its cached alerts after every action).
 */
export function requestRefresh() {
  // A host without an app event bus simply shows the change at its next refresh.
  getAppEvents()?.publish({ type: 'variables-changed', payload: { refreshAll: true } });
}

interface Props {
  datasourceUid: string;
  alertId: string;
  /** The alert's name, for the confirmation. */
  alertName?: string;
  /** The action state when the caller already has it (one request for many buttons). */
  state?: ActionState;
  /** Called after a successful acknowledgement, e.g. to refresh the panel. */
  onDone?: (result: ActionResult) => void;
  size?: ComponentSize;
}

/**
 * Acknowledges one application alert after a confirmation, which stops its
 * escalation. Hidden when no admin key is configured or the user is not an
 * Editor: a button that can only fail is noise.
 */
export function AcknowledgeButton({ datasourceUid, alertId, alertName, state, onDone, size = 'sm' }: Props) {
  const styles = useStyles2(getStyles);
  const actionState = useActionState(datasourceUid, state);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  if (!actionState?.enabled || !actionState.allowed) {
    return null;
  }
  if (done) {
    return (
      <span className={styles.done} role="status">
        {done}
      </span>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    let result: ActionResult;
    try {
      result = await acknowledgeAlert(datasourceUid, alertId);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    } finally {
      setBusy(false);
      setConfirming(false);
    }
    setDone(result.message || 'Acknowledged.');
    onDone?.(result);
  };

  const label = alertName ? `"${alertName}" (${alertId})` : alertId;
  return (
    <span className={styles.wrap}>
      <Button
        size={size}
        variant="secondary"
        icon="check"
        disabled={busy}
        onClick={() => setConfirming(true)}
        aria-label={`Acknowledge alert ${alertId}`}
      >
        Acknowledge
      </Button>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
      <ConfirmModal
        isOpen={confirming}
        title="Acknowledge alert"
        body={`Acknowledge alert ${label}? Its escalation stops: nobody else is notified about it.`}
        confirmText="Acknowledge"
        confirmVariant="primary"
        disabled={busy}
        onConfirm={confirm}
        onDismiss={() => setConfirming(false)}
      />
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'wrap' }),
  error: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
  done: css({ color: theme.colors.success.text, fontSize: theme.typography.bodySmall.fontSize }),
});
