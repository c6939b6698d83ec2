import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  Field,
  IconButton,
  Input,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';

import { validateObjectives } from './api';
import { errorMap, ErrorMap, fieldProps, unplacedErrors } from './fieldErrors';
import {
  isCalendarWindow,
  KIND_OPTIONS,
  newObjective,
  objectiveFields,
  objectiveLocalErrors,
  windowLabel,
  withKind,
  withWindow,
} from './objectiveForm';
import { SaveBar } from './SaveBar';
import { ObjectiveForm, ObjectivesValidation, ObjectiveValue } from './types';
import { useSectionEditor } from './useSectionEditor';

const getStyles = (theme: GrafanaTheme2) => ({
  objective: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
  }),
});

const formOf = (r: ObjectivesValidation) => r.objectives;
const EMPTY: ObjectiveForm[] = [];

function numberValue(raw: string): number {
  return raw.trim() === '' ? NaN : Number(raw);
}

function CurrentValue({ value, notices }: { value?: ObjectiveValue; notices: string[] }) {
  if (!value) {
    return null;
  }
  const state =
    value.compliant === null ? 'not known yet' : value.compliant ? 'meeting the target' : 'missing the target';
  return (
    <Text color={value.compliant === false ? 'error' : 'secondary'}>
      Now ({windowLabel(value.window).toLowerCase()}):{' '}
      {value.actual === null ? 'no current value' : `${value.actual.toFixed(3)} %`} against {value.target} %, {state}
      {value.budget_remaining_ratio !== null &&
        `; ${Math.round(value.budget_remaining_ratio * 100)} % of the error budget left`}
      {notices.length > 0 && value.actual === null && ` (${notices[0]})`}
    </Text>
  );
}

interface RowProps {
  index: number;
  objective: ObjectiveForm;
  windows: string[];
  errors: ErrorMap;
  value?: ObjectiveValue;
  /** The title the data source gives it without one, as last checked. */
  titleHint?: string;
  notices: string[];
  onChange: (o: ObjectiveForm) => void;
  onRemove: () => void;
}

function ObjectiveRow({
  index,
  objective: o,
  windows,
  errors,
  value,
  titleHint,
  notices,
  onChange,
  onRemove,
}: RowProps) {
  const styles = useStyles2(getStyles);
  const p = `objectives[${index}]`;
  const idp = `appmon-objective-${index}`;
  const windowOptions = (windows.includes(o.window) ? windows : [...windows, o.window]).map((w) => ({
    label: windowLabel(w),
    value: w,
  }));
  return (
    <section className={styles.objective} aria-label={`Objective ${index + 1}`}>
      <Stack direction="column" gap={0}>
        <Stack gap={2} wrap="wrap" alignItems="flex-start">
          <Field label="Title" description="Shown on panels and reports" {...fieldProps(errors, `${p}.title`)}>
            <Input
              id={`${idp}-title`}
              width={30}
              value={o.title ?? ''}
              placeholder={titleHint ?? 'From the kind'}
              onChange={(e) => onChange({ ...o, title: e.currentTarget.value || undefined })}
            />
          </Field>
          <Field label="Kind" {...fieldProps(errors, `${p}.kind`)}>
            <RadioButtonGroup options={KIND_OPTIONS} value={o.kind} onChange={(k) => onChange(withKind(o, k))} />
          </Field>
          <Field label="Target (%)" description="Share of good time or requests" {...fieldProps(errors, `${p}.target`)}>
            <Input
              id={`${idp}-target`}
              width={12}
              type="number"
              step="any"
              value={Number.isFinite(o.target) ? o.target : ''}
              onChange={(e) => onChange({ ...o, target: numberValue(e.currentTarget.value) })}
            />
          </Field>
          {o.kind === 'latency' && (
            <Field
              label="Threshold (ms)"
              description="p95 latency at or under"
              {...fieldProps(errors, `${p}.threshold_ms`)}
            >
              <Input
                id={`${idp}-threshold`}
                width={12}
                type="number"
                value={Number.isFinite(o.threshold_ms) ? o.threshold_ms : ''}
                onChange={(e) => onChange({ ...o, threshold_ms: numberValue(e.currentTarget.value) })}
              />
            </Field>
          )}
        </Stack>
        <Stack gap={2} wrap="wrap" alignItems="flex-start">
          <Field label="Window" description="The period the target is met over" {...fieldProps(errors, `${p}.window`)}>
            <RadioButtonGroup options={windowOptions} value={o.window} onChange={(w) => onChange(withWindow(o, w))} />
          </Field>
          {isCalendarWindow(o.window) && (
            <Field
              label="Time zone"
              description="Where the month or quarter begins"
              {...fieldProps(errors, `${p}.time_zone`)}
            >
              <Input
                id={`${idp}-zone`}
                width={22}
                value={o.time_zone ?? ''}
                placeholder="UTC"
                onChange={(e) => onChange({ ...o, time_zone: e.currentTarget.value || undefined })}
              />
            </Field>
          )}
          <Field label="ID" description="Label of alert rules and panel queries" {...fieldProps(errors, `${p}.id`)}>
            <Input
              id={`${idp}-id`}
              width={22}
              value={o.id}
              onChange={(e) => onChange({ ...o, id: e.currentTarget.value })}
            />
          </Field>
          <IconButton name="trash-alt" tooltip={`Remove objective ${index + 1}`} onClick={onRemove} />
        </Stack>
        <CurrentValue value={value} notices={notices} />
      </Stack>
    </section>
  );
}

