import { conformalIntervals } from '@quarry/ml';

/**
 * Conformal half-widths per forecast step when there are few backtest folds: the residuals of step h are pooled
 * with those of the nearest steps until at least `minCount` are in the pool (or every step is), so three folds
 * still give a usable 95% quantile while the widths keep growing with the horizon.
 */
export function pooledConformal(
  residuals: readonly Float64Array[],
  levels: readonly number[],
  minCount = 20,
): Record<number, Float64Array> {
  const h = residuals.length;
  const pooled = residuals.map((_, step) => {
    let w = 0;
    const collect = () => residuals.slice(Math.max(0, step - w), Math.min(h, step + w + 1));
    let window = collect();
    while (window.reduce((n, r) => n + r.length, 0) < minCount && window.length < h) {
      w++;
      window = collect();
    }
    const out = new Float64Array(window.reduce((n, r) => n + r.length, 0));
    let offset = 0;
    for (const r of window) {
      out.set(r, offset);
      offset += r.length;
    }
    return out;
  });
  return conformalIntervals(pooled, levels);
}

/** The median of several forecasts, step by step. */
export function medianOf(parts: readonly Float64Array[]): Float64Array {
  const h = parts[0].length;
  const out = new Float64Array(h);
  const column = new Float64Array(parts.length);
  for (let t = 0; t < h; t++) {
    for (let i = 0; i < parts.length; i++) column[i] = parts[i][t];
    const sorted = column.slice().sort();
    const mid = sorted.length >> 1;
    out[t] = sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  }
  return out;
}

/**
 * Honest coverage of conformal intervals on the backtest: each fold is checked against half-widths calibrated
 * on the other folds' residuals only (leave one fold out). Null with a single fold.
 */
export function leaveOneFoldOutCoverage(residuals: readonly Float64Array[], level: number): number | null {
  const k = residuals[0]?.length ?? 0;
  if (k < 2) return null;
  let inside = 0;
  let total = 0;
  for (let f = 0; f < k; f++) {
    const others = residuals.map((r) => r.filter((_, i) => i !== f));
    const widths = pooledConformal(others, [level])[level];
    residuals.forEach((r, step) => {
      total++;
      if (Math.abs(r[f]) <= widths[step]) inside++;
    });
  }
  return inside / total;
}
