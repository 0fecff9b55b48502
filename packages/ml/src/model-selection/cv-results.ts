import { pairwiseSum } from '../core/pairwise-sum';
import type { Candidate } from './parameter-grid';
import type { FoldResult } from './run-fold';

/** One scorer's results over the candidates, index c = candidate c. */
export interface ScorerResults {
  meanTestScore: number[];
  stdTestScore: number[];
  /** 1 = best; ties share the lowest rank; failed (NaN) candidates rank last. */
  rankTestScore: number[];
  /** [candidate][split] */
  splitTestScores: number[][];
  meanTrainScore: number[] | null;
  stdTrainScore: number[] | null;
  splitTrainScores: number[][] | null;
}

/**
 * A search's results, column-wise like scikit-learn's `cv_results_` (plain JSON): `params[c]` is candidate c. The
 * top-level score fields repeat `scores[primary]` (the refit metric, else the first) for the common one-metric
 * case; `scores` has every scorer.
 */
export interface CvResults extends ScorerResults {
  params: Candidate[];
  meanFitTime: number[];
  stdFitTime: number[];
  meanScoreTime: number[];
  stdScoreTime: number[];
  /** [candidate][split], seconds. */
  splitFitTime: number[][];
  primary: string;
  scores: Record<string, ScorerResults>;
}

/** Mean and population std of each row, summed as NumPy's `np.average` / `np.std` do. */
function meanStd(rows: number[][]): { mean: number[]; std: number[] } {
  const mean = rows.map((row) => pairwiseSum(row) / row.length);
  const std = rows.map((row, c) => Math.sqrt(pairwiseSum(row.map((v) => (v - mean[c]) ** 2)) / row.length));
  return { mean, std };
}

/** scipy's `rankdata(-means, method='min')` with NaN ranked below everything, as scikit-learn ranks candidates. */
export function rankScores(means: readonly number[]): number[] {
  const finite = means.filter((m) => !Number.isNaN(m));
  if (finite.length === 0) return means.map(() => 1);
  const floor = Math.min(...finite) - 1;
  const filled = means.map((m) => (Number.isNaN(m) ? floor : m));
  return filled.map((m) => 1 + filled.filter((other) => other > m).length);
}

function scorerResults(results: FoldResult[][], name: string): ScorerResults {
  const test = results.map((splits) => splits.map((r) => r.testScores[name]));
  const { mean, std } = meanStd(test);
  const withTrain = results.every((splits) => splits.every((r) => r.trainScores !== null));
  const train = withTrain ? results.map((splits) => splits.map((r) => r.trainScores![name])) : null;
  const trainStats = train ? meanStd(train) : null;
  return {
    meanTestScore: mean,
    stdTestScore: std,
    rankTestScore: rankScores(mean),
    splitTestScores: test,
    meanTrainScore: trainStats?.mean ?? null,
    stdTrainScore: trainStats?.std ?? null,
    splitTrainScores: train,
  };
}

/**
 * Summarises fold results `results[candidate][split]` (from `runFold`, here or in worker threads) into
 * `CvResults`, with scikit-learn's means, standard deviations and ranks.
 */
export function buildCvResults(candidates: Candidate[], results: FoldResult[][], primary: string): CvResults {
  const names = Object.keys(results[0]?.[0]?.testScores ?? {});
  const scores = Object.fromEntries(names.map((name) => [name, scorerResults(results, name)]));
  const fit = meanStd(results.map((splits) => splits.map((r) => r.fitTime)));
  const score = meanStd(results.map((splits) => splits.map((r) => r.scoreTime)));
  return {
    params: candidates,
    meanFitTime: fit.mean,
    stdFitTime: fit.std,
    meanScoreTime: score.mean,
    stdScoreTime: score.std,
    splitFitTime: results.map((splits) => splits.map((r) => r.fitTime)),
    primary,
    scores,
    ...scores[primary],
  };
}
