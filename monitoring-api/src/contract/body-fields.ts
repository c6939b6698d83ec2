// Small validators for JSON request bodies. Each error names the field and
// says what a valid value looks like.
import { ApiError } from './errors.js';

export type JsonObject = Record<string, unknown>;

export function fieldError(field: string, problem: string): ApiError {
  return new ApiError(400, `Invalid body field "${field}": ${problem}`);
}

/** The body as an object whose fields are all in `allowed`. */
export function objectWithFields(body: unknown, allowed: readonly string[], example: string): JsonObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, `Request body must be a JSON object such as ${example}.`);
  }
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw fieldError(unknown, `is not a known field (allowed: ${allowed.join(', ')}).`);
  }
  return body as JsonObject;
}

export function stringField(body: JsonObject, field: string, maxLength: number): string;
export function stringField(body: JsonObject, field: string, maxLength: number, optional: true): string | undefined;
export function stringField(body: JsonObject, field: string, maxLength: number, optional = false): string | undefined {
  const value = body[field];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw fieldError(field, 'is required and must be a non-empty string.');
  }
  if (value.length > maxLength) {
    throw fieldError(field, `must be at most ${maxLength} characters.`);
  }
  return value;
}

export function enumField<T extends string>(body: JsonObject, field: string, allowed: readonly T[]): T {
  const value = body[field];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw fieldError(field, `must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function integerField(body: JsonObject, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fieldError(field, `must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
