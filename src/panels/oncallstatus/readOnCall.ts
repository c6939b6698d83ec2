import { DataFrame } from '@grafana/data';

import { boolAt, findField, frameLabel, frameNamed, numberAt, rowCount, stringAt, timeAt } from '../../shared/frames';
import { PanelIssue } from '../../shared/issues';
import { EscalatingAlert, EscalationStep, OnCallShift } from './types';

export interface OnCallData {
  /** Rows of oncall_now frames: who is on call when the data was fetched. */
  onCall: OnCallShift[];
  /** Rows of oncall_shifts frames: upcoming shifts per layer, in time order. */
  shifts: OnCallShift[];
  steps: EscalationStep[];
  alerts: EscalatingAlert[];
  /** True when an escalation frame was present, even with no alerts in it. */
  hasEscalation: boolean;
  issues: PanelIssue[];
}

function isPolicy(frame: DataFrame): boolean {
  return (
    frameNamed(frame, 'escalation_policy') || (!!findField(frame, ['step']) && !!findField(frame, ['after_minutes']))
  );
}

function isEscalation(frame: DataFrame): boolean {
  return frameNamed(frame, 'oncall_escalation') || !!findField(frame, ['current_step']);
}

/**
 * Reads the data source's on-call frames: oncall_now, oncall_shifts, oncall_escalation
 * and escalation_policy, recognised by name or, from other sources, by their fields.
 * `receivedAt` turns seconds_to_handoff into a handoff time when shift_end is absent.
 */
export function readOnCall(frames: DataFrame[], receivedAt: number): OnCallData {
  const result: OnCallData = { onCall: [], shifts: [], steps: [], alerts: [], hasEscalation: false, issues: [] };
  for (const frame of frames) {
    if (frame.fields.length === 0) {
      continue;
    }
    if (isPolicy(frame)) {
      readPolicy(frame, result);
    } else if (isEscalation(frame)) {
      result.hasEscalation = true;
      readEscalation(frame, result);
    } else {
      readShiftFrame(frame, receivedAt, result);
    }
  }
  result.steps.sort((a, b) => a.step - b.step);
  result.alerts.sort(
    (a, b) => b.currentStep - a.currentStep || (b.minutesUnacknowledged ?? 0) - (a.minutesUnacknowledged ?? 0)
  );
  return result;
}

function readShiftFrame(frame: DataFrame, receivedAt: number, result: OnCallData) {
  const name = findField(frame, ['name', 'person', 'user']);
  const layer = findField(frame, ['layer', 'role', 'schedule']);
  if (!name) {
    if (layer || frameNamed(frame, 'oncall')) {
      result.issues.push({
        level: 'warning',
        message: `${frameLabel(frame)} has no "name" field: who is on call cannot be shown.`,
      });
    }
    return;
  }
  const contact = findField(frame, ['contact', 'email', 'phone']);
  const start = findField(frame, ['shift_start', 'start']);
  const end = findField(frame, ['shift_end', 'end', 'handoff']);
  const toHandoff = findField(frame, ['seconds_to_handoff']);
  const override = findField(frame, ['override']);
  const isNow = frameNamed(frame, 'oncall_now') || !!toHandoff || !frameNamed(frame, 'shifts');
  for (let i = 0; i < rowCount(frame); i++) {
    const seconds = numberAt(toHandoff, i);
    const shift: OnCallShift = {
      layer: stringAt(layer, i) || 'On call',
      name: stringAt(name, i) ?? '',
      contact: stringAt(contact, i) || undefined,
      shiftStart: timeAt(start, i),
      shiftEnd: timeAt(end, i) ?? (seconds !== undefined ? receivedAt + seconds * 1000 : undefined),
      override: boolAt(override, i),
    };
    (isNow ? result.onCall : result.shifts).push(shift);
  }
}

function readPolicy(frame: DataFrame, result: OnCallData) {
  const step = findField(frame, ['step']);
  const after = findField(frame, ['after_minutes']);
  const target = findField(frame, ['target']);
  const action = findField(frame, ['action']);
  for (let i = 0; i < rowCount(frame); i++) {
    result.steps.push({
      step: numberAt(step, i) ?? i,
      afterMinutes: numberAt(after, i) ?? 0,
      target: stringAt(target, i) ?? '',
      action: stringAt(action, i) ?? 'notify',
    });
  }
}

function readEscalation(frame: DataFrame, result: OnCallData) {
  const id = findField(frame, ['alert_id', 'id']);
  const name = findField(frame, ['alert_name', 'name', 'title']);
  const severity = findField(frame, ['severity']);
  const started = findField(frame, ['started_at']);
  const minutes = findField(frame, ['minutes_unacknowledged']);
  const step = findField(frame, ['current_step']);
  const notifying = findField(frame, ['notifying']);
  const nextAt = findField(frame, ['next_step_at']);
  for (let i = 0; i < rowCount(frame); i++) {
    result.alerts.push({
      id: stringAt(id, i) ?? `${frameLabel(frame)}-${i}`,
      name: stringAt(name, i) || 'Alert',
      severity: stringAt(severity, i) ?? 'info',
      startedAt: timeAt(started, i),
      minutesUnacknowledged: numberAt(minutes, i),
      currentStep: numberAt(step, i) ?? 0,
      notifying: stringAt(notifying, i) || undefined,
      nextStepAt: timeAt(nextAt, i),
      refId: frame.refId,
    });
  }
}
