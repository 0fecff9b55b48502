import { describe, expect, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { LinearRegression } from '../linear-model/linear-regression';
import { r2Score } from '../metrics/r2-score';
import { permutationImportance } from './permutation-importance';

const n = 120;
const rng = new Rng(3);
const X = Matrix.fromColumns([
  Float64Array.from({ length: n }, () => rng.nextFloat() * 4 - 2),
  Float64Array.from({ length: n }, () => rng.nextFloat() * 4 - 2),
  Float64Array.from({ length: n }, () => rng.nextFloat()),
]);
const y = Float64Array.from({ length: n }, (_, i) => 3 * X.get(i, 0) + 0.5 * X.get(i, 1));
const model = new LinearRegression().fit(X, y);

describe('permutationImportance', () => {
  it('ranks features by how much shuffling them hurts, and an unused feature scores ~0', () => {
    const result = permutationImportance(model, X, y, { nRepeats: 8, randomState: 1 });
    expect(result.featureNames).toEqual(['x0', 'x1', 'x2']);
    expect(result.baselineScore).toBeCloseTo(1, 12);
    const [strong, weak, unused] = result.importancesMean;
    expect(strong).toBeGreaterThan(weak);
    expect(weak).toBeGreaterThan(0.01);
    expect(Math.abs(unused)).toBeLessThan(1e-9); // y does not depend on x2 (its coefficient is ~0)
    expect(result.importances[0].length).toBe(8);
    expect(result.importancesStd[0]).toBeGreaterThan(0);
  });

  it('is baseline − score after the shuffles of a fresh RNG, the same shuffles for every feature', () => {
    const result = permutationImportance(model, X, y, { nRepeats: 2, randomState: 9, scoring: 'r2' });
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const shuffler = new Rng(9);
    for (let r = 0; r < 2; r++) {
      shuffler.shuffle(order);
      for (const j of [0, 1]) {
        const Xp = new Matrix(n, 3, X.data.slice());
        Xp.column(j).set(Float64Array.from(order, (row) => X.get(row, j)));
        expect(result.importances[j][r]).toBe(result.baselineScore - r2Score(y, model.predict(Xp)));
      }
    }
  });

  it('shuffles whole frame columns, categorical ones included, leaving the input unchanged', () => {
    const frame = Frame.fromRecords(
      Array.from({ length: 90 }, (_, i) => ({ noise: (i * 37) % 11, city: ['a', 'b', 'c'][i % 3] })),
    );
    const labels = toLabels(Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? 'yes' : 'no')));
    const pipe = makeTabularModel({
      task: 'classification',
      family: 'tree',
      features: [
        { name: 'noise', kind: 'numeric' },
        { name: 'city', kind: 'categorical' },
      ],
    }).fit(frame, labels);
    const before = Array.from((frame.column('city') as { codes: Int32Array }).codes);
    const seen: number[] = [];
    const result = permutationImportance(pipe, frame, labels, { onProgress: (f) => seen.push(f) });
    expect(result.featureNames).toEqual(['noise', 'city']);
    expect(result.importancesMean[1]).toBeGreaterThan(0.3); // the label is the city
    expect(result.importancesMean[0]).toBe(0);
    expect(Array.from((frame.column('city') as { codes: Int32Array }).codes)).toEqual(before);
    expect(seen).toEqual([0.5, 1]);
  });

  it('stops when aborted and checks its options', () => {
    expect(() => permutationImportance(model, X, y, { signal: { aborted: true } })).toThrow(
      expect.objectContaining({ code: 'ABORTED' }),
    );
    expect(() => permutationImportance(model, X, y, { nRepeats: 0 })).toThrow(
      "The 'nRepeats' parameter of permutationImportance must be an int in [1, Infinity). Got 0.",
    );
  });
});
