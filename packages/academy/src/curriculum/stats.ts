/** Small summaries the lessons' charts and numbers share. */

export interface Bin {
  /** Lower and upper edge of the bin. */
  start: number;
  end: number;
  count: number;
}

/** Equal-width histogram of the finite values, `bins` bins between `lo` and `hi` (default: min and max). */
export function histogram(values: ArrayLike<number>, bins: number, lo?: number, hi?: number): Bin[] {
  let min = lo ?? Number.POSITIVE_INFINITY;
  let max = hi ?? Number.NEGATIVE_INFINITY;
  if (lo === undefined || hi === undefined) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo === undefined && v < min) min = v;
      if (hi === undefined && v > max) max = v;
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const width = max > min ? (max - min) / bins : 1;
  const out = Array.from({ length: bins }, (_, b) => ({
    start: min + b * width,
    end: min + (b + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < min || v > max) continue;
    out[Math.min(bins - 1, Math.floor((v - min) / width))].count++;
  }
  return out;
}

/** Mean and population standard deviation of the finite values. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      n++;
      sum += values[i];
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) ss += (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / n) };
}

/** Counts of each distinct value, most frequent first (ties by value). */
export function valueCounts(values: readonly unknown[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v === null || v === undefined ? '(missing)' : String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
