// Validates POST /api/monitoring/alerts bodies into typed actions. Unknown
// fields are rejected so typos ("serverity") do not pass silently.
import { enumField, objectWithFields, stringField } from '../body-fields.js';
import { SEVERITIES, type Severity } from '../types.js';

export type AlertAction =
  | { action: 'test'; channel: string }
  | { action: 'trigger'; severity: Severity; description: string; title?: string }
  | { action: 'acknowledge'; id: string }
  | { action: 'resolve'; id: string };

const ACTIONS = ['test', 'trigger', 'acknowledge', 'resolve'] as const;
const FIELDS: Record<(typeof ACTIONS)[number], string[]> = {
  test: ['action', 'channel'],
  trigger: ['action', 'severity', 'description', 'title'],
  acknowledge: ['action', 'id'],
  resolve: ['action', 'id'],
};
const EXAMPLE = '{"action":"test","channel":"webhook"}';
const ALL_FIELDS = [...new Set(Object.values(FIELDS).flat())];

export function parseAlertAction(body: unknown): AlertAction {
  const action = enumField(objectWithFields(body, ALL_FIELDS, EXAMPLE), 'action', ACTIONS);
  // Second pass: only the fields of this action.
  const fields = objectWithFields(body, FIELDS[action], EXAMPLE);
  switch (action) {
    case 'test':
      return { action, channel: stringField(fields, 'channel', 64, true) ?? 'webhook' };
    case 'trigger': {
      const title = stringField(fields, 'title', 120, true);
      return {
        action,
        severity: enumField(fields, 'severity', SEVERITIES),
        description: stringField(fields, 'description', 1000),
        ...(title === undefined ? {} : { title }),
      };
    }
    case 'acknowledge':
    case 'resolve':
      return { action, id: stringField(fields, 'id', 64) };
  }
}
