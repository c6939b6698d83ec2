import React from 'react';
import { useAsync } from 'react-use';
import { useSearchParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, Combobox, InlineField, LoadingPlaceholder, Stack, Text } from '@grafana/ui';

import { listAppMonDataSources } from '../../api/catalog';
import { testIds } from '../../components/testIds';
import { fetchSlaReport } from './api';
import { addMonths, monthChoices, monthFromParam, monthOf } from './month';
import { Printable } from './PrintPortal';
import { ReportBody } from './ReportBody';

function errorMessage(error: unknown): string {
  const data = (error as { data?: { error?: string; message?: string } }).data;
  return data?.error ?? data?.message ?? (error instanceof Error ? error.message : 'The report could not be loaded.');
}

/** A calendar month's SLA report; ?month=YYYY-MM opens a given month, ?datasource=<uid> a given data source. */
function SlaReportPage() {
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const picked = params.get('month');
  const { month, invalid } = monthFromParam(picked, now);
  const datasources = useAsync(listAppMonDataSources, []);
  const uid = params.get('datasource') ?? datasources.value?.[0]?.uid;
  // Without ?month the backend picks the current month in the objectives' zone.
  const report = useAsync(
    async () => (uid ? fetchSlaReport(uid, picked && !invalid ? month : undefined) : undefined),
    [uid, picked]
  );
  const shown = report.value?.month ?? month;
  const current = monthOf(now);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };

  return (
    <PluginPage>
      <div data-testid={testIds.report.container}>
        <Stack direction="column" gap={2}>
          <div data-print="hide">
            <Stack gap={2} wrap="wrap" alignItems="center">
              <InlineField label="Month" labelWidth={8}>
                <Stack gap={0.5}>
                  <Button
                    variant="secondary"
                    icon="angle-left"
                    aria-label="Previous month"
                    onClick={() => set('month', addMonths(shown, -1))}
                  />
                  <Combobox
                    id="appmon-report-month"
                    width={22}
                    options={monthChoices(now)}
                    value={shown}
                    onChange={(o) => set('month', o.value)}
                  />
                  <Button
                    variant="secondary"
                    icon="angle-right"
                    aria-label="Next month"
                    disabled={shown >= current}
                    onClick={() => set('month', addMonths(shown, 1))}
                  />
                </Stack>
              </InlineField>
              {(datasources.value?.length ?? 0) > 1 && (
                <InlineField label="Data source" labelWidth={14}>
                  <Combobox
                    id="appmon-report-ds"
                    width={30}
                    options={(datasources.value ?? []).map((d) => ({ label: d.name, value: d.uid }))}
                    value={uid ?? null}
                    onChange={(o) => set('datasource', o.value)}
                  />
                </InlineField>
              )}
              <Button icon="file-alt" variant="secondary" onClick={() => window.print()} disabled={!report.value}>
                Print or save as PDF
              </Button>
            </Stack>
          </div>
          {invalid && (
            <Alert severity="warning" title={`"${invalid}" is not a month`}>
              Use ?month=YYYY-MM, e.g. ?month={current}. Showing the current month.
            </Alert>
          )}
          {datasources.value?.length === 0 && <Text>Add an AppMon data source to see its SLA report.</Text>}
          {datasources.error && <Alert title="Could not list data sources">{datasources.error.message}</Alert>}
          {(datasources.loading || report.loading) && <LoadingPlaceholder text="Computing the report" />}
          {report.error && <Alert title="Could not compute the SLA report">{errorMessage(report.error)}</Alert>}
          {report.value && !report.loading && (
            <Printable>
              <ReportBody report={report.value} />
            </Printable>
          )}
        </Stack>
      </div>
    </PluginPage>
  );
}

export default SlaReportPage;
