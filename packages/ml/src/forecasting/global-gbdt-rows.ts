import type { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import type { HistGradientBoostingRegressor } from '../ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
import { type FeatureLayout, featureCount, localScale, rowsToMatrix, writeFeatures } from './global-features';

/** What the row builders need of the forecaster's parameters. */
export interface RowParams {
  maxWindowsPerSeries: number;
  stepsPerOrigin: number;
  randomState: number;
}

/** The training matrix: the most recent windows of every series, scaled by their local scale. */
export function trainingRows(
  series: readonly Float64Array[],
  layout: FeatureLayout,
  horizon: number,
  params: RowParams,
): { X: Matrix; y: Float64Array } {
  const { season, strategy } = layout;
  const width = featureCount(layout);
  const rng = new Rng(params.randomState);
  const origins: [number, number, number][] = []; // series, origin t, step h
  series.forEach((y, i) => {
    const n = y.length;
    if (strategy === 'recursive') {
      for (let t = Math.max(season, n - params.maxWindowsPerSeries); t < n; t++) origins.push([i, t, 1]);
      return;
    }
    for (let t = Math.max(season, n - params.maxWindowsPerSeries); t < n; t++) {
      const maxStep = Math.min(horizon, n - t);
      for (let k = 0; k < params.stepsPerOrigin; k++) origins.push([i, t, 1 + (rng.nextUint32() % maxStep)]);
    }
  });
  const data = new Float64Array(origins.length * width);
  const target = new Float64Array(origins.length);
  origins.forEach(([i, t, h], row) => {
    const buf = series[i];
    const s = localScale(buf, t, season);
    writeFeatures(layout, buf, t, s, h, data, row * width);
    target[row] = buf[t + h - 1] / s;
  });
  return { X: rowsToMatrix(data, origins.length, width), y: target };
}

/** Forecasts `horizon` steps after the end of every history with a fitted model (recursive or direct). */
export function forecastPanel(
  model: HistGradientBoostingRegressor,
  layout: FeatureLayout,
  histories: readonly Float64Array[],
  horizon: number,
): Float64Array[] {
  const width = featureCount(layout);
  const { season } = layout;
  if (layout.strategy === 'direct') {
    const data = new Float64Array(histories.length * horizon * width);
    const scales = histories.map((y) => localScale(y, y.length, season));
    histories.forEach((y, i) => {
      for (let h = 1; h <= horizon; h++) {
        writeFeatures(layout, y, y.length, scales[i], h, data, (i * horizon + h - 1) * width);
      }
    });
    const pred = model.predict(rowsToMatrix(data, histories.length * horizon, width));
    return histories.map((_, i) =>
      Float64Array.from({ length: horizon }, (_, h) => pred[i * horizon + h] * scales[i]),
    );
  }
  const buffers = histories.map((y) => {
    const buf = new Float64Array(y.length + horizon);
    buf.set(y);
    return buf;
  });
  const data = new Float64Array(histories.length * width);
  const scales = new Float64Array(histories.length);
  for (let h = 0; h < horizon; h++) {
    histories.forEach((y, i) => {
      const t = y.length + h;
      scales[i] = localScale(buffers[i], t, season);
      writeFeatures(layout, buffers[i], t, scales[i], 1, data, i * width);
    });
    const pred = model.predict(rowsToMatrix(data, histories.length, width));
    histories.forEach((y, i) => {
      buffers[i][y.length + h] = pred[i] * scales[i];
    });
  }
  return buffers.map((buf, i) => buf.slice(histories[i].length));
}
