import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { reference } from './fixtures/calibration';
import { IsotonicRegression, type IsotonicRegressionParams } from './isotonic-regression';
import { isotonicRegression } from './pool-adjacent-violators';

const { isotonic } = reference;
const x = Float64Array.from(isotonic.x);
const y = Float64Array.from(isotonic.y);
const weights = Float64Array.from(isotonic.sampleWeight);
const xTest = Float64Array.from(isotonic.xTest);
const numbers = (values: (number | string)[]) =>
  values.map((v) => (v === 'NaN' ? Number.NaN : (v as number)));

describe('isotonicRegression (pool adjacent violators)', () => {
  it('gives scikit-learn’s fit bit for bit, increasing and decreasing', () => {
    const seq = Float64Array.from(isotonic.sequence);
    expect(Array.from(isotonicRegression(seq))).toEqual(isotonic.pava);
    expect(Array.from(isotonicRegression(seq, { increasing: false }))).toEqual(isotonic.pavaDecreasing);
  });

  it('pools a violating pair into its weighted mean and clips to [yMin, yMax]', () => {
    const fit = isotonicRegression(Float64Array.from([1, 3, 2, 4]), {
      sampleWeight: Float64Array.from([1, 1, 3, 1]),
    });
    expect(Array.from(fit)).toEqual([1, 2.25, 2.25, 4]);
    expect(Array.from(isotonicRegression(Float64Array.from([1, 3, 2, 4]), { yMin: 1.5, yMax: 3 }))).toEqual([
      1.5, 2.5, 2.5, 3,
    ]);
  });
});

describe('IsotonicRegression vs scikit-learn', () => {
  for (const c of isotonic.cases) {
    it(`keeps the same thresholds and predicts the same values (${JSON.stringify(c.options)}, weighted ${c.weighted})`, () => {
      const model = new IsotonicRegression(c.options as Partial<IsotonicRegressionParams>).fit(
        Matrix.fromColumns([x]),
        c.negate ? y.map((v) => -v) : y,
        { sampleWeight: c.weighted ? weights : undefined },
      );
      expect(Array.from(model.xThresholds_)).toEqual(c.xThresholds);
      expect(Array.from(model.yThresholds_)).toEqual(c.yThresholds);
      expect(model.increasing_).toBe(c.increasing);
      // Outside the training range: NaN by default, the end values with outOfBounds 'clip'.
      expect(Array.from(model.predict(xTest))).toEqual(numbers(c.predict));
    });
  }
});

describe('IsotonicRegression', () => {
  it('takes one feature, refuses others, and raises outside the range with outOfBounds raise', () => {
    expect(() => new IsotonicRegression().fit(Matrix.fromRows([[1, 2]]), Float64Array.from([1]))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    const model = new IsotonicRegression({ outOfBounds: 'raise' }).fit(
      Float64Array.from([1, 2, 3]),
      Float64Array.from([1, 3, 2]),
    );
    expect(Array.from(model.predict(Float64Array.from([1.5])))).toEqual([1.75]); // between (1, 1) and (2, 2.5)
    expect(() => model.predict(Float64Array.from([0]))).toThrow(/outside the fitted range \[1, 3\]/);
  });

  it('predicts a constant from a single distinct x, and round-trips through JSON', () => {
    const flat = new IsotonicRegression().fit(Float64Array.from([2, 2]), Float64Array.from([1, 3]));
    expect(Array.from(flat.predict(Float64Array.from([-5, 9])))).toEqual([2, 2]);
    const model = new IsotonicRegression({ outOfBounds: 'clip' }).fit(x, y);
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as IsotonicRegression;
    expect(Array.from(loaded.predict(xTest))).toEqual(Array.from(model.predict(xTest)));
  });
});
