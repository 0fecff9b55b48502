import { maseScale } from './mase';

export interface HorizonErrors {
  mae: Float64Array;
  rmse: Float64Array;
  /** Mean absolute percentage error, in percent (points where the actual is 0 are skipped). */
  mape: Float64Array;
  smape: Float64Array;
  mase: Float64Array;
}

/**
 * Errors per forecast step, averaged over windows: row i of `actuals` and `forecasts` is one forecast window
 * (a fold or a series); `insample[i]` is the training data behind it, for the MASE scale with season m.
 */
export function horizonErrors(
  actuals: Float64Array[],
  forecasts: Float64Array[],
  insample: Float64Array[],
  m: number,
): HorizonErrors {
  const h = actuals.length === 0 ? 0 : actuals[0].length;
  const out = {
    mae: new Float64Array(h),
    rmse: new Float64Array(h),
    mape: new Float64Array(h),
    smape: new Float64Array(h),
    mase: new Float64Array(h),
  };
  const mapeCount = new Float64Array(h);
  actuals.forEach((actual, i) => {
    const scale = maseScale(insample[i], m);
    for (let k = 0; k < h; k++) {
      const y = actual[k];
      const f = forecasts[i][k];
      const err = Math.abs(y - f);
      out.mae[k] += err;
      out.rmse[k] += err * err;
      if (y !== 0) {
        out.mape[k] += (100 * err) / Math.abs(y);
        mapeCount[k]++;
      }
      const denom = Math.abs(y) + Math.abs(f);
      out.smape[k] += denom > 0 ? (200 * err) / denom : 0;
      out.mase[k] += err / scale;
    }
  });
  const count = actuals.length;
  for (let k = 0; k < h; k++) {
    out.mae[k] /= count;
    out.rmse[k] = Math.sqrt(out.rmse[k] / count);
    out.mape[k] = mapeCount[k] > 0 ? out.mape[k] / mapeCount[k] : Number.NaN;
    out.smape[k] /= count;
    out.mase[k] /= count;
  }
  return out;
}
