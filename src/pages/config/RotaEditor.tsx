import React from 'react';
import { Alert, Button, LoadingPlaceholder, Stack, Text } from '@grafana/ui';

import { validateSchedule } from './api';
import { errorMap, unplacedErrors } from './fieldErrors';
import { LayerEditor } from './LayerEditor';
import { OverridesEditor } from './OverridesEditor';
import { placeholderNames } from './placeholders';
import { SaveBar } from './SaveBar';
import { newLayer, renameLayer, scheduleFields, scheduleLocalErrors } from './scheduleForm';
import { SchedulePreview } from './SchedulePreview';
import { ScheduleForm, ScheduleValidation, StepForm } from './types';
import { useSectionEditor } from './useSectionEditor';

const formOf = (r: ScheduleValidation) => r.schedule;
const EMPTY: ScheduleForm = { layers: [], overrides: [], escalation: [] };

function stepText(s: StepForm): string {
  if (s.action === 'start_incident') {
    return 'start an incident';
  }
  return `notify ${s.person ? `${s.person.name} (${s.person.contact})` : `whoever is on call in ${s.layer}`}`;
}

/** The on-call rota of one AppMon data source: layers, members and their contacts, handoffs and overrides. */
export function RotaEditor({ uid }: { uid: string }) {
  const editor = useSectionEditor<ScheduleForm, ScheduleValidation>({
    uid,
    jsonKey: 'oncall',
    validate: validateSchedule,
    formOf,
    localErrors: scheduleLocalErrors,
    empty: EMPTY,
  });
  const { form, setForm, result, errors } = editor;
  if (editor.loading) {
    return <LoadingPlaceholder text="Loading the rota" />;
  }
  if (editor.loadError) {
    return <Alert title="Could not load the rota">{editor.loadError}</Alert>;
  }
  const byField = errorMap(errors);
  const placeholders = placeholderNames(form);
  const preview = !editor.dirty || editor.busy ? result?.preview : undefined;

  return (
    <Stack direction="column" gap={2}>
      {placeholders.length > 0 && (
        <Alert severity="warning" title="This rota has placeholder engineers">
          {placeholders.join(', ')} are placeholders: their contacts at example.com reach nobody. Put your team&apos;s
          names and contacts in their place, then save.
        </Alert>
      )}
      <Text element="h3">Layers</Text>
      <Text color="secondary">
        Members of a layer take turns in order. Alert notifications name who is on call in the first two layers.
      </Text>
      {form.layers.map((l, i) => (
        <LayerEditor
          key={i}
          index={i}
          layer={l}
          errors={byField}
          onChange={(next) => setForm({ ...form, layers: form.layers.map((x, j) => (j === i ? next : x)) })}
          onRename={(name) => setForm(renameLayer(form, i, name))}
          onRemove={() => setForm({ ...form, layers: form.layers.filter((_, j) => j !== i) })}
        />
      ))}
      <div>
        <Button
          variant="secondary"
          icon="plus"
          onClick={() => setForm({ ...form, layers: [...form.layers, newLayer(form.layers)] })}
        >
          Add layer
        </Button>
      </div>
      <Text element="h3">Overrides</Text>
      <OverridesEditor schedule={form} errors={byField} onChange={(overrides) => setForm({ ...form, overrides })} />
      <Text element="h3">Escalation when an alert is not acknowledged</Text>
      {form.escalation.length === 0 ? (
        <Text color="secondary">No escalation policy.</Text>
      ) : (
        <ol aria-label="Escalation policy" style={{ paddingLeft: 24 }}>
          {form.escalation.map((s, i) => (
            <li key={i}>
              After {s.after_minutes} min: {stepText(s)}
            </li>
          ))}
        </ol>
      )}
      <SaveBar
        what="rota"
        settings={editor.settings}
        busy={editor.busy}
        dirty={editor.dirty}
        otherErrors={unplacedErrors(errors, new Set(scheduleFields(form)))}
        saveResult={editor.saveResult}
        onCheck={editor.check}
        onSave={editor.save}
      />
      {preview && <SchedulePreview view={preview} />}
    </Stack>
  );
}
