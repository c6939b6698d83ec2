import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import {
  Badge,
  Button,
  Field,
  FieldValidationMessage,
  IconButton,
  Input,
  RadioButtonGroup,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';

import { ErrorMap, fieldProps } from './fieldErrors';
import { isPlaceholder } from './placeholders';
import { UNIT_OPTIONS, WEEKDAY_OPTIONS, withUnit } from './scheduleForm';
import { LayerForm, Member } from './types';

const getStyles = (theme: GrafanaTheme2) => ({
  layer: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
  }),
});

interface Props {
  index: number;
  layer: LayerForm;
  errors: ErrorMap;
  onChange: (l: LayerForm) => void;
  onRename: (name: string) => void;
  onRemove: () => void;
}

function MemberRow(props: {
  path: string;
  layer: string;
  n: number;
  member: Member;
  errors: ErrorMap;
  last: boolean;
  onChange: (m: Member) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { path, layer, n, member: m, errors, last } = props;
  return (
    <Stack gap={1} alignItems="flex-start">
      <Text color="secondary">{n + 1}.</Text>
      <Field label="Name" {...fieldProps(errors, `${path}.name`)}>
        <Input
          width={24}
          aria-label={`Name of member ${n + 1} of ${layer}`}
          value={m.name}
          onChange={(e) => props.onChange({ ...m, name: e.currentTarget.value })}
        />
      </Field>
      <Field label="Contact" {...fieldProps(errors, `${path}.contact`)}>
        <Input
          width={30}
          aria-label={`Contact of member ${n + 1} of ${layer}`}
          value={m.contact}
          placeholder="E-mail, phone or chat handle"
          onChange={(e) => props.onChange({ ...m, contact: e.currentTarget.value })}
        />
      </Field>
      {isPlaceholder(m) && <Badge color="orange" icon="exclamation-triangle" text="placeholder" />}
      <IconButton
        name="arrow-up"
        tooltip="Earlier in the rotation"
        disabled={n === 0}
        onClick={() => props.onMove(-1)}
      />
      <IconButton name="arrow-down" tooltip="Later in the rotation" disabled={last} onClick={() => props.onMove(1)} />
      <IconButton name="trash-alt" tooltip={`Remove member ${n + 1} of ${layer}`} onClick={props.onRemove} />
    </Stack>
  );
}

/** One rotation: who takes turns, how long a shift lasts and when it hands off. */
export function LayerEditor({ index, layer: l, errors, onChange, onRename, onRemove }: Props) {
  const styles = useStyles2(getStyles);
  const p = `layers[${index}]`;
  const idp = `appmon-layer-${index}`;
  const setMembers = (members: Member[]) => onChange({ ...l, members });
  const move = (j: number, by: number) => {
    const next = [...l.members];
    [next[j], next[j + by]] = [next[j + by], next[j]];
    setMembers(next);
  };
  return (
    <section className={styles.layer} aria-label={`Layer ${l.name || index + 1}`}>
      <Stack direction="column" gap={1}>
        <Stack gap={2} wrap="wrap" alignItems="flex-start">
          <Field label="Layer name" description="e.g. primary, secondary" {...fieldProps(errors, `${p}.name`)}>
            <Input id={`${idp}-name`} width={20} value={l.name} onChange={(e) => onRename(e.currentTarget.value)} />
          </Field>
          <Field label="Shift length" {...fieldProps(errors, `${p}.rotation_length`)}>
            <Input
              id={`${idp}-length`}
              width={8}
              type="number"
              min={1}
              value={Number.isInteger(l.rotation_length) ? l.rotation_length : ''}
              onChange={(e) =>
                onChange({ ...l, rotation_length: e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value) })
              }
            />
          </Field>
          <Field label="Unit" {...fieldProps(errors, `${p}.rotation_unit`)}>
            <RadioButtonGroup
              options={UNIT_OPTIONS}
              value={l.rotation_unit}
              onChange={(u) => onChange(withUnit(l, u))}
            />
          </Field>
          <IconButton name="trash-alt" tooltip={`Remove layer ${l.name}`} onClick={onRemove} />
        </Stack>
        <Stack gap={2} wrap="wrap" alignItems="flex-start">
          {l.rotation_unit === 'weeks' && (
            <Field label="Handoff day" {...fieldProps(errors, `${p}.handoff_weekday`)}>
              <RadioButtonGroup
                options={WEEKDAY_OPTIONS}
                value={l.handoff_weekday ?? 'monday'}
                onChange={(d) => onChange({ ...l, handoff_weekday: d })}
              />
            </Field>
          )}
          <Field label="Handoff time" {...fieldProps(errors, `${p}.handoff_time`)}>
            <Input
              id={`${idp}-handoff`}
              width={12}
              type="time"
              value={l.handoff_time}
              onChange={(e) => onChange({ ...l, handoff_time: e.currentTarget.value })}
            />
          </Field>
          <Field
            label="Time zone"
            description="IANA name, e.g. Europe/Berlin"
            {...fieldProps(errors, `${p}.time_zone`)}
          >
            <Input
              id={`${idp}-zone`}
              width={22}
              value={l.time_zone}
              onChange={(e) => onChange({ ...l, time_zone: e.currentTarget.value })}
            />
          </Field>
          <Field
            label="First shift"
            description="Starts at the first handoff on or after"
            {...fieldProps(errors, `${p}.start`)}
          >
            <Input
              id={`${idp}-start`}
              width={16}
              type="date"
              value={l.start}
              onChange={(e) => onChange({ ...l, start: e.currentTarget.value })}
            />
          </Field>
        </Stack>
        <div>
          <Text weight="medium">Members, in rotation order</Text>
          <Stack direction="column" gap={0}>
            {l.members.map((m, j) => (
              <MemberRow
                key={j}
                path={`${p}.members[${j}]`}
                layer={l.name}
                n={j}
                member={m}
                errors={errors}
                last={j === l.members.length - 1}
                onChange={(next) => setMembers(l.members.map((x, k) => (k === j ? next : x)))}
                onMove={(by) => move(j, by)}
                onRemove={() => setMembers(l.members.filter((_, k) => k !== j))}
              />
            ))}
          </Stack>
          {errors[`${p}.members`] && <FieldValidationMessage>{errors[`${p}.members`]}</FieldValidationMessage>}
        </div>
        <div>
          <Button
            size="sm"
            variant="secondary"
            icon="plus"
            onClick={() => setMembers([...l.members, { name: '', contact: '' }])}
          >
            Add member
          </Button>
        </div>
      </Stack>
    </section>
  );
}
