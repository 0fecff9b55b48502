import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { Rng } from '../core/rng';
import { chooseFamily } from './choose-family';

const features = [
  { name: 'a', kind: 'numeric' as const },
  { name: 'b', kind: 'numeric' as const },
];

function data(n: number, seed: number) {
  const rng = new Rng(seed);
  const records = Array.from({ length: n }, () => ({
    a: rng.nextFloat() * 2 - 1,
    b: rng.nextFloat() * 2 - 1,
  }));
  return { frame: Frame.fromRecords(records), records };
}

describe('chooseFamily', () => {
  it('prefers the tree when classes depend on an interaction (XOR)', () => {
    const { frame, records } = data(200, 1);
    const y = toLabels(records.map(({ a, b }) => (a * b > 0 ? 'same' : 'different')));
    const choice = chooseFamily(frame, y, 'classification', features, 0);
    expect(choice.family).toBe('tree');
    expect(choice.metric).toBe('roc_auc');
    expect(choice.scores.tree.folds).toHaveLength(5);
    expect(choice.scores.tree.mean).toBeGreaterThan(0.9);
    expect(choice.scores.linear.mean).toBeLessThan(0.7);
  });

  it('prefers the linear model for a smooth linear target', () => {
    const { frame, records } = data(150, 2);
    const y = Float64Array.from(records, ({ a, b }) => 3 * a - 2 * b);
    const choice = chooseFamily(frame, y, 'regression', features, 0);
    expect(choice.family).toBe('linear');
    expect(choice.metric).toBe('neg_rmse');
    expect(choice.scores.linear.mean).toBeGreaterThan(choice.scores.tree.mean);
    expect(choice.scores.linear.mean).toBeLessThan(0);
  });

  it('scores several classes by one-vs-rest AUC and reports progress', () => {
    const { frame, records } = data(120, 3);
    const y = toLabels(records.map(({ a }) => (a < -0.3 ? 'low' : a > 0.3 ? 'high' : 'mid')));
    const seen: number[] = [];
    const choice = chooseFamily(frame, y, 'classification', features, 0, { onProgress: (f) => seen.push(f) });
    expect(choice.metric).toBe('roc_auc_ovr');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f >= seen[k - 1] - 1e-12)).toBe(true);
  });

  it('needs two rows per class and stops when cancelled', () => {
    const { frame, records } = data(20, 4);
    const y = toLabels(records.map((_, i) => (i === 0 ? 'rare' : 'common')));
    expect(() => chooseFamily(frame, y, 'classification', features)).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
    const yOk = toLabels(records.map((_, i) => (i % 2 ? 'x' : 'y')));
    expect(() =>
      chooseFamily(frame, yOk, 'classification', features, 0, { signal: { aborted: true } }),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});
