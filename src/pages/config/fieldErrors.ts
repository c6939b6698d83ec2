import { FieldError } from './types';

/** Problems by field path; several for one field are joined. */
export type ErrorMap = Record<string, string>;

export function errorMap(errors: FieldError[]): ErrorMap {
  const out: ErrorMap = {};
  for (const e of errors) {
    out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
  }
  return out;
}

/** The props of a @grafana/ui Field for one path: its problem shows right under it. */
export function fieldProps(errors: ErrorMap, path: string): { invalid: boolean; error?: string } {
  const error = errors[path];
  return { invalid: Boolean(error), error };
}

/** The problems no field of the form shows (the list as a whole, escalation steps, …). */
export function unplacedErrors(errors: FieldError[], shown: Set<string>): FieldError[] {
  return errors.filter((e) => !shown.has(e.field));
}
