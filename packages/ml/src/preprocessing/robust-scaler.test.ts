import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/scalers';
import { RobustScaler } from './robust-scaler';

const fromNullable = (rows: (number | null)[][]) =>
  Matrix.fromRows(rows.map((row) => row.map((v) => v ?? Number.NaN)));
const X = fromNullable(reference.X);
const XTest = fromNullable(reference.XTest);

describe.each(reference.robust)(
  'RobustScaler vs scikit-learn (quantileRange $quantileRange, centering $withCentering)',
  (c) => {
    it('learns the same median and quantile range and transforms identically (bit for bit; NaN kept)', () => {
      const scaler = new RobustScaler({
        withCentering: c.withCentering,
        quantileRange: c.quantileRange as [number, number],
      }).fit(X);
      if (c.center) expect(Array.from(scaler.center_)).toEqual(c.center);
      expect(Array.from(scaler.scale_)).toEqual(c.scale);
      expect(scaler.transform(XTest).toRows()).toEqual(c.out.map((row) => row.map((v) => v ?? Number.NaN)));
    });
  },
);

describe('RobustScaler', () => {
  it('is not moved by an outlier the way a standard deviation would be', () => {
    const scaler = new RobustScaler().fit(Matrix.fromRows([[1], [2], [3], [4], [1000]]));
    expect(scaler.center_[0]).toBe(3);
    expect(scaler.scale_[0]).toBe(2); // 4 − 2
  });

  it('leaves a constant column unscaled and refuses a reversed range', () => {
    const scaler = new RobustScaler().fit(Matrix.fromRows([[5], [5], [5]]));
    expect(scaler.scale_[0]).toBe(1);
    expect(() => new RobustScaler({ quantileRange: [75, 25] }).fit(Matrix.fromRows([[0]]))).toThrow(
      /0 <= qMin <= qMax <= 100/,
    );
  });
});
