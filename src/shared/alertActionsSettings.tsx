import React, { useState } from 'react';
import { Alert, Box, Button, ConfirmModal, Field, Input, Stack } from '@grafana/ui';

import { useActionState } from './AcknowledgeButton';
import { ActionResult, testChannel, triggerTestAlert } from './alertActions';

interface Props {
  /** The saved data source; actions use its saved admin key. */
  datasourceUid?: string;
  /** An admin key is saved (secureJsonFields.adminKey). */
  adminKeySaved: boolean;
}

type Pending = { kind: 'alert' } | { kind: 'channel'; channel: string };

/**
 * "Send test alert" and "Test notification channel" in the data source settings,
 * once an admin key is saved and for Editors: they check the whole path from the
 * application to whoever gets paged without waiting for a real incident.
 */
export function AlertActionsSettings({ datasourceUid, adminKeySaved }: Props) {
  const state = useActionState(adminKeySaved ? datasourceUid : undefined);
  const [channel, setChannel] = useState('webhook');
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  if (!adminKeySaved || !datasourceUid || !state?.enabled || !state.allowed) {
    return null;
  }

  const run = async () => {
    if (!pending) {
      return;
    }
    setBusy(true);
    try {
      const result: ActionResult =
        pending.kind === 'alert'
          ? await triggerTestAlert(datasourceUid, { severity: 'info' })
          : await testChannel(datasourceUid, pending.channel);
      setOutcome({ ok: true, text: result.message });
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  };

  return (
    <Box marginBottom={2}>
      <Stack direction="column" gap={1}>
        <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
          <Button variant="secondary" icon="bell" disabled={busy} onClick={() => setPending({ kind: 'alert' })}>
            Send test alert
          </Button>
          <Field label="Notification channel" noMargin>
            <Input
              id="appmon-test-channel"
              width={20}
              value={channel}
              placeholder="webhook"
              onChange={(e) => setChannel(e.currentTarget.value)}
            />
          </Field>
          <Button
            variant="secondary"
            icon="message"
            disabled={busy || channel.trim() === ''}
            onClick={() => setPending({ kind: 'channel', channel: channel.trim() })}
          >
            Test notification channel
          </Button>
        </Stack>
        {outcome && (
          <Alert severity={outcome.ok ? 'success' : 'error'} title={outcome.ok ? 'Done' : 'The action failed'}>
            {outcome.text}
          </Alert>
        )}
        <ConfirmModal
          isOpen={pending !== undefined}
          title={pending?.kind === 'channel' ? 'Test notification channel' : 'Send test alert'}
          body={
            pending?.kind === 'channel'
              ? `Send a test notification on the application's "${pending.channel}" channel? Whoever it reaches receives it.`
              : 'Raise an info alert "Test alert from Grafana" in the application? It appears in the alert views and escalates like any alert until it is acknowledged or resolved.'
          }
          confirmText={pending?.kind === 'channel' ? 'Send test notification' : 'Send test alert'}
          confirmVariant="primary"
          disabled={busy}
          onConfirm={run}
          onDismiss={() => setPending(undefined)}
        />
      </Stack>
    </Box>
  );
}
