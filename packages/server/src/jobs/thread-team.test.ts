import { HistGradientBoostingClassifier, HistGradientBoostingRegressor, Matrix, Rng } from '@quarry/ml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  binMatrix,
  fitAndBinOnTeam,
  fitBinMapper,
} from '../../../ml/src/ensemble/hist-gradient-boosting/binning';
import { ThreadTeam } from './thread-team';

// Large enough that the root, the first splits, the gradients and the prediction updates all run on the team
// (the kernel's thresholds are 8 192 rows and 8 192 histogram cells; fits of 65 536 cells and more use the team).
const N = 40_000;

/** Six numeric columns (one with 10% missing values) and one categorical column of 12 levels; seeded. */
function makeData(seed: number) {
  const rng = new Rng(seed);
  // Box–Muller from the seeded uniform generator.
  const normal = () =>
    Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const columns = Array.from({ length: 7 }, () => new Float64Array(N));
  const signal = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < 6; j++) columns[j][i] = normal();
    columns[6][i] = Math.floor(rng.nextFloat() * 12);
    signal[i] = columns[0][i] - 0.5 * columns[1][i] * columns[2][i] + (columns[6][i] % 3) + 0.3 * normal();
    if (rng.nextFloat() < 0.1) columns[3][i] = Number.NaN;
  }
  const categorical = [false, false, false, false, false, false, true];
  return { X: Matrix.fromColumns(columns, N), signal, categorical };
}

const PARAMS = { maxIter: 12, maxLeafNodes: 31, earlyStopping: false, randomState: 0 } as const;

function expectIdentical(a: Float64Array, b: Float64Array) {
  expect(b.length).toBe(a.length);
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) differing++;
  expect(differing).toBe(0);
}

