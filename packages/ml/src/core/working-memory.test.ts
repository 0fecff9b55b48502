import { describe, expect, it } from 'vitest';
import { HistGradientBoostingRegressor } from '../ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
import { Matrix } from './matrix';
import { Rng } from './rng';
import { MIN_POOLED_BYTES, WorkingMemory, workingMemory } from './working-memory';

const MB = 1 << 20;

describe('WorkingMemory', () => {
  it('hands a returned buffer to the next request of the same size and kind, zeroed', () => {
    const memory = new WorkingMemory();
    const first = memory.lease();
    const a = first.float64(MB / 8);
    a.fill(7);
    first.end();
    expect(memory.idleBytes).toBe(MB);
    const second = memory.lease();
    const b = second.float64(MB / 8);
    expect(b.buffer).toBe(a.buffer);
    expect(b.every((x) => x === 0)).toBe(true);
    expect(memory.idleBytes).toBe(0);
    // Shared and plain buffers are kept apart, and so are other sizes.
    expect(second.float64(MB / 8, true).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(second.uint8(MB + 8).byteLength).toBe(MB + 8);
  });

  it('keeps no small buffers and no more than its limit', () => {
    const memory = new WorkingMemory(3 * MB);
    const lease = memory.lease();
    lease.uint8(MIN_POOLED_BYTES - 1);
    for (let k = 0; k < 4; k++) lease.uint8(MB, true);
    lease.end();
    expect(memory.idleBytes).toBe(3 * MB);
    memory.clear();
    expect(memory.idleBytes).toBe(0);
  });
});

describe("a fit's working memory", () => {
  /** 20 000 × 8: every per-row array of the fit is above the pooling threshold. */
  function problem(seed: number) {
    const rng = new Rng(seed);
    const n = 20_000;
    const p = 8;
    const X = new Matrix(
      n,
      p,
      Float64Array.from({ length: n * p }, () => rng.nextFloat() * 2 - 1),
    );
    const y = Float64Array.from(
      { length: n },
      (_, i) => Math.sin(3 * X.get(i, 0)) + X.get(i, 1) * X.get(i, 2),
    );
    return { X, y };
  }

  it('goes back to the pool after a fit, and a later fit on other data leaves the first model as it was', () => {
    const a = problem(1);
    const b = problem(2);
    const params = { maxIter: 15, earlyStopping: false as const };
    workingMemory.clear();
    const model = new HistGradientBoostingRegressor(params).fit(a.X, a.y);
    expect(workingMemory.idleBytes).toBeGreaterThan(1_000_000);
    const before = model.predict(a.X);
    // A second fit reuses the first one's buffers; nothing the first model keeps may be among them.
    new HistGradientBoostingRegressor(params).fit(b.X, b.y);
    expect(model.predict(a.X)).toEqual(before);
    // And reused memory (written by the fit on b) gives the same model as new memory.
    const again = new HistGradientBoostingRegressor(params).fit(a.X, a.y);
    expect(again.predict(a.X)).toEqual(before);
    workingMemory.clear();
    expect(new HistGradientBoostingRegressor(params).fit(a.X, a.y).predict(a.X)).toEqual(before);
  });
});
