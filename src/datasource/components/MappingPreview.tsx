import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Stack, useStyles2 } from '@grafana/ui';

import { EndpointMapping, MappingEndpoint } from './mappingFields';

/** The backend's POST /preview answer (pkg/plugin/resources_preview.go): values as read, never the raw body. */
export interface PreviewResult {
  endpoint: string;
  path: string;
  mapping: 'candidate' | 'saved' | 'none';
  status: number;
  count: number;
  fields: Array<{ name: string; value: unknown }>;
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  notes: string[] | null;
  error?: string;
}

/** Asks the saved data source's backend to fetch the endpoint and read it through the typed mapping. */
export function fetchPreview(uid: string, endpoint: MappingEndpoint, mapping: EndpointMapping): Promise<PreviewResult> {
  return getBackendSrv().post<PreviewResult>(
    `/api/datasources/uid/${encodeURIComponent(uid)}/resources/preview`,
    { endpoint, mapping },
    { showErrorAlert: false }
  );
}

interface Props {
  uid?: string;
  endpoint: MappingEndpoint;
  mapping: EndpointMapping;
}

export function MappingPreview({ uid, endpoint, mapping }: Props) {
  const styles = useStyles2(getStyles);
  const [result, setResult] = useState<PreviewResult>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(false);

  const run = async () => {
    if (!uid) {
      return;
    }
    setLoading(true);
    setFailure(undefined);
    setResult(undefined);
    try {
      setResult(await fetchPreview(uid, endpoint, mapping));
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Stack direction="column" gap={1}>
      <div>
        <Button variant="secondary" icon="eye" onClick={run} disabled={!uid || loading}>
          {loading ? 'Reading…' : 'Preview'}
        </Button>
      </div>
      {!uid && <Alert severity="info" title="Save the data source first to preview what is read." />}
      {failure && (
        <Alert severity="error" title="Preview failed">
          {failure}
        </Alert>
      )}
      {result && <PreviewOutcome result={result} className={styles.table} />}
    </Stack>
  );
}

function PreviewOutcome({ result, className }: { result: PreviewResult; className: string }) {
  const source =
    result.mapping === 'none'
      ? 'without a mapping'
      : result.mapping === 'saved'
        ? 'with the saved mapping'
        : 'with the mapping above';
  return (
    <>
      {result.error ? (
        <Alert severity="error" title={`${result.path} answered ${result.status}, but could not be read ${source}`}>
          {result.error}
        </Alert>
      ) : (
        <Alert severity="success" title={`Read ${result.path} ${source}`}>
          {result.columns.length > 0 &&
            `${result.count} ${result.count === 1 ? 'row' : 'rows'}${result.truncated ? `, first ${result.rows.length} shown` : ''}.`}
        </Alert>
      )}
      {(result.notes ?? []).map((note) => (
        <Alert key={note} severity="warning" title={note} />
      ))}
      {result.fields.length > 0 && (
        <table className={className} aria-label="Fields read">
          <tbody>
            {result.fields.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}</th>
                <td>{cell(f.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.rows.length > 0 && (
        <table className={className} aria-label="Rows read">
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j}>{cell(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Unknown values are shown as unknown, never as 0 or an empty cell that reads like a value. */
function cell(v: unknown): string {
  if (v === null || v === undefined || v === '') {
    return '—';
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function errorMessage(err: unknown): string {
  const e = err as { data?: { error?: string; message?: string }; message?: string; status?: number };
  return e?.data?.error ?? e?.data?.message ?? e?.message ?? `request failed${e?.status ? ` (${e.status})` : ''}`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      border: `1px solid ${theme.colors.border.weak}`,
      padding: theme.spacing(0.5, 1),
      textAlign: 'left',
      verticalAlign: 'top',
    },
    th: { background: theme.colors.background.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
