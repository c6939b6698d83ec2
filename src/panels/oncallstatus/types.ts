export type TextSize = 'auto' | 'normal' | 'large';

export interface OnCallStatusOptions {
  /** Show the contact (phone, email, handle) under each name. */
  showContact: boolean;
  /** Upcoming shifts under each layer, from oncall_shifts frames. */
  showNextShifts?: boolean;
  /** How many upcoming shifts per layer. */
  shiftCount?: number;
  /** The escalation ladder with active unacknowledged alerts on it. */
  showEscalation?: boolean;
  /** Large type reads from across a room; auto picks it when the panel is big enough. */
  textSize?: TextSize;
}

export interface OnCallShift {
  layer: string;
  /** Empty when the layer has no members. */
  name: string;
  contact?: string;
  shiftStart?: number;
  shiftEnd?: number;
  /** Someone covers the regular member. */
  override?: boolean;
}

export interface EscalationStep {
  step: number;
  afterMinutes: number;
  target: string;
  action: string;
}

export interface EscalatingAlert {
  id: string;
  name: string;
  severity: string;
  startedAt?: number;
  minutesUnacknowledged?: number;
  currentStep: number;
  notifying?: string;
  /** When the next step fires; undefined after the last step. */
  nextStepAt?: number;
  /** The query the alert came from, to find its data source for actions. */
  refId?: string;
}

/** What a layer shows at a moment: who is on call, until when, and who comes next. */
export interface LayerStatus {
  layer: string;
  current?: OnCallShift;
  next: OnCallShift[];
}
