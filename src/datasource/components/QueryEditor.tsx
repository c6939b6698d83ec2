import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { InlineField, InlineSwitch, RadioButtonGroup, Stack, Text } from '@grafana/ui';

import { DataSource } from '../datasource';
import { QUERY_TYPES } from '../queryModel.gen';
import { AppMonDataSourceOptions, AppMonQuery, QueryType } from '../types';
import { QUERY_TYPE_DESCRIPTORS, describe, streams } from './query/descriptors';
import { QueryTypeSection } from './query/QueryTypeSection';

type Props = QueryEditorProps<DataSource, AppMonQuery, AppMonDataSourceOptions>;

const TYPE_OPTIONS = QUERY_TYPES.map((value) => ({
  value,
  label: QUERY_TYPE_DESCRIPTORS[value].label,
  description: describe(value),
}));

/** The query editor: a type picker, that type's section, and the live switch where it streams. */
export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const queryType = query.queryType ?? 'metrics';
  const update = (patch: Partial<AppMonQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };

  return (
    <Stack direction="column" gap={1}>
      <InlineField label="Query type" labelWidth={14}>
        <RadioButtonGroup<QueryType>
          options={TYPE_OPTIONS}
          value={queryType}
          // A type Live cannot stream would refuse the query, so the switch goes off with it.
          onChange={(v) => update(streams(v) || !query.live ? { queryType: v } : { queryType: v, live: false })}
        />
      </InlineField>

      <QueryTypeSection type={queryType} query={query} datasource={datasource} update={update} />

      {streams(queryType) && (
        <InlineField
          label="Live"
          labelWidth={14}
          tooltip="Stream current values through Grafana Live, for wall screens"
        >
          <InlineSwitch value={Boolean(query.live)} onChange={(e) => update({ live: e.currentTarget.checked })} />
        </InlineField>
      )}

      <Text color="secondary" variant="bodySmall">
        {QUERY_TYPE_DESCRIPTORS[queryType].help}
      </Text>
    </Stack>
  );
}
