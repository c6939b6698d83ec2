/** Shapes of the validate resources (pkg/plugin/resources_edit*.go) and of Grafana's data source API. */
import type { ScheduleView } from '../../api/schedule';

/** The schedule preview is the /oncall/schedule answer. */
export type { ScheduleView };

/** One problem of a form, at the path of its field ("objectives[1].target", "layers[0].members[2].name"). */
export interface FieldError {
  field: string;
  message: string;
}

/** One objective as jsonData "slos" holds it. */
export interface ObjectiveForm {
  id: string;
  title?: string;
  kind: string;
  target: number;
  window: string;
  time_zone?: string;
  threshold_ms?: number;
  metric?: string;
}

export interface ObjectiveValue {
  id: string;
  title: string;
  window: string;
  target: number;
  actual: number | null;
  compliant: boolean | null;
  budget_remaining_ratio: number | null;
}

export interface ObjectivesValidation {
  errors: FieldError[];
  objectives: ObjectiveForm[] | null;
  windows: string[];
  preview: { objectives: ObjectiveValue[]; notices: string[]; error?: string } | null;
}

export interface Member {
  name: string;
  contact: string;
}

export interface LayerForm {
  name: string;
  members: Member[];
  rotation_length: number;
  rotation_unit: string;
  handoff_weekday?: string;
  handoff_time: string;
  time_zone: string;
  start: string;
}

export interface OverrideForm {
  layer: string;
  name: string;
  contact: string;
  start: string;
  end: string;
}

export interface StepForm {
  after_minutes: number;
  action: string;
  layer?: string;
  person?: Member;
}

/** The on-call schedule as jsonData "oncall" holds it. */
export interface ScheduleForm {
  layers: LayerForm[];
  overrides: OverrideForm[];
  escalation: StepForm[];
}

export interface ScheduleValidation {
  errors: FieldError[];
  schedule: ScheduleForm | null;
  preview: ScheduleView | null;
}

/** A data source as Grafana's /api/datasources/uid/<uid> answers: secrets only as set/unset flags. */
export interface DataSourceSettings {
  id: number;
  uid: string;
  name: string;
  type: string;
  url: string;
  access?: string;
  isDefault?: boolean;
  readOnly?: boolean;
  version?: number;
  jsonData: Record<string, unknown>;
  secureJsonFields?: Record<string, boolean>;
  [key: string]: unknown;
}
