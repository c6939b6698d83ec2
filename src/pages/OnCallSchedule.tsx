import React, { useState } from 'react';
import { useAsync } from 'react-use';
import { PluginPage } from '@grafana/runtime';
import { Alert, Combobox, InlineField, LoadingPlaceholder, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { listAppMonDataSources } from '../api/catalog';
import { fetchSchedule, ScheduleView } from '../api/schedule';
import { ShiftTable } from '../components/ShiftTable';
import { testIds } from '../components/testIds';
import { PlaceholderRotaNotice } from './config/PlaceholderRotaNotice';

const WEEK_CHOICES = [1, 2, 4, 8].map((w) => ({ label: `${w} wk`, value: w }));

function errorMessage(error: unknown): string {
  const data = (error as { data?: { error?: string; message?: string } }).data;
  return data?.error ?? data?.message ?? (error instanceof Error ? error.message : 'The schedule could not be loaded.');
}

function ScheduleTables({ view }: { view: ScheduleView }) {
  return (
    <Stack direction="column" gap={3}>
      {view.warnings.map((w) => (
        <Alert key={w} severity="warning" title={w} />
      ))}
      {view.layers.map((layer) => (
        <section key={layer.name} aria-label={`${layer.name} layer`}>
          <Text element="h3">
            {layer.name}{' '}
            <Text color="secondary">
              ({layer.rotation_length} {layer.rotation_unit} rotation, {layer.time_zone})
            </Text>
          </Text>
          <ShiftTable shifts={layer.shifts} />
        </section>
      ))}
      <section aria-label="Escalation policy">
        <Text element="h3">Escalation when an alert is not acknowledged</Text>
        <ol>
          {view.escalation.map((step) => (
            <li key={step.step}>
              After {step.after_minutes} min:{' '}
              {step.action === 'start_incident' ? 'start an incident' : `notify ${step.target}`}
            </li>
          ))}
        </ol>
      </section>
    </Stack>
  );
}

/** The on-call schedule of the coming weeks, from the data source's settings. */
function OnCallSchedule() {
  const datasources = useAsync(listAppMonDataSources, []);
  const [selected, setSelected] = useState<string | undefined>();
  const [weeks, setWeeks] = useState(4);
  const uid = selected ?? datasources.value?.[0]?.uid;
  const schedule = useAsync(async () => (uid ? fetchSchedule(uid, weeks) : undefined), [uid, weeks]);

  return (
    <PluginPage>
      <div data-testid={testIds.schedule.container}>
        <Stack direction="column" gap={2}>
          <Stack gap={2} wrap="wrap">
            <InlineField label="Data source" labelWidth={14}>
              <Combobox
                id="appmon-schedule-ds"
                width={30}
                options={(datasources.value ?? []).map((d) => ({ label: d.name, value: d.uid }))}
                value={uid ?? null}
                onChange={(o) => setSelected(o.value)}
              />
            </InlineField>
            <InlineField label="Show" labelWidth={8}>
              <RadioButtonGroup options={WEEK_CHOICES} value={weeks} onChange={setWeeks} />
            </InlineField>
          </Stack>
          {datasources.value?.length === 0 && <Text>Add an AppMon data source to see its on-call schedule.</Text>}
          {(datasources.loading || schedule.loading) && <LoadingPlaceholder text="Loading the schedule" />}
          {schedule.error && <Alert title="Could not load the on-call schedule">{errorMessage(schedule.error)}</Alert>}
          {schedule.value && <PlaceholderRotaNotice view={schedule.value} />}
          {schedule.value && <ScheduleTables view={schedule.value} />}
        </Stack>
      </div>
    </PluginPage>
  );
}

export default OnCallSchedule;
