import { readdirSync, readFileSync } from 'fs';
import { resolve } from 'path';

import { DataFrame } from '@grafana/data';

import { alertHistoryFrame } from '../test/fixtures/alerts';
import { allOnCallFrames } from '../test/fixtures/oncall';
import { sloFrame, sloTrendFrames } from '../test/fixtures/slo';
import { GoldenName, goldenFrames } from '../test/golden';
import { FRAME_CONTRACT, FrameName } from './frameContract.gen';

/**
 * The frame contract is written once, in Go (pkg/frames), and generated into frameContract.gen.ts.
 * These tests hold the frontend to it: the golden responses (written by the backend) have exactly
 * its frames' fields, and the panels' readers only look for names the contract has, or names
 * other data sources use (listed below). A field renamed on one side fails here.
 */

// Names the readers accept from other data sources and from Grafana's own frames.
const FOREIGN_NAMES = new Set([
  'acknowledgedAt',
  'display_name',
  'endsAt',
  'error_budget_remaining',
  'escalation_step',
  'metricName',
  'metric_name',
  'objective_target',
  'resolved_at',
  'rule_name',
  'slo_target',
  'startsAt',
  'time_end',
]);

const contractFields = new Set(Object.values(FRAME_CONTRACT).flatMap((fields) => Object.keys(fields)));
const contractFrames = new Set(Object.keys(FRAME_CONTRACT));

const GOLDEN_DIR = resolve(__dirname, '..', '..', 'pkg', 'golden', 'testdata');
const goldenNames = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.jsonc'))
  .map((f) => f.replace(/\.jsonc$/, '') as GoldenName);

describe('golden responses follow the frame contract', () => {
  it.each(goldenNames)('%s', (name) => {
    const frames = goldenFrames(name).filter((f) => contractFrames.has(f.name ?? ''));
    for (const frame of frames) {
      const spec = FRAME_CONTRACT[frame.name as FrameName];
      expect(frame.fields.map((f) => [f.name, f.type])).toEqual(Object.entries(spec));
    }
  });

  it('cover every frame of the contract', () => {
    const seen = new Set(goldenNames.flatMap((n) => goldenFrames(n).map((f) => f.name)));
    expect([...contractFrames].filter((f) => !seen.has(f))).toEqual([]);
  });
});

// Field-like literals: snake_case or camelCase words (not single words such as 'name').
const FIELD_LIKE = /^[a-z][a-z0-9]*(_[a-z0-9]+|[A-Z][a-z0-9]*)+$/;
const PANELS_DIR = resolve(__dirname, '..', 'panels');
const readers = readdirSync(PANELS_DIR).flatMap((panel) =>
  readdirSync(resolve(PANELS_DIR, panel))
    .filter((f) => /^read[A-Z]\w*\.ts$/.test(f) && !f.includes('.test.'))
    .map((f) => `${panel}/${f}`)
);

describe('panel readers look for the contract names', () => {
  it('has readers to check', () => {
    expect(readers.length).toBeGreaterThan(0);
  });

  it.each(readers)('%s', (file) => {
    const source = readFileSync(resolve(PANELS_DIR, file), 'utf8');
    const literals = [...source.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]);
    const unknown = literals.filter(
      (l) => FIELD_LIKE.test(l) && !contractFields.has(l) && !contractFrames.has(l) && !FOREIGN_NAMES.has(l)
    );
    expect(unknown).toEqual([]);
  });
});

// Hand-made fixtures named after a contract frame may leave fields out, but the fields they have
// are the contract's, with its types, so panel tests never pass on a frame the backend cannot send.
describe('fixtures named after contract frames use its fields', () => {
  const fixtures: DataFrame[] = [
    alertHistoryFrame({ count: 5, from: 0, to: 3_600_000 }),
    ...allOnCallFrames(),
    sloFrame(),
    ...sloTrendFrames(Date.UTC(2025, 5, 1)),
  ];
  it.each(fixtures.map((f) => [f.name ?? '', f] as const))('%s', (name, frame) => {
    expect(contractFrames.has(name)).toBe(true);
    const spec: Record<string, string> = FRAME_CONTRACT[name as FrameName];
    const off = frame.fields.filter((f) => spec[f.name] !== f.type).map((f) => `${f.name} (${f.type})`);
    expect(off).toEqual([]);
  });
});
