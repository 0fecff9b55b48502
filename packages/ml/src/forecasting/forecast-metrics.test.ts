import { describe, expect, it } from 'vitest';
import { horizonErrors } from './horizon-errors';
import { mase, maseScale } from './mase';
import { owa } from './owa';
import { smape } from './smape';

describe('M4 metrics', () => {
  it('sMAPE is 200|y−f|/(|y|+|f|) averaged, 0 where both are 0', () => {
    expect(smape([100, 0], [50, 0])).toBeCloseTo((200 * 50) / 150 / 2, 12);
  });

  it('MASE scales by the in-sample seasonal naive error', () => {
    const insample = Float64Array.of(1, 2, 3, 5, 6, 7);
    expect(maseScale(insample, 3)).toBe(4);
    expect(mase([9, 11], [10, 10], insample, 3)).toBe(0.25);
    expect(maseScale(Float64Array.of(1, 3), 5)).toBe(2); // too short for the season: lag 1
  });

  it('OWA of Naive2 is 1', () => {
    expect(owa(18.383, 2.395, 18.383, 2.395)).toBe(1);
    expect(owa(9, 1.2, 18, 2.4)).toBeCloseTo(0.5, 12);
  });

  it('per-horizon MAE, RMSE, MAPE, sMAPE and MASE', () => {
    const e = horizonErrors(
      [Float64Array.of(10, 20), Float64Array.of(10, 0)],
      [Float64Array.of(12, 20), Float64Array.of(6, 2)],
      [Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)],
      1,
    );
    expect(Array.from(e.mae)).toEqual([3, 1]);
    expect(e.rmse[0]).toBeCloseTo(Math.sqrt(10), 12);
    expect(e.mape[1]).toBe(0); // the zero actual is skipped
    expect(e.mase[0]).toBe(3);
  });
});
