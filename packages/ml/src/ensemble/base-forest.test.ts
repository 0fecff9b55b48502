import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { fromJSON } from '../serialization/from-json';
import { decodeValue, encodeValue } from '../serialization/tagged-json';
import { toJSON } from '../serialization/to-json';
import { ExtraTreesRegressor } from './extra-trees-regressor';
import { RandomForestClassifier } from './random-forest-classifier';
import { RandomForestRegressor } from './random-forest-regressor';

const X = Matrix.fromRows(
  Array.from({ length: 80 }, (_, i) => [Math.sin(i), (i * 7) % 13, i % 5 === 0 ? Number.NaN : i / 10]),
);
const y = Int32Array.from({ length: 80 }, (_, i) => (Math.sin(i) > 0.3 ? 2 : (i * 7) % 13 > 6 ? 1 : 0));
const yr = Float64Array.from({ length: 80 }, (_, i) => Math.sin(i) * 3 + ((i * 7) % 13));

const state = (model: { getState(): Record<string, unknown> }) =>
  JSON.stringify(toJSON(model as never).state);

describe('fitTrees / mergeTrees (fitting trees in separate workers)', () => {
  it('batches fitted separately, merged in any order, give the very forest fit grows', () => {
    const params = {
      nEstimators: 7,
      oobScore: true,
      classWeight: 'balanced_subsample' as const,
      randomState: 11,
    };
    const whole = new RandomForestClassifier(params).fit(X, y);
    // What a worker does: a fresh estimator with the same params fits its range of trees.
    const worker = () => new RandomForestClassifier(params);
    const batches = [
      worker().fitTrees(X, y, 5, 7),
      worker().fitTrees(X, y, 0, 2),
      worker().fitTrees(X, y, 2, 5),
    ];
    // Batches are plain objects of typed arrays: they survive a trip through JSON (or postMessage).
    const copied = batches.map((batch) =>
      decodeValue(JSON.parse(JSON.stringify(encodeValue(batch, () => null))), () => {
        throw new Error('no estimators in a batch');
      }),
    ) as typeof batches;
    expect(copied[0].trees[0].feature).toBeInstanceOf(Int32Array);
    const merged = new RandomForestClassifier(params).mergeTrees(X, y, copied);
    expect(state(merged)).toBe(state(whole));
    expect(merged.oobScore_).toBe(whole.oobScore_);
  });

  it('refuses batches that leave a gap or overlap', () => {
    const model = new RandomForestRegressor({ nEstimators: 4 });
    const a = model.fitTrees(X, yr, 0, 2);
    const b = model.fitTrees(X, yr, 1, 4);
    expect(() => model.mergeTrees(X, yr, [a])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => model.mergeTrees(X, yr, [a, b])).toThrow(/covering trees 0 to 3 exactly once/);
    expect(() => model.fitTrees(X, yr, 3, 9)).toThrow(/0 <= start <= end <= nEstimators/);
    expect(model.isFitted).toBe(false);
  });

  it('seeds tree t the same whatever the batch, and differently for another randomState', () => {
    const one = new ExtraTreesRegressor({ nEstimators: 3, randomState: 1 }).fitTrees(X, yr, 2, 3).trees[0];
    const all = new ExtraTreesRegressor({ nEstimators: 3, randomState: 1 }).fitTrees(X, yr).trees[2];
    const other = new ExtraTreesRegressor({ nEstimators: 3, randomState: 2 }).fitTrees(X, yr).trees[2];
    expect(Array.from(one.threshold)).toEqual(Array.from(all.threshold));
    expect(Array.from(one.threshold)).not.toEqual(Array.from(other.threshold));
  });
});

describe('forest progress and cancellation', () => {
  it('reports progress once per tree, then 1', () => {
    const seen: number[] = [];
    new RandomForestRegressor({ nEstimators: 4 }).fit(X, yr, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1, 1]);
  });

  it('checks the signal between trees', () => {
    const signal = { aborted: false, reason: 'stop' };
    let trees = 0;
    const fit = () =>
      new RandomForestClassifier({ nEstimators: 50 }).fit(X, y, {
        signal,
        onProgress: () => {
          trees++;
          if (trees === 3) signal.aborted = true;
        },
      });
    expect(fit).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(trees).toBe(3);
  });
});

describe('forest state', () => {
  it('round-trips through JSON and refuses damaged trees', () => {
    const model = new RandomForestClassifier({ nEstimators: 3, maxDepth: 3 }).fit(X, y);
    const json = JSON.parse(JSON.stringify(toJSON(model)));
    const loaded = fromJSON(json) as RandomForestClassifier;
    expect(Array.from(loaded.predictProba(X).data)).toEqual(Array.from(model.predictProba(X).data));
    const looped = JSON.parse(JSON.stringify(json));
    looped.state.left_.values[0] = 0;
    expect(() => fromJSON(looped)).toThrow(/tree 0 node 0 has a bad feature or children/);
    const short = JSON.parse(JSON.stringify(json));
    short.state.nodeOffset_.values[3] -= 1;
    expect(() => fromJSON(short)).toThrow(expect.objectContaining({ code: 'BAD_MODEL_FORMAT' }));
  });
});
