import { nanMedian } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';

/** How a data-set column enters the detectors. */
export interface AnomalyFeature {
  name: string;
  /** 'numeric': the value, robust-scaled; 'rarity': −ln(share of rows with this category), so rare = large. */
  encoding: 'numeric' | 'rarity';
  /** Rows whose missing value was filled with the median (numeric) or counted as its own category (rarity). */
  imputed: number;
  /** Median and robust scale of the encoded values, to read a row's value against. */
  median: number;
  scale: number;
}

export interface PreparedFeatures {
  features: AnomalyFeature[];
  /** Column-major encoded values, one Float64Array per feature, robust-scaled (median 0, scale 1). */
  columns: Float64Array[];
  excluded: { name: string; reason: string }[];
}

/** More categories than this and a column is more an identifier than a feature. */
export const MAX_LEVELS = 100;

/**
 * Turns data-set columns into what the four detectors can read: every value finite, comparable scales.
 * Numeric columns: missing → median (counted), then (x − median) / scale. Categorical columns: a category's
 * rarity −ln(share), so a value seen in 0.1% of rows stands far from one seen in 60% — the detectors then flag
 * rare combinations too. Scaling matters for LocalOutlierFactor (distances); the other three are scale-free.
 * The scale is 1.4826·MAD, or the mean absolute deviation when more than half the rows are equal; at least 1 for
 * rarity (see below).
 */
export function prepareFeatures(columns: ColumnData[]): PreparedFeatures {
  const features: AnomalyFeature[] = [];
  const out: Float64Array[] = [];
  const excluded: { name: string; reason: string }[] = [];
  for (const column of columns) {
    let values: Float64Array;
    let imputed = 0;
    if (column.kind === 'numeric') {
      const present = column.values.filter((v) => Number.isFinite(v));
      if (present.length === 0) {
        excluded.push({ name: column.name, reason: 'it has no values' });
        continue;
      }
      const median = nanMedian(present);
      values = Float64Array.from(column.values, (v) => {
        if (Number.isFinite(v)) return v;
        imputed++;
        return median;
      });
    } else {
      if (column.levels.length > MAX_LEVELS) {
        excluded.push({
          name: column.name,
          reason: `${column.levels.length} categories (more than ${MAX_LEVELS}): an identifier or free text, not a feature`,
        });
        continue;
      }
      const n = column.codes.length;
      const counts = new Float64Array(column.levels.length + 1);
      for (const code of column.codes) counts[code < 0 ? column.levels.length : code]++;
      values = Float64Array.from(column.codes, (code) => {
        if (code < 0) imputed++;
        return -Math.log(counts[code < 0 ? column.levels.length : code] / n);
      });
    }
    const median = nanMedian(values);
    // Rarity is in nats: a floor of 1 (a share e times smaller) keeps near-equal shares (199 vs 200 rows) from
    // looking far apart when most rows sit in a few equally common categories and the MAD is ~0.
    const spread = robustScale(values, median);
    const scale = column.kind === 'numeric' ? spread : Math.max(spread, 1);
    if (scale === 0) {
      excluded.push({ name: column.name, reason: 'it has one value in every row' });
      continue;
    }
    features.push({
      name: column.name,
      encoding: column.kind === 'numeric' ? 'numeric' : 'rarity',
      imputed,
      median,
      scale,
    });
    out.push(values.map((v) => (v - median) / scale));
  }
  return { features, columns: out, excluded };
}

/** 1.4826·MAD; the mean absolute deviation (×1.2533) when the MAD is 0; 0 only for a constant column. */
function robustScale(values: Float64Array, median: number): number {
  const deviations = values.map((v) => Math.abs(v - median));
  const mad = nanMedian(deviations);
  if (mad > 0) return 1.482602218505602 * mad;
  let sum = 0;
  for (const d of deviations) sum += d;
  return (1.2533141373155001 * sum) / Math.max(values.length, 1);
}
