import { aggregateFolds, brierScoreLoss, calibrationCurve, type FoldResult, rankScores } from '@quarry/ml';
import { type PairedTest, pairedTest } from '../modelling/paired-test';
import { type ThresholdTuning, thresholdCounts, tuneThreshold } from '../modelling/threshold';
import type { FamilyCells, LeaderboardInput } from './run-leaderboard';
import type { LeaderboardRow, MetricStats } from './types';

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Mean and standard deviation (ddof 0, as NumPy and PyCaret report it) over the folds that have a score. */
export function metricStats(folds: ArrayLike<number>): MetricStats {
  const values = Array.from(folds);
  const present = values.filter(Number.isFinite);
  if (present.length === 0) return { mean: null, std: null, folds: values.map(finiteOrNull) };
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const std = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length);
  return { mean, std, folds: values.map(finiteOrNull) };
}

/** The cells' outputs as the ML library's fold results, so `aggregateFolds` gathers them as `crossValidate` does. */
const asFoldResult = (c: FamilyCells['folds'][number]): FoldResult => ({
  testScores: c.scores,
  trainScores: null,
  fitTime: c.fitSeconds,
  scoreTime: 0,
  estimator: null,
  error: c.error === null ? null : { code: null, message: c.error },
});

/** Rows of the leaderboard from the cells: statistics, holdout scores, paired tests, threshold and calibration. */
export function summarizeLeaderboard(
  perFamily: FamilyCells[],
  input: LeaderboardInput,
): { rows: LeaderboardRow[]; leader: LeaderboardRow['family'] } {
  const { plan, metric } = input;
  const rows: LeaderboardRow[] = perFamily.map((cells) => {
    const fitTimes = cells.folds.map((c) => c.fitSeconds);
    const total = fitTimes.reduce((a, b) => a + b, 0);
    const row: LeaderboardRow = {
      family: cells.family,
      rank: 0,
      status: 'ok',
      error: null,
      params: cells.params,
      metrics: {},
      holdout: Object.fromEntries(
        Object.entries(cells.holdout.scores).map(([name, v]) => [name, finiteOrNull(v)]),
      ),
      fitSeconds: { mean: total / fitTimes.length, total },
      vsBaseline: null,
      vsLeader: null,
      flags: {
        isBaseline: cells.family === 'dummy',
        isLeader: false,
        notBetterThanBaseline: false,
        tiedWithLeader: false,
      },
      notes: [...cells.notes],
      threshold: null,
      calibration: null,
    };
    try {
      const aggregated = aggregateFolds(cells.folds.map(asFoldResult), plan.folds);
      for (const name of input.metrics) row.metrics[name] = metricStats(aggregated.testScores[name]);
      const failed = cells.folds.filter((c) => c.error !== null);
      if (failed.length > 0)
        row.notes.push(`${failed.length} of ${cells.folds.length} folds failed: ${failed[0].error}`);
      if (row.metrics[metric].mean === null) throw new Error(failed[0]?.error ?? 'no fold could be scored');
    } catch (err) {
      row.status = 'failed';
      row.error = (err as Error).message;
      for (const name of input.metrics) row.metrics[name] ??= metricStats(cells.folds.map(() => Number.NaN));
    }
    if (row.status === 'ok' && plan.rows.classes?.length === 2) Object.assign(row, outOfFold(cells, input));
    return row;
  });

  const means = rows.map((r) => (r.status === 'ok' ? (r.metrics[metric].mean as number) : Number.NaN));
  const ranks = rankScores(means);
  rows.forEach((r, i) => {
    r.rank = ranks[i];
  });
  const ok = rows.filter((r) => r.status === 'ok');
  const leader = ok.reduce<LeaderboardRow | null>(
    (best, r) =>
      best === null || (r.metrics[metric].mean as number) > (best.metrics[metric].mean as number) ? r : best,
    null,
  );
  const baseline = ok.find((r) => r.family === 'dummy') ?? null;
  const ratios = plan.folds.map((f) => f.test.length / f.train.length);
  const ratio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  const folds = (r: LeaderboardRow) => r.metrics[metric].folds;
  for (const r of rows) {
    if (r.status !== 'ok') {
      r.flags.notBetterThanBaseline = !r.flags.isBaseline;
      continue;
    }
    if (baseline !== null && r !== baseline) {
      r.vsBaseline = pairedTest(folds(r), folds(baseline), ratio, baseline.family);
      r.flags.notBetterThanBaseline = !r.vsBaseline.better;
    }
    if (leader !== null && r !== leader) {
      // The leader tested against this row: not significantly better means the two are statistically tied.
      r.vsLeader = pairedTest(folds(leader), folds(r), ratio, leader.family) satisfies PairedTest;
      r.flags.tiedWithLeader = !r.vsLeader.better;
    }
  }
  if (leader !== null) leader.flags.isLeader = true;
  rows.sort((a, b) => a.rank - b.rank || input.families.indexOf(a.family) - input.families.indexOf(b.family));
  return { rows, leader: (leader ?? rows[0]).family };
}

/**
 * Out-of-fold probabilities of the positive class over the training rows (each row scored by the fold that held
 * it out; rows no fold validates, such as the first block of a time split, are left out): the decision-threshold
 * curve and the reliability curve come from them, never from the holdout.
 */
function outOfFold(
  cells: FamilyCells,
  input: LeaderboardInput,
): { threshold: ThresholdTuning | null; calibration: LeaderboardRow['calibration'] } {
  const { plan } = input;
  const codes = plan.rows.y as Int32Array;
  const truth: number[] = [];
  const proba: number[] = [];
  cells.folds.forEach((c, f) => {
    if (c.predictions === null) return;
    const positions = plan.folds[f].test;
    const n = positions.length;
    for (let i = 0; i < n; i++) {
      truth.push(codes[plan.train[positions[i]]] === 1 ? 1 : 0);
      proba.push(c.predictions[n + i]);
    }
  });
  if (truth.length === 0) return { threshold: null, calibration: null };
  const yTrue = Int32Array.from(truth);
  const yProb = Float64Array.from(proba);
  const positiveClass = (plan.rows.classes as string[])[1];
  const goal = input.imbalance?.threshold ?? { metric: 'f1' as const };
  const threshold = tuneThreshold(thresholdCounts(Uint8Array.from(truth), yProb), goal, positiveClass);
  let calibration: LeaderboardRow['calibration'] = null;
  try {
    const curve = calibrationCurve(yTrue, yProb, { nBins: 10 });
    calibration = {
      brier: brierScoreLoss(yTrue, yProb, { posLabel: 1 }),
      probPred: Array.from(curve.probPred),
      probTrue: Array.from(curve.probTrue),
    };
  } catch {
    // One class only among the out-of-fold rows: no reliability curve to draw.
  }
  return { threshold, calibration };
}
