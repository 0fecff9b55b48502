import { availableParallelism } from 'node:os';
import { type Candidate, rankScores } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import { metricStats } from '../leaderboard/summarize';
import type { CvPlan } from '../modelling/cv-plan';
import type { LeaderboardFamily } from '../modelling/families';
import type { ResampleStrategy } from '../modelling/resample';
import { runCells } from '../modelling/run-cells';
import type { CellInput } from '../modelling/types';
import { type RunInPool, toShared } from '../training/run-training';
import type { Progress, Task } from '../training/types';

export interface TuningTrial {
  trial: number;
  params: Record<string, unknown>;
  status: 'ok' | 'failed';
  error: string | null;
  mean: number | null;
  std: number | null;
  folds: (number | null)[];
  rank: number;
  fitSeconds: number;
}

export interface TuningInput {
  task: Task;
  features: ColumnData[];
  target: ColumnData;
  plan: CvPlan;
  family: LeaderboardFamily;
  /** Parameters every trial shares (class weights), under the candidate's. */
  base: Record<string, unknown>;
  candidates: Candidate[];
  metric: string;
  seed: number;
  resample: ResampleStrategy;
  /** Minutes after which no new trial starts (trials already started finish). */
  minutes: number | null;
}

/**
 * A hyperparameter search on the training rows: every (trial × fold) cell is a pool task, so trials run in
 * parallel on every thread. With a time budget, a trial starts only before the deadline; started trials always
 * finish all their folds, so every reported mean covers the same folds.
 */
export async function runTuning(
  run: RunInPool,
  input: TuningInput,
  options: { signal?: AbortSignal; progress: Progress },
): Promise<{ trials: TuningTrial[]; timedOut: boolean }> {
  const { plan, candidates } = input;
  const k = plan.folds.length;
  const features = input.features.map(toShared);
  const target = toShared(input.target);
  const cells: CellInput[] = candidates.flatMap((candidate) =>
    plan.folds.map((fold) => ({
      kind: 'cell' as const,
      task: input.task,
      family: input.family,
      params: { ...input.base, ...candidate },
      seed: input.seed,
      features,
      target,
      fitRows: Int32Array.from(fold.train, (p) => plan.train[p]),
      scoreRows: Int32Array.from(fold.test, (p) => plan.train[p]),
      scoring: [input.metric],
      resample: input.resample,
      returnPredictions: false,
    })),
  );
  const deadline = input.minutes === null ? Number.POSITIVE_INFINITY : Date.now() + input.minutes * 60_000;
  const started = new Set<number>();
  let timedOut = false;
  let done = 0;
  options.progress(0.02, `Searching ${candidates.length} settings on ${k} folds of the training rows`);
  const outputs = await runCells(run, cells, {
    signal: options.signal,
    concurrency: availableParallelism() * 2,
    shouldStart: (index) => {
      const trial = Math.floor(index / k);
      if (started.has(trial)) return true;
      if (Date.now() >= deadline) {
        timedOut = true;
        return false;
      }
      started.add(trial);
      return true;
    },
    onDone: () => {
      done++;
      options.progress(
        0.02 + (0.96 * done) / cells.length,
        `${Math.floor(done / k)} of ${candidates.length} trials done`,
      );
    },
  });
  const trials: TuningTrial[] = [];
  candidates.forEach((params, t) => {
    if (!started.has(t)) return;
    const folds = outputs.slice(t * k, (t + 1) * k);
    const scores = folds.map((o) => o?.scores[input.metric] ?? Number.NaN);
    const stats = metricStats(scores);
    const failed = folds.find((o) => o?.error);
    trials.push({
      trial: t,
      params,
      status: stats.mean === null ? 'failed' : 'ok',
      error: failed?.error ?? null,
      mean: stats.mean,
      std: stats.std,
      folds: stats.folds,
      rank: 0,
      fitSeconds: folds.reduce((s, o) => s + (o?.fitSeconds ?? 0), 0),
    });
  });
  const ranks = rankScores(trials.map((t) => t.mean ?? Number.NaN));
  trials.forEach((t, i) => {
    t.rank = ranks[i];
  });
  return { trials, timedOut };
}
