import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../../core/column';
import { Frame } from '../../core/frame';
import { Matrix } from '../../core/matrix';
import { Rng } from '../../core/rng';
import { fromJSON } from '../../serialization/from-json';
import { toJSON } from '../../serialization/to-json';
import { HistGradientBoostingClassifier } from './hist-gradient-boosting-classifier';

/** Two numeric features and a 4-level category; the class depends on x0 and on the category being 'b' or 'd'. */
function problem(n: number, seed: number) {
  const rng = new Rng(seed);
  const x0 = Float64Array.from({ length: n }, () => rng.nextFloat() * 4 - 2);
  const x1 = Float64Array.from({ length: n }, () => rng.nextFloat());
  const levels = ['a', 'b', 'c', 'd'];
  const category = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : levels[rng.nextInt(4)]));
  const codes = Int32Array.from(category, (c, i) => {
    const special = c === 'b' || c === 'd' ? 1.5 : -1.5;
    return x0[i] + (c === null ? 0 : special) + (rng.nextFloat() - 0.5) > 0 ? 1 : 0;
  });
  const frame = new Frame([
    numericColumn('x0', x0),
    numericColumn('x1', x1),
    categoricalColumn('kind', category),
  ]);
  return { frame, y: { codes, levels: ['no', 'yes'] } };
}

const accuracy = (pred: Int32Array, truth: Int32Array) =>
  pred.filter((p, i) => p === truth[i]).length / pred.length;

