import type { ColumnData } from '../datasets/service';
import type { JsonValue } from '../serving/encode-rows';
import { binCounts, chiSquareTest, ksTest, psi, quantileEdges } from './drift-stats';
import type { DriftThresholds } from './settings';

export type DriftStatus = 'drift' | 'watch' | 'ok' | 'too_few_rows';

/** One feature's drift verdict; `score` ≥ 1 means a threshold is crossed (the ranking key). */
export interface FeatureDrift {
  feature: string;
  kind: 'numeric' | 'categorical';
  status: DriftStatus;
  score: number;
  psi: number;
  ks?: { statistic: number; pValue: number };
  chiSquare?: { statistic: number; df: number; pValue: number; cramersV: number };
  nReference: number;
  nCurrent: number;
  /** What changed, in words (the biggest mover for a category). */
  reason: string;
}

/**
 * Compares the logged values of each feature with the training reference and ranks the features, most drifted
 * first. Numeric: PSI over the reference's deciles (plus a missing bin) and KS. Categorical: PSI and chi-square
 * over the categories (training levels, then unseen ones, then missing).
 */
export function featureDrift(
  reference: ColumnData[],
  current: Map<string, JsonValue[]>,
  thresholds: DriftThresholds,
): FeatureDrift[] {
  const out = reference.map((ref) => {
    const values = current.get(ref.name) ?? [];
    if (ref.kind === 'categorical' && ref.text === true) {
      // Free text: every document is new, so categories say nothing; its length in words is what can drift.
      const words = (v: string | null) =>
        v === null || v.trim() === '' ? Number.NaN : v.trim().split(/\s+/u).length;
      const drift = numericDrift(
        ref.name,
        Float64Array.from(ref.codes, (c) => words(c < 0 ? null : ref.levels[c])),
        values.map((v) => (v === null || v === undefined ? null : words(String(v)))),
        thresholds,
      );
      return { ...drift, reason: `words per document: ${drift.reason}` };
    }
    return ref.kind === 'numeric'
      ? numericDrift(ref.name, ref.values, values, thresholds)
      : categoricalDrift(ref.name, ref.codes, ref.levels, values, thresholds);
  });
  return out.sort((a, b) => b.score - a.score || a.feature.localeCompare(b.feature));
}

function verdict(score: number, nCurrent: number, t: DriftThresholds): DriftStatus {
  if (nCurrent < t.minRows) return 'too_few_rows';
  return score >= 1 ? 'drift' : score >= 0.5 ? 'watch' : 'ok';
}

function numericDrift(name: string, ref: Float64Array, raw: JsonValue[], t: DriftThresholds): FeatureDrift {
  const cur = Float64Array.from(raw, (v) => (v === null || v === '' ? Number.NaN : Number(v)));
  const refSorted = ref.filter((v) => !Number.isNaN(v)).sort();
  const curSorted = cur.filter((v) => !Number.isNaN(v)).sort();
  const edges = quantileEdges(refSorted);
  const p = psi(binCounts(ref, edges), binCounts(cur, edges));
  const ks = ksTest(refSorted, curSorted);
  const score = Math.max(p / t.psi, ks.pValue < t.pValue ? ks.statistic / t.ks : 0);
  const [m0, m1] = [mean(refSorted), mean(curSorted)];
  // A change in missingness is told as such: the means of the values present may not have moved at all.
  const missing0 = 1 - refSorted.length / Math.max(ref.length, 1);
  const missing1 = 1 - curSorted.length / Math.max(cur.length, 1);
  const missingNote =
    Math.abs(missing1 - missing0) >= 0.05
      ? `${pct(missing1)} missing now, ${pct(missing0)} in training; `
      : '';
  return {
    feature: name,
    kind: 'numeric',
    status: verdict(score, cur.length, t),
    score: cur.length < t.minRows ? 0 : score,
    psi: p,
    ks,
    nReference: ref.length,
    nCurrent: cur.length,
    reason: `${missingNote}mean ${fmt(m0)} in training, ${fmt(m1)} now (PSI ${p.toFixed(3)}, KS ${ks.statistic.toFixed(3)})`,
  };
}

function categoricalDrift(
  name: string,
  codes: Int32Array,
  levels: string[],
  raw: JsonValue[],
  t: DriftThresholds,
): FeatureDrift {
  const all = [...levels];
  const index = new Map(all.map((l, i) => [l, i]));
  const curCodes = raw.map((v) => {
    if (v === null || v === '') return -1;
    const s = String(v).trim();
    let code = index.get(s);
    if (code === undefined) {
      code = all.length;
      all.push(s);
      index.set(s, code);
    }
    return code;
  });
  const count = (cs: Iterable<number>) => {
    const counts = new Array<number>(all.length + 1).fill(0);
    for (const c of cs) counts[c < 0 ? all.length : c]++;
    return counts;
  };
  const r = count(codes);
  const c = count(curCodes);
  const p = psi(r, c);
  const chi = chiSquareTest(r, c);
  const score = Math.max(p / t.psi, chi.pValue < t.pValue ? chi.cramersV / t.cramersV : 0);
  const labels = [...all, '(missing)'];
  const share = (counts: number[], i: number, total: number) => (total === 0 ? 0 : counts[i] / total);
  let top = 0;
  let topGap = -1;
  for (let i = 0; i < labels.length; i++) {
    const gap = Math.abs(share(c, i, curCodes.length) - share(r, i, codes.length));
    if (gap > topGap) [top, topGap] = [i, gap];
  }
  return {
    feature: name,
    kind: 'categorical',
    status: verdict(score, curCodes.length, t),
    score: curCodes.length < t.minRows ? 0 : score,
    psi: p,
    chiSquare: chi,
    nReference: codes.length,
    nCurrent: curCodes.length,
    reason: `'${labels[top]}' is ${pct(share(r, top, codes.length))} of training rows, ${pct(share(c, top, curCodes.length))} now (PSI ${p.toFixed(3)}, Cramér's V ${chi.cramersV.toFixed(3)})`,
  };
}

function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length === 0 ? Number.NaN : s / xs.length;
}
const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : '–');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
