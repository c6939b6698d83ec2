import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../../src/workload/prng.js';

const draw = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

describe('seeded random numbers', () => {
  it('replays the same sequence for the same seed and differs across seeds', () => {
    assert.deepEqual(draw(new Random('a'), 50), draw(new Random('a'), 50));
    assert.notDeepEqual(draw(new Random('a'), 50), draw(new Random('b'), 50));
  });

  it('forks independent streams that do not depend on the parent position', () => {
    const parent = new Random('root');
    const before = draw(parent.fork('x'), 10);
    draw(parent, 100);
    assert.deepEqual(draw(parent.fork('x'), 10), before);
    assert.notDeepEqual(draw(parent.fork('y'), 10), before);
  });

  it('draws uniform values in [0, 1) and distributions with the right means', () => {
    const rng = new Random('stats');
    const n = 20_000;
    const uniforms = draw(rng, n);
    assert.ok(uniforms.every((u) => u >= 0 && u < 1));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(mean(uniforms) - 0.5) < 0.01);
    const normals = Array.from({ length: n }, () => rng.normal());
    assert.ok(Math.abs(mean(normals)) < 0.03);
    assert.ok(Math.abs(mean(normals.map((x) => x * x)) - 1) < 0.05);
    for (const lambda of [0.5, 7, 80]) {
      assert.ok(
        Math.abs(mean(Array.from({ length: n }, () => rng.poisson(lambda))) - lambda) < lambda * 0.05 + 0.02,
        `poisson ${lambda}`
      );
    }
    assert.ok(Math.abs(mean(Array.from({ length: n }, () => rng.binomial(200, 0.1))) - 20) < 0.5);
    const medians = Array.from({ length: n }, () => rng.logNormal(100, 0.5)).sort((a, b) => a - b);
    assert.ok(Math.abs(medians[n / 2]! - 100) < 3);
  });
});
