import { AnomalyEnsemble, DETECTOR_NAMES, Frame, Rng } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import type { Progress } from '../training/types';
import { type AnomalyFeature, prepareFeatures } from './features';

/** The pool task: detect anomalies in a data set's columns (run-task.ts dispatches on `kind`). */
export interface DetectInput {
  kind: 'anomalies';
  columns: ColumnData[];
  contamination: number;
  seed: number;
}

/** Above this many rows a seeded sample is analysed: LocalOutlierFactor's neighbour search grows with n². */
export const MAX_ANALYSED_ROWS = 20_000;
/** How many of the most anomalous rows come back with their reasons and values. */
export const TOP_ROWS = 500;

export interface AnomalyRow {
  /** 0-based row number in the data set. */
  row: number;
  /** Ensemble score in [0, 1]: the highest of the detectors' normalised ranks (decision 29); higher = more anomalous. */
  score: number;
  /** Share of the four detectors that flag the row at the chosen contamination. */
  agreement: number;
  flaggedBy: string[];
  ranks: Record<string, number>;
  /** Top contributing features: share of the row's unusualness, signed robust z, the raw value. */
  reasons: { feature: string; contribution: number; robustZ: number; value: string | number | null }[];
  values: Record<string, string | number | null>;
}

export interface DetectOutput {
  nRows: number;
  nAnalysed: number;
  features: AnomalyFeature[];
  excluded: { name: string; reason: string }[];
  /** The ensemble's cut at the chosen contamination: rows scoring above it are flagged. */
  threshold: number;
  /** Score quantiles at 0, 0.5, …, 100% of the analysed rows (201 points), for the threshold slider. */
  quantiles: number[];
  /** Score histogram over [0, 1] in 40 bins. */
  histogram: number[];
  detectors: { name: string; flagged: number }[];
  rows: AnomalyRow[];
}

/**
 * Fits the four-detector vote (the ML library's AnomalyEnsemble) on the encoded columns and explains every
 * analysed row in sample, then keeps the TOP_ROWS highest-scoring ones with their reasons and raw values.
 */
export function detectAnomalies(input: DetectInput, progress: Progress): DetectOutput {
  const nRows = input.columns.length === 0 ? 0 : length(input.columns[0]);
  const analysed =
    nRows <= MAX_ANALYSED_ROWS
      ? Int32Array.from({ length: nRows }, (_, i) => i)
      : new Rng(input.seed).permutation(nRows).slice(0, MAX_ANALYSED_ROWS).sort();
  const sampled = input.columns.map((c) => take(c, analysed));
  const prepared = prepareFeatures(sampled);
  if (prepared.features.length === 0) {
    throw Object.assign(
      new Error('No usable column: pick numeric or categorical columns with more than one value.'),
      {
        code: 'NO_ANOMALY_FEATURES',
      },
    );
  }
  const frame = new Frame(
    prepared.features.map((f, j) => ({
      name: f.name,
      kind: 'numeric' as const,
      values: prepared.columns[j],
    })),
  );
  progress(0.05, `Fitting four detectors on ${analysed.length} rows`);
  const ensemble = new AnomalyEnsemble({ contamination: input.contamination, randomState: input.seed });
  ensemble.fit(frame, undefined, {
    onProgress: (f: number, message?: string) => progress(0.05 + 0.8 * f, message ?? 'Fitting detectors'),
  });
  progress(0.9, 'Explaining the most anomalous rows');
  const explained = ensemble.explain(frame, { inSample: true });
  const scores = Float64Array.from(explained, (e) => e.score);
  const order = Int32Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  const byName = new Map(input.columns.map((c) => [c.name, c]));
  const rawValue = (name: string, row: number) => {
    const column = byName.get(name) as ColumnData;
    if (column.kind === 'numeric') return Number.isFinite(column.values[row]) ? column.values[row] : null;
    const code = column.codes[row];
    return code < 0 ? null : column.levels[code];
  };
  const rows: AnomalyRow[] = Array.from(order.slice(0, TOP_ROWS), (i) => {
    const e = explained[i];
    const row = analysed[i];
    return {
      row,
      score: e.score,
      agreement: e.agreement,
      flaggedBy: e.flaggedBy,
      ranks: e.ranks,
      reasons: e.reasons.map((r) => ({
        feature: r.name,
        contribution: r.contribution,
        robustZ: r.robustZ,
        value: rawValue(r.name, row),
      })),
      values: Object.fromEntries(input.columns.map((c) => [c.name, rawValue(c.name, row)])),
    };
  });
  const sorted = Float64Array.from(scores).sort();
  const histogram = new Array(40).fill(0);
  for (const s of scores) histogram[Math.min(39, Math.floor(s * 40))]++;
  return {
    nRows,
    nAnalysed: analysed.length,
    features: prepared.features,
    excluded: prepared.excluded,
    threshold: -ensemble.offset_,
    quantiles: Array.from(
      { length: 201 },
      (_, k) => sorted[Math.min(sorted.length - 1, Math.floor((k / 200) * sorted.length))],
    ),
    histogram,
    detectors: DETECTOR_NAMES.map((name) => ({
      name,
      flagged: explained.reduce((n, e) => n + (e.flaggedBy.includes(name) ? 1 : 0), 0),
    })),
    rows,
  };
}

const length = (c: ColumnData) => (c.kind === 'numeric' ? c.values.length : c.codes.length);

function take(c: ColumnData, rows: Int32Array): ColumnData {
  return c.kind === 'numeric'
    ? { ...c, values: Float64Array.from(rows, (i) => c.values[i]) }
    : { ...c, codes: Int32Array.from(rows, (i) => c.codes[i]) };
}
