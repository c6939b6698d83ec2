import { FieldConfigProperty, PanelPlugin } from '@grafana/data';

import { DEFAULT_BUDGET_THRESHOLDS, SlaCompliancePanel } from './SlaCompliancePanel';
import { SlaComplianceOptions } from './types';

const FIELDS = ['Fields'];

export const plugin = new PanelPlugin<SlaComplianceOptions>(SlaCompliancePanel)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Decimals]: {},
      // Value mappings rename objective titles on this panel (e.g. "Error rate" → "Good requests").
      [FieldConfigProperty.Mappings]: {},
      // Thresholds colour the error budget bar; they apply to the remaining ratio (1 = untouched, 0 = spent).
      [FieldConfigProperty.Thresholds]: { defaultValue: DEFAULT_BUDGET_THRESHOLDS },
    },
    disableStandardOptions: [
      FieldConfigProperty.Unit,
      FieldConfigProperty.Min,
      FieldConfigProperty.Max,
      FieldConfigProperty.FieldMinMax,
      FieldConfigProperty.NoValue,
      FieldConfigProperty.Links,
      FieldConfigProperty.Actions,
      FieldConfigProperty.Color,
      FieldConfigProperty.DisplayName,
      FieldConfigProperty.Filterable,
    ],
  })
  .setPanelOptions((builder) =>
    builder
      .addRadio({
        path: 'layout',
        name: 'Layout',
        description:
          'Compact fits a stat row (big figure, status, slim budget bar); full is a report card per objective.',
        defaultValue: 'full',
        settings: {
          options: [
            { value: 'full', label: 'Full' },
            { value: 'compact', label: 'Compact' },
          ],
        },
      })
      .addBooleanSwitch({
        path: 'showBudget',
        name: 'Error budget',
        description:
          'Show the error budget left as a bar, with minutes and time to exhaustion. Its colours come from Thresholds.',
        defaultValue: true,
      })
      .addBooleanSwitch({
        path: 'showBurnRates',
        name: 'Burn rates',
        description:
          'Show the multiwindow burn-rate pairs (1h/5m, 6h/30m page; 1d/2h, 3d/6h ticket) and whether each condition holds.',
        defaultValue: true,
      })
      .addBooleanSwitch({
        path: 'showTrend',
        name: 'Trend',
        description: 'Draw the SLI over the window from the slo_trend frames, with the target dashed.',
        defaultValue: true,
      })
      .addBooleanSwitch({
        path: 'showReliability',
        name: 'MTBF and MTTR',
        description: 'Show mean time between failures and to recovery when the data has them (full layout).',
        defaultValue: true,
      })
      .addFieldNamePicker({
        path: 'fields.objective',
        name: 'Objective id',
        description:
          'Field identifying each objective (matched to the trend series’ objective label). Auto: objective, slo, name.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.title',
        name: 'Title',
        description: 'Field with the objective’s display title. Auto: title, name.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.target',
        name: 'Target',
        description: 'Field with the target in percent. Auto: target.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.actual',
        name: 'Actual',
        description: 'Field with the measured SLI in percent. Auto: actual, sli, value.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.compliant',
        name: 'Compliant',
        description:
          'Field saying whether the target is met (bool or 1/0). Auto: compliant; derived from target and actual when absent.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.budgetRatio',
        name: 'Budget left (ratio)',
        description: 'Field with the error budget left, 1 = untouched, 0 = spent. Auto: budget_remaining_ratio.',
        category: FIELDS,
      })
      .addFieldNamePicker({
        path: 'fields.budgetMinutes',
        name: 'Budget left (minutes)',
        description: 'Field with the error budget left in minutes. Auto: budget_remaining_minutes.',
        category: FIELDS,
      })
  );
