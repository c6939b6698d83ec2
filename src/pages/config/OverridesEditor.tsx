import React from 'react';
import { Button, Field, IconButton, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { ErrorMap, fieldProps } from './fieldErrors';
import { newOverride } from './scheduleForm';
import { OverrideForm, ScheduleForm } from './types';

interface Props {
  schedule: ScheduleForm;
  errors: ErrorMap;
  onChange: (overrides: OverrideForm[]) => void;
}

/** Someone covering a layer for a while (holidays, swaps); later overrides win. */
export function OverridesEditor({ schedule, errors, onChange }: Props) {
  const { overrides } = schedule;
  const layers = schedule.layers.map((l) => ({ label: l.name, value: l.name }));
  const update = (i: number, o: OverrideForm) => onChange(overrides.map((x, j) => (j === i ? o : x)));
  return (
    <Stack direction="column" gap={1}>
      {overrides.length === 0 && <Text color="secondary">No overrides.</Text>}
      {overrides.map((o, i) => {
        const p = `overrides[${i}]`;
        return (
          <section key={i} aria-label={`Override ${i + 1}`}>
            <Stack gap={1} wrap="wrap" alignItems="flex-start">
              <Field label="Layer" {...fieldProps(errors, `${p}.layer`)}>
                <RadioButtonGroup options={layers} value={o.layer} onChange={(layer) => update(i, { ...o, layer })} />
              </Field>
              <Field label="Who" {...fieldProps(errors, `${p}.name`)}>
                <Input
                  id={`appmon-override-${i}-name`}
                  width={20}
                  value={o.name}
                  onChange={(e) => update(i, { ...o, name: e.currentTarget.value })}
                />
              </Field>
              <Field label="Contact" {...fieldProps(errors, `${p}.contact`)}>
                <Input
                  id={`appmon-override-${i}-contact`}
                  width={24}
                  value={o.contact}
                  onChange={(e) => update(i, { ...o, contact: e.currentTarget.value })}
                />
              </Field>
              <Field label="From" description="In the layer's time zone" {...fieldProps(errors, `${p}.start`)}>
                <Input
                  id={`appmon-override-${i}-start`}
                  type="datetime-local"
                  value={o.start}
                  onChange={(e) => update(i, { ...o, start: e.currentTarget.value })}
                />
              </Field>
              <Field label="Until" {...fieldProps(errors, `${p}.end`)}>
                <Input
                  id={`appmon-override-${i}-end`}
                  type="datetime-local"
                  value={o.end}
                  onChange={(e) => update(i, { ...o, end: e.currentTarget.value })}
                />
              </Field>
              <IconButton
                name="trash-alt"
                tooltip={`Remove override ${i + 1}`}
                onClick={() => onChange(overrides.filter((_, j) => j !== i))}
              />
            </Stack>
          </section>
        );
      })}
      <div>
        <Button
          size="sm"
          variant="secondary"
          icon="plus"
          disabled={schedule.layers.length === 0}
          onClick={() => onChange([...overrides, newOverride(schedule)])}
        >
          Add override
        </Button>
      </div>
    </Stack>
  );
}
