import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, ClipboardButton, Stack, Text, useStyles2 } from '@grafana/ui';

import { SaveResult } from './api';
import { DataSourceSettings, FieldError } from './types';

interface Props {
  settings?: DataSourceSettings;
  busy: boolean;
  dirty: boolean;
  /** Problems no field shows. */
  otherErrors: FieldError[];
  saveResult?: SaveResult;
  onCheck: () => void;
  onSave: () => void;
  /** What is saved, for the success message ("objectives", "rota"). */
  what: string;
}

const getStyles = (theme: GrafanaTheme2) => ({
  yaml: css({
    maxHeight: 320,
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.canvas,
    padding: theme.spacing(1),
  }),
});

/** Check, save, and what came of it: Grafana's own message when it refuses, and the YAML to paste instead. */
export function SaveBar({ settings, busy, dirty, otherErrors, saveResult, onCheck, onSave, what }: Props) {
  const styles = useStyles2(getStyles);
  const readOnly = Boolean(settings?.readOnly);
  return (
    <Stack direction="column" gap={1}>
      {otherErrors.length > 0 && (
        <Alert severity="error" title="The data source would not accept this">
          <ul>
            {otherErrors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {e.field ? <code>{e.field}</code> : null} {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Stack gap={1} alignItems="center">
        <Button variant="secondary" icon="check" onClick={onCheck} disabled={busy}>
          Check and preview
        </Button>
        <Button variant="primary" icon={readOnly ? 'file-alt' : 'save'} onClick={onSave} disabled={busy}>
          {readOnly ? 'Check and show provisioning YAML' : 'Save'}
        </Button>
        {dirty && <Text color="secondary">Unsaved changes</Text>}
      </Stack>
      {readOnly && !saveResult && (
        <Text color="secondary">
          A provisioning file defines this data source, so Grafana keeps it read-only: check the form, then copy its
          provisioning YAML into that file.
        </Text>
      )}
      {saveResult?.ok && (
        <Alert severity="success" title={`Saved the ${what}`}>
          Panels, pages and alert rules of {settings?.name ?? 'this data source'} use them from now on.
        </Alert>
      )}
      {saveResult && !saveResult.ok && (
        <Alert
          severity={saveResult.readOnly ? 'info' : 'error'}
          title={saveResult.readOnly ? 'Not saved: the data source is read-only' : 'Grafana did not save the change'}
        >
          <Stack direction="column" gap={1}>
            <Text>{saveResult.message}</Text>
            {saveResult.readOnly && saveResult.yaml && (
              <>
                <Text>
                  Put this into the data source&apos;s provisioning file (for example
                  provisioning/datasources/appmon.yaml) and restart Grafana:
                </Text>
                <pre className={styles.yaml} aria-label="Provisioning YAML">
                  {saveResult.yaml}
                </pre>
                <div>
                  <ClipboardButton icon="copy" variant="primary" getText={() => saveResult.yaml}>
                    Copy provisioning YAML
                  </ClipboardButton>
                </div>
              </>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
