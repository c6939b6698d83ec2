import React from 'react';
import { Stack } from '@grafana/ui';

import { QueryType } from '../../queryModel.gen';
import { QUERY_TYPE_DESCRIPTORS } from './descriptors';
import { FIELD_EDITORS, FieldProps } from './fieldEditors';

/** The fields of one query type, in its descriptor's order. */
export function QueryTypeSection({ type, ...props }: FieldProps & { type: QueryType }) {
  const fields = QUERY_TYPE_DESCRIPTORS[type].fields.filter(
    (f) => FIELD_EDITORS[f].visible?.(props.query, props.datasource) ?? true
  );
  if (fields.length === 0) {
    return null;
  }
  return (
    <Stack gap={1} wrap="wrap">
      {fields.map((f) => {
        const { Editor } = FIELD_EDITORS[f];
        return <Editor key={f} {...props} />;
      })}
    </Stack>
  );
}
