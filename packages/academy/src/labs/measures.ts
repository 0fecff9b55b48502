import type { Cell, LabDataset } from './types';

/**
 * Small statistics the generator tests use to show each planted problem is measurably there. They live beside
 * the generators (not in a test file) because the Academy's checkpoints will reuse them on the learner's data.
 */

/** The values of one column, in row order. */
export function columnOf(dataset: LabDataset, name: string): Cell[] {
  return dataset.rows.map((row) => row[name] ?? null);
}

/** The column as numbers; missing or non-numeric cells become NaN. */
export function numericColumn(dataset: LabDataset, name: string): Float64Array {
  return Float64Array.from(columnOf(dataset, name), (v) => (typeof v === 'number' ? v : Number.NaN));
}

/** Share of missing cells in a column. */
export function missingShare(dataset: LabDataset, name: string): number {
  const values = columnOf(dataset, name);
  return values.filter((v) => v === null).length / values.length;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** Sample skewness (the moment coefficient g₁). */
export function skewness(values: ArrayLike<number>): number {
  const mu = mean(values);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mu;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= values.length;
  m3 /= values.length;
  return m3 / m2 ** 1.5;
}

/** Robust z-scores, 0.6745·(x − median) / MAD, the scale the robust z-score detector uses. */
export function robustZ(values: ArrayLike<number>): Float64Array {
  const med = median(values);
  const mad = median(Float64Array.from(values, (v) => Math.abs(v - med)));
  return Float64Array.from(values, (v) => (0.6745 * (v - med)) / mad);
}

/** Pearson correlation of two equally long arrays. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Population stability index of `actual` against `expected`: Σ (a − e)·ln(a / e) over bins, the credit-risk
 * drift measure (< 0.1 stable, > 0.2 a real shift). Numbers are binned at the deciles of `expected`; strings are
 * binned by value. Empty bins get a tiny share so the log stays finite.
 */
export function psi(expected: readonly Cell[], actual: readonly Cell[]): number {
  const numeric = expected.every((v) => typeof v === 'number');
  let binOf: (v: Cell) => string;
  if (numeric) {
    const sorted = Float64Array.from(expected as number[]).sort();
    const edges = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => sorted[Math.floor((k * sorted.length) / 10)]);
    binOf = (v) => String(edges.filter((e) => (v as number) >= e).length);
  } else {
    binOf = (v) => String(v);
  }
  const share = (values: readonly Cell[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(binOf(v), (counts.get(binOf(v)) ?? 0) + 1);
    return (bin: string) => Math.max((counts.get(bin) ?? 0) / values.length, 1e-4);
  };
  const e = share(expected);
  const a = share(actual);
  const bins = new Set([...expected, ...actual].map(binOf));
  let total = 0;
  for (const bin of bins) total += (a(bin) - e(bin)) * Math.log(a(bin) / e(bin));
  return total;
}

/**
 * A 64-bit fingerprint of a string as hex (two 32-bit FNV-1a lanes with different offsets, multiplied with
 * Math.imul), to compare generated CSVs without keeping them. Not cryptographic; it only has to tell texts apart.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
