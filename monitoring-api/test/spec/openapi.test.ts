// The spec itself: valid OpenAPI, internally consistent, and in step with
// the routes the server actually has and the metrics it reports.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { adminRoutes, ADMIN_PATHS } from '../../src/admin/admin-routes.js';
import { FaultStore } from '../../src/admin/faults.js';
import { contractRoutes } from '../../src/contract/routes/index.js';
import type { MonitoringSource } from '../../src/contract/source.js';
import { METRIC_DEFINITIONS } from '../../src/workload/metric-catalog.js';
import { SPEC_PATH, specValidator, type SpecValidator } from '../helpers/spec-validator.js';

type OperationObject = {
  operationId?: string;
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
  'x-appmon-extension'?: boolean;
  'x-appmon-reference-only'?: boolean;
};

const METHODS = ['get', 'post', 'delete', 'put', 'patch'] as const;

function operations(spec: SpecValidator): { path: string; method: string; op: OperationObject }[] {
  const paths = spec.definition.paths as Record<string, Record<string, OperationObject>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! }))
  );
}

describe('openapi.yaml', () => {
  let spec: SpecValidator;
  before(async () => {
    spec = await specValidator();
  });

  it('is a valid OpenAPI 3.0 document (official JSON schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(SPEC_PATH);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.0');
  });

  it('gives every operation an id, a 429 with Retry-After and a default error', () => {
    for (const { path, method, op } of operations(spec)) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(op.operationId, `${where} has no operationId`);
      assert.ok(op.responses['429']?.headers?.['Retry-After'], `${where} lacks a 429 with Retry-After`);
      assert.ok(op.responses.default?.content?.['application/json'], `${where} lacks a default JSON error`);
      assert.ok(op.responses['401'], `${where} lacks a 401`);
    }
  });

  it('marks extensions and reference-only operations', () => {
    const extensionPaths = [
      '/api/monitoring/capabilities',
      '/api/monitoring/metrics/history',
      '/api/monitoring/incidents',
    ];
    for (const { path, op } of operations(spec)) {
      if (extensionPaths.includes(path)) assert.equal(op['x-appmon-extension'], true, `${path} is an extension`);
      if (path.startsWith('/api/monitoring/admin/')) {
        assert.equal(op['x-appmon-reference-only'], true, `${path} is reference-only`);
        assert.deepEqual(op.security, [{ AdminKeyHeader: [] }], `${path} takes the admin key only`);
      }
    }
  });

  it('documents exactly the routes the server has', () => {
    const stub = {} as MonitoringSource;
    const adminStub = { faults: new FaultStore(), scenarios: {} as never, clock: { now: () => 0, speed: 1 } };
    const served = [...contractRoutes(stub), ...adminRoutes(adminStub)].map((r) => `${r.method} ${r.path}`).sort();
    const documented = operations(spec)
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
      .sort();
    assert.deepEqual(documented, served);
    assert.ok(served.includes(`POST ${ADMIN_PATHS.clock}`));
  });

  it('lists every metric the reference server reports, with its unit and category', () => {
    const sample = spec.componentSchema('MetricSample') as { description: string };
    for (const definition of METRIC_DEFINITIONS) {
      const entry = `\`${definition.name}\` (${definition.unit}, ${definition.category}`;
      assert.ok(sample.description.includes(entry), `MetricSample's description does not list ${entry})`);
    }
  });
});