describe('HistGradientBoostingClassifier', () => {
  const train = problem(800, 1);
  const test = problem(400, 2);

  it("splits frame categories natively with categoricalFeatures: 'from_dtype'", () => {
    const model = new HistGradientBoostingClassifier({ categoricalFeatures: 'from_dtype' }).fit(
      train.frame,
      train.y,
    );
    expect(model.classes_).toEqual(['no', 'yes']);
    expect(model.categoryLevels_![2]).toEqual(['a', 'b', 'c', 'd']);
    expect(accuracy(model.predict(test.frame), test.y.codes)).toBeGreaterThan(0.85);
    expect(model.decisionFunction(test.frame).nCols).toBe(1);
    // The same codes as a matrix with a mask grow the same model.
    const X = Matrix.fromColumns(
      train.frame.columns.map((c) =>
        c.kind === 'numeric' ? c.values : Float64Array.from(c.codes, (k) => (k < 0 ? Number.NaN : k)),
      ),
    );
    const masked = new HistGradientBoostingClassifier({ categoricalFeatures: [false, false, true] }).fit(
      X,
      train.y,
    );
    expect(Array.from(masked.treeValue_)).toEqual(Array.from(model.treeValue_));
  });

  it('sends an unseen category where missing values go, and matches frames by column name and level', () => {
    const model = new HistGradientBoostingClassifier({ categoricalFeatures: 'from_dtype', maxIter: 30 });
    model.fit(train.frame, train.y);
    const probe = (kind: string | null) =>
      model.predictProba(
        new Frame([
          categoricalColumn('kind', [kind]),
          numericColumn('x1', [0.5]),
          numericColumn('x0', [0.1]),
        ]),
      ).data[1];
    expect(probe('zzz')).toBe(probe(null));
    expect(probe('b')).toBeGreaterThan(probe('a'));
    expect(() => model.predict(train.frame.select(['x0', 'x1']))).toThrow(
      expect.objectContaining({ code: 'MISSING_COLUMN' }),
    );
  });

  it('fits one tree per class and iteration for more than two classes', () => {
    const rng = new Rng(3);
    const X = Matrix.fromColumns([Float64Array.from({ length: 300 }, () => rng.nextFloat() * 3)]);
    const y = Int32Array.from(X.column(0), (v) => Math.floor(v));
    const model = new HistGradientBoostingClassifier({ maxIter: 10 }).fit(X, y);
    expect(model.classes_).toEqual(['0', '1', '2']);
    expect(model.nTreesPerIteration_).toBe(3);
    expect(model.treeStart_.length).toBe(31);
    expect(accuracy(model.predict(X), y)).toBeGreaterThan(0.95);
  });

  it('weights classes like sample weights (a record by class name, or balanced)', () => {
    const { frame, y } = problem(300, 4);
    const params = { categoricalFeatures: 'from_dtype' as const, maxIter: 10 };
    const byClass = new HistGradientBoostingClassifier({ ...params, classWeight: { yes: 3 } }).fit(frame, y);
    const sampleWeight = Float64Array.from(y.codes, (c) => (c === 1 ? 3 : 1));
    const bySample = new HistGradientBoostingClassifier(params).fit(frame, y, { sampleWeight });
    expect(Array.from(byClass.predictProba(frame).data)).toEqual(
      Array.from(bySample.predictProba(frame).data),
    );
    const balanced = new HistGradientBoostingClassifier({ ...params, classWeight: 'balanced' }).fit(frame, y);
    const plain = new HistGradientBoostingClassifier(params).fit(frame, y);
    const meanYes = (m: HistGradientBoostingClassifier) =>
      m
        .predictProba(frame)
        .column(1)
        .reduce((a, b) => a + b) / 300;
    const share = y.codes.reduce((a, b) => a + b, 0) / 300;
    // Balancing moves the average probability of the rarer class up (or of the commoner one down).
    expect(Math.sign(meanYes(balanced) - meanYes(plain))).toBe(share < 0.5 ? 1 : -1);
    expect(() =>
      new HistGradientBoostingClassifier({ ...params, classWeight: { maybe: 2 } }).fit(frame, y),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });

  it('stops early once the validation loss stalls', () => {
    const model = new HistGradientBoostingClassifier({
      categoricalFeatures: 'from_dtype',
      earlyStopping: true,
      maxIter: 500,
      learningRate: 0.3,
    }).fit(train.frame, train.y);
    expect(model.nIter_).toBeLessThan(500);
    // Scores (minus the loss) from before the first tree on; none of the last 10 beat the one before them.
    const scores = model.validationScore_;
    expect(scores.length).toBe(model.nIter_ + 1);
    expect(scores.slice(-10).every((s) => s <= scores[scores.length - 11] + 1e-7)).toBe(true);
    expect(Math.max(...scores)).toBeLessThan(0);
  });

  it('round-trips through JSON with bit-identical probabilities', () => {
    const model = new HistGradientBoostingClassifier({ categoricalFeatures: 'from_dtype', maxIter: 20 }).fit(
      train.frame,
      train.y,
    );
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as HistGradientBoostingClassifier;
    const a = model.predictProba(test.frame).data;
    const b = loaded.predictProba(test.frame).data;
    expect(a.every((v, i) => Object.is(v, b[i]))).toBe(true);
    const broken = toJSON(model) as { state: Record<string, unknown> };
    const left = broken.state.treeLeft_ as { values: number[] };
    left.values[0] = 0;
    expect(() => fromJSON(broken)).toThrow(expect.objectContaining({ code: 'BAD_MODEL_FORMAT' }));
  });

  it('refuses categorical values that are not codes in [0, maxBins) and unmarked frame categories', () => {
    const X = Matrix.fromColumns([[0, 1, 2.5, 1, 0, 1]]);
    const y = Int32Array.of(0, 1, 0, 1, 0, 1);
    const marked = new HistGradientBoostingClassifier({ categoricalFeatures: [0] });
    expect(() => marked.fit(X, y)).toThrow(expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }));
    expect(() => new HistGradientBoostingClassifier().fit(train.frame, train.y)).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
    const badMask = new HistGradientBoostingClassifier({ categoricalFeatures: [true, false] });
    expect(() => badMask.fit(X, y)).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() =>
      new HistGradientBoostingClassifier().fit(X, y, { sampleWeight: Float64Array.of(1) }),
    ).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
  });
});