/** Objectives of one AppMon data source: kind, target and window, checked by the backend's own parser. */
export function ObjectivesEditor({ uid }: { uid: string }) {
  const editor = useSectionEditor<ObjectiveForm[], ObjectivesValidation>({
    uid,
    jsonKey: 'slos',
    validate: validateObjectives,
    formOf,
    localErrors: objectiveLocalErrors,
    empty: EMPTY,
  });
  const { form, setForm, result, errors } = editor;
  if (editor.loading) {
    return <LoadingPlaceholder text="Loading the objectives" />;
  }
  if (editor.loadError) {
    return <Alert title="Could not load the objectives">{editor.loadError}</Alert>;
  }
  const byField = errorMap(errors);
  const shown = new Set(form.flatMap((o, i) => objectiveFields(o, i)));
  const preview = result?.preview;
  // Current values belong to the form as last checked; after an edit they are left out until the next check.
  const values = !editor.dirty && preview && preview.objectives.length === form.length ? preview.objectives : [];
  const windows = result?.windows ?? ['30d'];
  const update = (i: number, o: ObjectiveForm) => setForm(form.map((x, j) => (j === i ? o : x)));

  return (
    <Stack direction="column" gap={2}>
      <Text color="secondary">
        Each objective is a target the application should meet over a window. Panels, the SLA report and the alert rules
        read them from this data source.
      </Text>
      {form.length === 0 && <Text>No objectives: SLA panels and burn-rate alerts have nothing to show.</Text>}
      {form.map((o, i) => (
        <ObjectiveRow
          key={i}
          index={i}
          objective={o}
          windows={windows}
          errors={byField}
          value={values[i]}
          titleHint={preview?.objectives[i]?.title}
          notices={preview?.notices ?? []}
          onChange={(next) => update(i, next)}
          onRemove={() => setForm(form.filter((_, j) => j !== i))}
        />
      ))}
      {preview?.error && !editor.dirty && (
        <Alert severity="warning" title="No current values">
          {preview.error}
        </Alert>
      )}
      <div>
        <Button variant="secondary" icon="plus" onClick={() => setForm([...form, newObjective(form)])}>
          Add objective
        </Button>
      </div>
      <SaveBar
        what="objectives"
        settings={editor.settings}
        busy={editor.busy}
        dirty={editor.dirty}
        otherErrors={unplacedErrors(errors, shown)}
        saveResult={editor.saveResult}
        onCheck={editor.check}
        onSave={editor.save}
      />
    </Stack>
  );
}
