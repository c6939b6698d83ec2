import React, { ChangeEvent, useState } from 'react';
import { ControlledCollapse, Field, InlineField, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { MappingPreview } from './MappingPreview';
import {
  candidate,
  ENDPOINT_FORMS,
  GroupKey,
  MappingEndpoint,
  Mappings,
  PathKey,
  setMappingField,
  setMappingPath,
} from './mappingFields';

interface Props {
  mappings?: Mappings;
  onChange: (mappings: Mappings | undefined) => void;
  /** The saved data source's uid; the preview runs on the saved URL and key. */
  uid?: string;
}

/**
 * "Response mapping (advanced)": per endpoint, JSONPath expressions for responses whose shape the
 * backend cannot guess. Empty inputs keep the contract's own field names.
 */
export function MappingSection({ mappings, onChange, uid }: Props) {
  const [endpoint, setEndpoint] = useState<MappingEndpoint>('alerts');
  const form = ENDPOINT_FORMS.find((f) => f.endpoint === endpoint) ?? ENDPOINT_FORMS[0];
  const current = mappings?.[endpoint] ?? {};
  const mapped = Object.keys(mappings ?? {});

  const onPath = (key: PathKey) => (e: ChangeEvent<HTMLInputElement>) =>
    onChange(setMappingPath(mappings, endpoint, key, e.target.value));
  const onField = (group: GroupKey, name: string) => (e: ChangeEvent<HTMLInputElement>) =>
    onChange(setMappingField(mappings, endpoint, group, name, e.target.value));

  return (
    <ControlledCollapse label="Response mapping (advanced)" isOpen={mapped.length > 0}>
      <Stack direction="column" gap={2}>
        <Text color="secondary">
          Only for applications whose responses the data source cannot read on its own. Write JSONPath (RFC 9535)
          expressions such as <code>$.payload.alertList[*]</code> or <code>$.level</code>; empty inputs keep the
          contract&apos;s field names. Mistakes are reported with the setting&apos;s name when you save.
        </Text>
        <RadioButtonGroup
          aria-label="Endpoint to map"
          value={endpoint}
          onChange={setEndpoint}
          options={ENDPOINT_FORMS.map((f) => ({
            value: f.endpoint,
            label: mapped.includes(f.endpoint) ? `${f.label} •` : f.label,
            description: f.path,
          }))}
        />
        <div>
          {form.paths.map((p) => (
            <Field key={p.key} label={p.label} description={p.description}>
              <Input
                id={`appmon-mapping-${endpoint}-${p.key}`}
                width={60}
                placeholder={p.placeholder}
                value={current[p.key] ?? ''}
                onChange={onPath(p.key)}
              />
            </Field>
          ))}
          {form.groups.map((g) => (
            <Field key={g.key} label={g.label} description={`Paths relative to ${g.relativeTo}.`}>
              <div>
                {g.names.map((name) => (
                  <InlineField key={name} label={name} labelWidth={24}>
                    <Input
                      id={`appmon-mapping-${endpoint}-${g.key}-${name}`}
                      aria-label={`${form.label} ${g.label.toLowerCase()}: ${name}`}
                      width={40}
                      placeholder="contract's own field"
                      value={current[g.key]?.[name] ?? ''}
                      onChange={onField(g.key, name)}
                    />
                  </InlineField>
                ))}
              </div>
            </Field>
          ))}
        </div>
        <Text color="secondary">
          The preview fetches {form.path} with the saved URL and API key (save first after changing them) and reads it
          through the mapping typed above, before it is saved.
        </Text>
        <MappingPreview uid={uid} endpoint={endpoint} mapping={candidate(mappings, endpoint)} />
      </Stack>
    </ControlledCollapse>
  );
}
