import {
  PanelOptionsEditorBuilder,
  PanelPlugin,
  standardEditorsRegistry,
  StandardEditorsRegistryItem,
} from '@grafana/data';

// Grafana fills this registry with its option editors at startup; tests only need the ids to resolve.
const EDITOR_IDS = [
  'radio',
  'boolean',
  'field-name',
  'multi-select',
  'select',
  'slider',
  'number',
  'text',
  'color',
  'unit',
  'thresholds',
];
let registered = false;

function registerEditors() {
  if (!registered) {
    standardEditorsRegistry.setInit(() =>
      EDITOR_IDS.map((id) => ({ id, name: id, editor: () => null }) as StandardEditorsRegistryItem)
    );
    registered = true;
  }
}

/** The panel options a plugin declares, as Grafana's options pane would list them. */
export function optionItems(plugin: PanelPlugin<any>) {
  registerEditors();
  const builder = new PanelOptionsEditorBuilder<any>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  return builder.getItems();
}
