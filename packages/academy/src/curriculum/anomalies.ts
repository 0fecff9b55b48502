import {
  AnomalyEnsemble,
  averagePrecisionScore,
  type BaseDetector,
  DETECTOR_NAMES,
  type DetectorParams,
  Matrix,
  Rng,
  StandardScaler,
} from '@quarry/ml';
import { columnOf, median, numericColumn } from '../labs/measures';
import { DETECTOR_LABELS, DETECTORS, type DetectorKey } from './constants';
import { labData, memo } from './lab-data';

export { DETECTOR_LABELS, DETECTORS, type DetectorKey };

export const ANOMALY_FEATURES = [
  'log amount',
  'hours from 2 pm',
  'abroad',
  'log device age',
  'log seconds since last',
];

const SAMPLE = 1500;
let fitted: { y: Int32Array; scores: Record<DetectorKey, Float64Array>; X: Matrix } | undefined;

/**
 * Every fraud case of the payment lab and enough ordinary payments to make 1 500 (fraud is enriched from 0.5%
 * to about 7% so there are enough to see), as the five features a learner derives from the raw columns,
 * standardised so no feature dominates the distances. One `AnomalyEnsemble` is fitted; its four fitted members
 * give the single detectors' scores, so each detector is fitted once. `scores` are "higher = more anomalous".
 */
function fittedDetectors() {
  if (fitted) return fitted;
  const ds = labData('payment-fraud');
  const isFraud = columnOf(ds, 'is_fraud').map((v) => v === true);
  const fraudRows = Array.from(isFraud.keys()).filter((i) => isFraud[i]);
  const normalRows = Array.from(isFraud.keys()).filter((i) => !isFraud[i]);
  const perm = new Rng(11).permutation(normalRows.length);
  const rows = Int32Array.from([
    ...fraudRows,
    ...Array.from(perm.slice(0, SAMPLE - fraudRows.length), (k) => normalRows[k]),
  ]).sort();
  const device = numericColumn(ds, 'device_age_days');
  const deviceMedian = median(device.filter((v) => !Number.isNaN(v)));
  const gap = numericColumn(ds, 'seconds_since_prev_txn');
  const amount = numericColumn(ds, 'amount_usd');
  const raw = Matrix.fromColumns([
    Float64Array.from(rows, (i) => Math.log1p(amount[i])),
    Float64Array.from(rows, (i) => Math.abs(Number(String(ds.rows[i].timestamp).slice(11, 13)) - 14)),
    Float64Array.from(rows, (i) => (ds.rows[i].country === ds.rows[i].card_country ? 0 : 1)),
    Float64Array.from(rows, (i) => Math.log1p(Number.isNaN(device[i]) ? deviceMedian : device[i])),
    Float64Array.from(rows, (i) => Math.log1p(Number.isNaN(gap[i]) ? 1e7 : gap[i])),
  ]);
  const X = new StandardScaler().fit(raw).transform(raw) as Matrix;
  const ensemble = new AnomalyEnsemble({ contamination: 0.05, nEstimators: 50, randomState: 0 }).fit(X);
  const members = ensemble.members_ as unknown as BaseDetector<DetectorParams>[];
  const scores = { ensemble: ensemble.scoreSamples(X).map((v) => -v) } as Record<DetectorKey, Float64Array>;
  DETECTOR_NAMES.forEach((name, k) => {
    scores[name] = members[k].scoreSamples(X).map((v) => -v);
  });
  fitted = { y: Int32Array.from(rows, (i) => (isFraud[i] ? 1 : 0)), X, scores };
  return fitted;
}

export interface DetectorResult {
  detector: DetectorKey;
  flagged: number;
  /** Of the flagged payments, the share that are fraud. */
  precision: number;
  /** Of the fraud cases, the share flagged. */
  recall: number;
  /** Average precision of the detector's whole ranking (does not depend on the contamination). */
  averagePrecision: number;
}

export interface AnomalyResult {
  contamination: number;
  rows: number;
  frauds: number;
  detectors: DetectorResult[];
  /** Fraud cases flagged by at least one single detector, and by all four. */
  caughtByAny: number;
  caughtByAll: number;
}

/**
 * 1 for the rows scoring at or above the (1 − share) quantile, as a detector with contamination = share flags
 * them; rows tied at the cut are all flagged, so a coarse score (the robust z of a 0/1 feature) flags more.
 */
function topShare(scores: Float64Array, share: number): Uint8Array {
  const sorted = Float64Array.from(scores).sort();
  const cut = sorted[scores.length - Math.max(1, Math.round(scores.length * share))];
  return Uint8Array.from(scores, (s) => (s >= cut ? 1 : 0));
}

/**
 * The anomaly-detection lesson: with contamination c each detector flags the c most anomalous payments by its
 * own score (what the detectors' `contamination` parameter does), and the flags are compared with the confirmed
 * fraud. The detectors see different kinds of strange, so they flag different payments; the ensemble's vote
 * (the max of their normalised ranks) keeps what any of them finds.
 */
export const anomalyFlags = (contamination: number): AnomalyResult => anomalyMemo(String(contamination));

const anomalyMemo = memo((key) => {
  const contamination = Math.min(0.2, Math.max(0.005, Number(key)));
  const { y, scores } = fittedDetectors();
  const frauds = y.reduce((a, b) => a + b, 0);
  const flags = Object.fromEntries(DETECTORS.map((d) => [d, topShare(scores[d], contamination)])) as Record<
    DetectorKey,
    Uint8Array
  >;
  const detectors = DETECTORS.map((detector) => {
    let flagged = 0;
    let hit = 0;
    flags[detector].forEach((f, i) => {
      flagged += f;
      hit += f & y[i];
    });
    return {
      detector,
      flagged,
      precision: flagged === 0 ? 0 : hit / flagged,
      recall: hit / frauds,
      averagePrecision: averagePrecisionScore(y, scores[detector]),
    };
  });
  const singles = DETECTORS.filter((d) => d !== 'ensemble');
  let caughtByAny = 0;
  let caughtByAll = 0;
  y.forEach((v, i) => {
    if (v !== 1) return;
    const votes = singles.filter((d) => flags[d][i] === 1).length;
    caughtByAny += votes > 0 ? 1 : 0;
    caughtByAll += votes === singles.length ? 1 : 0;
  });
  return { contamination, rows: y.length, frauds, detectors, caughtByAny, caughtByAll };
});
