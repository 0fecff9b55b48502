import { MlError } from '../core/errors';
import { Matrix } from '../core/matrix';
import { checkSeason, checkSeries } from './series-checks';

/**
 * Feature rows for the global gradient-boosting forecaster (the LightGBM recipe of the M4/M5 winners' tables):
 * every value is divided by the series' local scale — the mean absolute value of the last season before the
 * forecast origin — so one model can learn from series whose levels differ by orders of magnitude, and the
 * model sees only shapes. Values before the start of a series are NaN, which the histogram GBDT routes natively.
 */
export interface FeatureLayout {
  season: number;
  /** Lags relative to the forecast origin: 1..season, then whole seasons up to `maxLag`. */
  lags: number[];
  /** 'recursive' predicts one step and feeds it back; 'direct' adds the horizon step and target-aligned lags. */
  strategy: 'recursive' | 'direct';
  /** Adds log10 of the scale (the series' level) as a feature. */
  level: boolean;
}

/** Lags 1..season and the whole seasons 2·season..maxLag (24, 48, …, 168 for hourly data). */
export function defaultLags(season: number, maxLag: number): number[] {
  const lags: number[] = [];
  for (let k = 1; k <= Math.min(season, maxLag); k++) lags.push(k);
  for (let k = 2 * season; k <= maxLag; k += season) lags.push(k);
  return lags;
}

export function featureCount(layout: FeatureLayout): number {
  return layout.lags.length + 2 + (layout.level ? 1 : 0) + (layout.strategy === 'direct' ? 4 : 0);
}

export function featureNames(layout: FeatureLayout): string[] {
  const names = layout.lags.map((k) => `lag${k}`);
  names.push('mean_long', 'sd_season');
  if (layout.level) names.push('log_level');
  if (layout.strategy === 'direct') names.push('step', 'phase', 'target_lag_season', 'target_lag_week');
  return names;
}

/**
 * The local scale at origin t (history buf[0..t−1]): the mean |value| of the last season, or of what there is;
 * 1 when that is 0 so all-zero stretches stay zero.
 */
export function localScale(buf: ArrayLike<number>, t: number, season: number): number {
  const from = Math.max(0, t - season);
  let sum = 0;
  for (let i = from; i < t; i++) sum += Math.abs(buf[i]);
  const scale = t > from ? sum / (t - from) : 0;
  return scale > 0 ? scale : 1;
}

/**
 * Writes the features of one row into `out` at `offset`: history buf[0..t−1], scale `s`, and for the direct
 * strategy the step h (1-based) whose target is buf[t+h−1]. Returns the offset after the row.
 */
export function writeFeatures(
  layout: FeatureLayout,
  buf: ArrayLike<number>,
  t: number,
  s: number,
  h: number,
  out: Float64Array,
  offset: number,
): number {
  const { season, lags } = layout;
  let o = offset;
  for (const k of lags) out[o++] = t - k >= 0 ? buf[t - k] / s : Number.NaN;
  const long = Math.min(t, 7 * season);
  let sum = 0;
  for (let i = t - long; i < t; i++) sum += buf[i];
  out[o++] = long > 0 ? sum / long / s : Number.NaN;
  const short = Math.min(t, season);
  let mean = 0;
  for (let i = t - short; i < t; i++) mean += buf[i];
  mean /= Math.max(1, short);
  let sq = 0;
  for (let i = t - short; i < t; i++) sq += (buf[i] - mean) ** 2;
  out[o++] = short > 1 ? Math.sqrt(sq / (short - 1)) / s : Number.NaN;
  if (layout.level) out[o++] = Math.log10(s);
  if (layout.strategy === 'direct') {
    const target = t + h - 1;
    out[o++] = h;
    out[o++] = (h - 1) % season;
    const back = target - season * Math.ceil(h / season);
    out[o++] = back >= 0 ? buf[back] / s : Number.NaN;
    const week = target - season * Math.max(7, Math.ceil(h / season));
    out[o++] = week >= 0 ? buf[week] / s : Number.NaN;
  }
  return o;
}

/** Checks a panel: a non-empty array of finite Float64Arrays, each at least `minLength` long. */
export function checkPanel(series: readonly Float64Array[], kind: string, minLength: number): void {
  if (!Array.isArray(series) || series.length === 0) {
    throw new MlError(
      'EMPTY_DATA',
      `${kind}.fitPanel needs at least one series: pass an array of Float64Arrays.`,
      {
        details: { kind },
      },
    );
  }
  for (const y of series) checkSeries(y, kind, minLength);
}

/** A column-major `Matrix` from rows written one after the other (how `writeFeatures` fills its buffer). */
export function rowsToMatrix(rows: Float64Array, nRows: number, width: number): Matrix {
  const data = new Float64Array(nRows * width);
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < width; c++) data[c * nRows + r] = rows[r * width + c];
  }
  return new Matrix(nRows, width, data);
}

/**
 * The split-conformal quantile of k sorted absolute errors: the ⌈(k + 1)·L/100⌉-th smallest (the largest when k
 * is too small), as `conformalIntervals`.
 */
export function conformalQuantile(sorted: Float64Array, level: number): number {
  const rank = Math.min(sorted.length, Math.ceil(((sorted.length + 1) * level) / 100));
  return sorted[rank - 1];
}

export { checkSeason };
