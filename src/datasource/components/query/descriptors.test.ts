import { readFileSync } from 'fs';
import { resolve } from 'path';

import {
  ALERTS_ACTION_VALUES,
  FORMAT_VALUES,
  ONCALL_VIEW_VALUES,
  QUERY_CONTRACT,
  QUERY_LIMITS,
  QUERY_TYPES,
} from '../../queryModel.gen';
import { QUERY_TYPE_DESCRIPTORS } from './descriptors';
import { FIELD_EDITORS } from './fieldEditors';

// The schema the Go backend's test writes from its query model (pkg/query/model_types.go).
interface SchemaProperty {
  type: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
}
interface QueryTypeDefinition {
  spec: {
    description: string;
    discriminators: Array<{ field: string; value: string }>;
    schema: { properties: Record<string, SchemaProperty> };
  };
}
const schema: { items: QueryTypeDefinition[] } = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../pkg/query/schema/v0alpha1/query.types.json'), 'utf8')
);
const schemaTypes = schema.items.map((item) => ({
  type: item.spec.discriminators[0].value,
  description: item.spec.description,
  properties: item.spec.schema.properties,
}));
const allProperties = Object.assign({}, ...schemaTypes.map((t) => t.properties)) as Record<string, SchemaProperty>;
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the query editor follows the backend query model', () => {
  it('has the query types of the schema', () => {
    const types = sorted(schemaTypes.map((t) => t.type));
    expect(sorted(QUERY_TYPES)).toEqual(types);
    expect(sorted(Object.keys(QUERY_TYPE_DESCRIPTORS))).toEqual(types);
  });

  it.each(schemaTypes)('$type: the generated contract and the descriptor have the schema fields', (t) => {
    const fields = Object.keys(t.properties).filter((f) => f !== 'live');
    expect(sorted(QUERY_CONTRACT[t.type as keyof typeof QUERY_CONTRACT].fields)).toEqual(sorted(fields));
    expect(QUERY_CONTRACT[t.type as keyof typeof QUERY_CONTRACT].live).toBe('live' in t.properties);
    expect(QUERY_CONTRACT[t.type as keyof typeof QUERY_CONTRACT].description).toBe(t.description);
    expect(sorted(QUERY_TYPE_DESCRIPTORS[t.type as keyof typeof QUERY_TYPE_DESCRIPTORS].fields)).toEqual(
      sorted(fields)
    );
  });

  it('has one field editor per field of the model, and none for fields the model lacks', () => {
    expect(sorted(Object.keys(FIELD_EDITORS))).toEqual(sorted(Object.keys(allProperties)));
  });

  it('offers the values and bounds the backend accepts', () => {
    expect([...FORMAT_VALUES]).toEqual(allProperties.format.enum);
    expect([...ALERTS_ACTION_VALUES]).toEqual(allProperties.alertsAction.enum);
    expect([...ONCALL_VIEW_VALUES]).toEqual(allProperties.oncallView.enum);
    expect(QUERY_LIMITS.shiftCount).toEqual({
      minimum: allProperties.shiftCount.minimum,
      maximum: allProperties.shiftCount.maximum,
    });
  });
});
