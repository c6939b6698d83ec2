// Grafana fills @grafana/data's option registries at start-up with its own editors;
// the host fills them with the same ids and @grafana/data's value processors, and
// editors that render nothing (the options pane is not part of the check). Without
// them, a panel's setPanelOptions() or useFieldConfig() cannot even be read.
import React from 'react';
import {
  FieldConfigProperty,
  FieldConfigPropertyItem,
  StandardEditorsRegistryItem,
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  TransformerRegistryItem,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  standardTransformers,
  standardTransformersRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

const NoEditor = () => React.createElement(React.Fragment);

const EDITOR_IDS = [
  'boolean',
  'color',
  'dashboard-uid',
  'field-name',
  'multi-select',
  'number',
  'radio',
  'select',
  'slider',
  'strings',
  'text',
  'timezone',
  'unit',
  'thresholds',
  'mappings',
  'links',
  'actions',
  'fieldColor',
  'stats-picker',
  'data-links',
];

const FIELD_CONFIG: Array<[FieldConfigProperty, FieldConfigPropertyItem['process'], string[]]> = [
  [FieldConfigProperty.Unit, unitOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.Min, numberOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.Max, numberOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.FieldMinMax, booleanOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.Decimals, numberOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.DisplayName, displayNameOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.Color, identityOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.NoValue, stringOverrideProcessor, ['Standard options']],
  [FieldConfigProperty.Links, dataLinksOverrideProcessor, ['Data links and actions']],
  [FieldConfigProperty.Actions, identityOverrideProcessor, ['Data links and actions']],
  [FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, ['Value mappings']],
  [FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, ['Thresholds']],
  [FieldConfigProperty.Filterable, booleanOverrideProcessor, ['Standard options']],
];

export function initRegistries() {
  // Dashboards' panel transformations (e.g. labelsToFields) run with @grafana/data's own transformers.
  // Some are exported under two names (seriesToColumns is joinByField): one entry per id.
  standardTransformersRegistry.setInit(() =>
    [...new Map(Object.values(standardTransformers).map((t) => [t.id, t])).values()].map(
      (t) => ({ id: t.id, name: t.name, transformation: t, editor: NoEditor }) as unknown as TransformerRegistryItem
    )
  );
  standardEditorsRegistry.setInit(() =>
    EDITOR_IDS.map((id) => ({ id, name: id, editor: NoEditor }) as StandardEditorsRegistryItem)
  );
  standardFieldConfigEditorRegistry.setInit(() =>
    FIELD_CONFIG.map(
      ([id, process, category]) =>
        ({
          id,
          path: id,
          name: id,
          editor: NoEditor,
          override: NoEditor,
          process,
          shouldApply: () => true,
          category,
          // As Grafana's: a display name may use ${__field.labels.instance} and the like.
          settings: id === FieldConfigProperty.DisplayName ? { expandTemplateVars: true } : undefined,
        }) as FieldConfigPropertyItem
    )
  );
}