describe('ThreadTeam: histogram gradient boosting on two threads', () => {
  let team: ThreadTeam;
  beforeAll(async () => {
    team = await ThreadTeam.start(2);
  });
  afterAll(async () => {
    await team.dispose();
  });

  it('grows the same binary classifier as one thread, bit for bit', () => {
    const { X, signal, categorical } = makeData(1);
    const y = Int32Array.from(signal, (s) => (s > 0.4 ? 1 : 0));
    const params = { ...PARAMS, categoricalFeatures: categorical };
    const alone = new HistGradientBoostingClassifier(params).fit(X, y);
    const before = team.opsRun;
    const together = new HistGradientBoostingClassifier(params).fit(X, y, { team });
    // Per iteration at least: gradients, the root's histograms, its row split (2 ops), the prediction update (2).
    expect(team.opsRun - before).toBeGreaterThanOrEqual(6 * PARAMS.maxIter);
    expectIdentical(alone.predictProba(X).data, together.predictProba(X).data);
    expect(together.getState()).toEqual(alone.getState());
  });

  it('grows the same multiclass classifier with sample weights, one tree per class at a time', () => {
    const { X, signal } = makeData(2);
    const y = Int32Array.from(signal, (s) => (s < -0.5 ? 0 : s < 1 ? 1 : 2));
    const sampleWeight = Float64Array.from(signal, (_, i) => 1 + (i % 3));
    const alone = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { sampleWeight });
    const before = team.opsRun;
    const together = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { sampleWeight, team });
    // The bin edges and the binned matrix (binning-kernel.ts: one round, the sample is every row), then per
    // iteration the gradients and the three classes' trees grown side by side in one op.
    expect(team.opsRun - before).toBe(2 + 2 * PARAMS.maxIter);
    expectIdentical(alone.predictProba(X).data, together.predictProba(X).data);
  });

  it.each(['squared_error', 'absolute_error', 'poisson'] as const)('grows the same %s regressor', (loss) => {
    const { X, signal } = makeData(3);
    const y = loss === 'poisson' ? Float64Array.from(signal, (s) => Math.round(Math.exp(s / 2))) : signal;
    const alone = new HistGradientBoostingRegressor({ ...PARAMS, loss }).fit(X, y);
    const together = new HistGradientBoostingRegressor({ ...PARAMS, loss }).fit(X, y, { team });
    expectIdentical(alone.predict(X), together.predict(X));
  });

  it("reuses a fit's shared working memory without touching the models fitted before", () => {
    // The second and third fits take the first one's pooled shared buffers (ml's core/working-memory.ts).
    const first = makeData(6);
    const other = makeData(7);
    const model = new HistGradientBoostingRegressor(PARAMS).fit(first.X, first.signal, { team });
    const before = model.predict(first.X);
    new HistGradientBoostingRegressor(PARAMS).fit(other.X, other.signal, { team });
    expectIdentical(before, model.predict(first.X));
    const again = new HistGradientBoostingRegressor(PARAMS).fit(first.X, first.signal, { team });
    expectIdentical(before, again.predict(first.X));
  });

  it('breaks ties between features as one thread does (a column and its copy)', () => {
    // Column 4 becomes a copy of column 1, on which the target depends most, so every split on one ties with the
    // other. The members scan their blocks of features as they build a node's histograms, and on two threads the
    // block of features 3–6 comes before that of 0–2: the tie must still go to feature 1.
    const { X } = makeData(8);
    X.data.copyWithin(4 * N, N, 2 * N);
    const noise = new Rng(9);
    const y = Int32Array.from({ length: N }, (_, i) =>
      X.get(i, 1) + 0.5 * noise.nextFloat() > 0.25 ? 1 : 0,
    );
    const alone = new HistGradientBoostingClassifier(PARAMS).fit(X, y);
    const together = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { team });
    const features = alone.treeFeature_.filter((f) => f >= 0);
    expect(features.filter((f) => f === 1).length).toBeGreaterThan(10);
    expect(features.filter((f) => f === 4).length).toBe(0);
    expect(together.getState()).toEqual(alone.getState());
  });

  it('grows the same one-leaf trees when the root cannot be split', () => {
    // Every tree is its root (too few rows for two leaves), whose rows are put in the partition after all (the
    // team's RESET): the absolute-error loss reads them to refit the leaf's value (a median of residuals).
    const { X, signal } = makeData(5);
    const params = { ...PARAMS, loss: 'absolute_error', minSamplesLeaf: N / 2 + 1 } as const;
    const alone = new HistGradientBoostingRegressor(params).fit(X, signal);
    const together = new HistGradientBoostingRegressor(params).fit(X, signal, { team });
    expect(together.getState()).toEqual(alone.getState());
    expectIdentical(alone.predict(X), together.predict(X));
  });

  it('learns the same bin edges on the team (coarse bins: every edge shows in the trees)', () => {
    const { X, signal } = makeData(5);
    const y = Int32Array.from(signal, (s) => (s > 0.5 ? 1 : 0));
    const params = { ...PARAMS, maxBins: 6 };
    const alone = new HistGradientBoostingClassifier(params).fit(X, y);
    const together = new HistGradientBoostingClassifier(params).fit(X, y, { team });
    expect(together.getState()).toEqual(alone.getState());
    expectIdentical(alone.predictProba(X).data, together.predictProba(X).data);
  });

  it('bins the training matrix on the team a few columns at a time, as the lone thread does', () => {
    // 40 000 rows, a 15 000-row sample: the sample's buffer holds two columns of the matrix per round (4 rounds).
    const { X, categorical } = makeData(6);
    const isCategorical = Uint8Array.from(categorical, (c) => (c ? 1 : 0));
    const nCategories = Int32Array.from(categorical, (c) => (c ? 12 : 0));
    const alone = fitBinMapper(X, isCategorical, nCategories, 255, new Rng(3), 15_000);
    const binned = new Uint8Array(new SharedArrayBuffer(X.nRows * X.nCols));
    const together = fitAndBinOnTeam(X, isCategorical, nCategories, 255, new Rng(3), team, binned, 15_000);
    expect(together).toEqual(alone);
    const expected = binMatrix(X, alone);
    let differing = 0;
    for (let i = 0; i < expected.length; i++) if (binned[i] !== expected[i]) differing++;
    expect(differing).toBe(0);
    // Missing values and every category's code reached their bins.
    expect(binned.subarray(3 * X.nRows, 4 * X.nRows).includes(255)).toBe(true);
    expect(new Set(binned.subarray(6 * X.nRows)).size).toBe(12);
  });

  it('serves one fit after another, and a one-thread team is plain serial code', async () => {
    const { X, signal } = makeData(4);
    const y = Int32Array.from(signal, (s) => (s > 0 ? 1 : 0));
    const first = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { team }).predictProba(X).data;
    const second = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { team }).predictProba(X).data;
    expectIdentical(first, second);
    const solo = await ThreadTeam.start(1);
    expect(solo.size).toBe(1);
    const third = new HistGradientBoostingClassifier(PARAMS).fit(X, y, { team: solo }).predictProba(X).data;
    expectIdentical(first, third);
    await solo.dispose();
  });
});
