// The dialects the reference server can speak (--dialect NAME or DIALECT).
import { django } from './django.js';
import { express } from './express.js';
import { fastapi } from './fastapi.js';
import { go } from './go.js';
import { laravel } from './laravel.js';
import { nestjs } from './nestjs.js';
import { rails } from './rails.js';
import { spring } from './spring.js';
import type { Dialect } from './types.js';

export const DIALECTS: readonly Dialect[] = [express, nestjs, spring, django, fastapi, go, rails, laravel];

export const DIALECT_NAMES = DIALECTS.map((d) => d.name);

export function findDialect(name: string): Dialect | undefined {
  return DIALECTS.find((d) => d.name === name);
}

export { dialectInterceptor } from './interceptor.js';
export type { Dialect, EndpointKey } from './types.js';
