// Admin API of the reference server (X-Admin-Key): fault injection, workload
// scenarios and, when enabled for tests, jumping the simulated clock. It is
// not part of the contract applications implement.
import { enumField, integerField, objectWithFields } from '../contract/body-fields.js';
import { ApiError } from '../contract/errors.js';
import { jsonResponse } from '../contract/http-response.js';
import type { Route } from '../contract/router.js';
import { PATHS } from '../contract/routes/index.js';
import { SCENARIOS, type ScenarioName } from '../workload/scenarios.js';
import type { ScenarioState } from '../workload/workload.js';
import { FAULT_MODES, MAX_LATENCY_MS, MAX_OVERSIZED_BYTES, type FaultStore } from './faults.js';

export const ADMIN_PATHS = {
  faults: '/api/monitoring/admin/faults',
  scenario: '/api/monitoring/admin/scenario',
  clock: '/api/monitoring/admin/clock',
} as const;

const FAULTABLE_ENDPOINTS = ['*', ...Object.values(PATHS)];
const MAX_DURATION_SECONDS = 7 * 86_400;
const MAX_ADVANCE_SECONDS = 86_400;

export interface ScenarioControl {
  setScenario(name: ScenarioName, durationSeconds?: number): ScenarioState;
  scenario(): ScenarioState;
}

export interface ClockControl {
  now(): number;
  readonly speed: number;
  /** Undefined when clock control is disabled (the default outside tests). */
  advance?: (ms: number) => void;
}

export interface AdminOptions {
  faults: FaultStore;
  scenarios: ScenarioControl;
  clock: ClockControl;
}

function clockState(clock: ClockControl) {
  return {
    clock: {
      now: new Date(clock.now()).toISOString(),
      speed: clock.speed,
      control_enabled: clock.advance !== undefined,
    },
  };
}

function faultRoutes(faults: FaultStore): Route[] {
  const path = ADMIN_PATHS.faults;
  return [
    {
      method: 'POST',
      path,
      access: 'admin',
      faultable: false,
      handle: async (ctx) => {
        const body = objectWithFields(
          await ctx.readJson(),
          ['endpoint', 'mode', 'latency_ms', 'status', 'size_bytes', 'count'],
          '{"endpoint":"/api/monitoring/metrics","mode":"status","status":503}'
        );
        const endpoint = enumField(body, 'endpoint', FAULTABLE_ENDPOINTS);
        const mode = enumField(body, 'mode', FAULT_MODES);
        const status = integerField(body, 'status', 400, 599);
        const sizeBytes = integerField(body, 'size_bytes', 1, MAX_OVERSIZED_BYTES);
        const spec = {
          endpoint,
          mode,
          latency_ms: integerField(body, 'latency_ms', 0, MAX_LATENCY_MS),
          status,
          size_bytes: sizeBytes,
          count: integerField(body, 'count', 1, 1_000_000),
        };
        if (status !== undefined && mode !== 'status' && mode !== 'html') {
          throw new ApiError(400, 'Invalid body field "status": only the "status" and "html" modes use it.');
        }
        if (sizeBytes !== undefined && mode !== 'oversized') {
          throw new ApiError(400, 'Invalid body field "size_bytes": only the "oversized" mode uses it.');
        }
        return jsonResponse(201, { fault: faults.add(spec) });
      },
    },
    {
      method: 'GET',
      path,
      access: 'admin',
      faultable: false,
      handle: () => jsonResponse(200, { faults: faults.list() }),
    },
    {
      method: 'DELETE',
      path,
      access: 'admin',
      faultable: false,
      handle: () => jsonResponse(200, { cleared: faults.clear() }),
    },
  ];
}

function scenarioRoutes(scenarios: ScenarioControl): Route[] {
  const path = ADMIN_PATHS.scenario;
  return [
    {
      method: 'POST',
      path,
      access: 'admin',
      faultable: false,
      handle: async (ctx) => {
        const body = objectWithFields(
          await ctx.readJson(),
          ['scenario', 'duration_seconds'],
          '{"scenario":"error_spike","duration_seconds":600}'
        );
        const name = enumField(body, 'scenario', SCENARIOS);
        const duration = integerField(body, 'duration_seconds', 1, MAX_DURATION_SECONDS);
        return jsonResponse(200, { scenario: scenarios.setScenario(name, duration) });
      },
    },
    {
      method: 'GET',
      path,
      access: 'admin',
      faultable: false,
      handle: () => jsonResponse(200, { scenario: scenarios.scenario() }),
    },
  ];
}

function clockRoutes(clock: ClockControl, afterAdvance: () => void): Route[] {
  const path = ADMIN_PATHS.clock;
  return [
    {
      method: 'POST',
      path,
      access: 'admin',
      faultable: false,
      handle: async (ctx) => {
        if (!clock.advance) {
          throw new ApiError(
            403,
            'Clock control is disabled; start the server with ENABLE_CLOCK_CONTROL=true (tests and demos only).'
          );
        }
        const body = objectWithFields(await ctx.readJson(), ['advance_seconds'], '{"advance_seconds":600}');
        const seconds = integerField(body, 'advance_seconds', 1, MAX_ADVANCE_SECONDS);
        if (seconds === undefined) {
          throw new ApiError(
            400,
            `Invalid body field "advance_seconds": is required, a whole number from 1 to ${MAX_ADVANCE_SECONDS}.`
          );
        }
        clock.advance(seconds * 1000);
        afterAdvance();
        return jsonResponse(200, clockState(clock));
      },
    },
    { method: 'GET', path, access: 'admin', faultable: false, handle: () => jsonResponse(200, clockState(clock)) },
  ];
}

/** Admin routes; afterClockAdvance lets the workload catch up at once. */
export function adminRoutes(options: AdminOptions, afterClockAdvance: () => void = () => undefined): Route[] {
  return [
    ...faultRoutes(options.faults),
    ...scenarioRoutes(options.scenarios),
    ...clockRoutes(options.clock, afterClockAdvance),
  ];
}
