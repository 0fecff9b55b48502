import type { DatasetService } from '../datasets/service';
import { detectTaskFor } from '../datasets/task';
import { runLeaderboard } from '../leaderboard/run-leaderboard';
import type { LeaderboardRow } from '../leaderboard/types';
import { defaultFamilies } from '../modelling/families';
import { prepareModelling } from '../modelling/prepare-modelling';
import type { RunInPool } from '../training/run-training';

/** One leaderboard row as `quarry train --cv K --json` prints it (snake_case, like the rest of that object). */
export interface CliLeaderboardRow {
  model: string;
  rank: number;
  metric: string;
  mean: number | null;
  std: number | null;
  folds: (number | null)[];
  holdout: number | null;
  fit_seconds: number;
  not_better_than_baseline: boolean;
  tied_with_leader: boolean;
  status: 'ok' | 'failed';
}

/**
 * The leaderboard of `quarry train --cv K`: every family that applies, the dummy baseline included, compared by
 * K-fold cross-validation on the same training rows as the trained model (stratified for classification).
 */
export async function cliLeaderboard(
  datasets: DatasetService,
  run: RunInPool,
  options: {
    datasetId: string;
    target: string;
    task: 'auto' | 'classification' | 'regression';
    seed: number;
    testRows: number[] | null;
    k: number;
    quiet: boolean;
  },
): Promise<{ json: CliLeaderboardRow[]; text: string }> {
  const task =
    options.task === 'auto'
      ? (await detectTaskFor(datasets, options.datasetId, options.target)).task
      : options.task;
  const again = await prepareModelling(datasets, {
    datasetId: options.datasetId,
    target: options.target,
    task,
    seed: options.seed,
    testSize: 0.25,
    testRows: options.testRows,
    cv: { strategy: task === 'classification' ? 'stratified' : 'kfold', k: options.k },
  });
  const { rows } = await runLeaderboard(
    run,
    {
      ...again.prepared.input,
      plan: again.plan,
      families: defaultFamilies(task),
      metric: again.metric,
      metrics: again.metrics,
      imbalance: null,
    },
    {
      progress: (fraction, message) => {
        if (!options.quiet) process.stderr.write(`[leaderboard ${Math.round(fraction * 100)}%] ${message}\n`);
      },
    },
  );
  const json = rows.map((r) => toCli(r, again.metric));
  return { json, text: formatBoard(json, again.metric, options.k) };
}

function toCli(r: LeaderboardRow, metric: string): CliLeaderboardRow {
  return {
    model: r.family,
    rank: r.rank,
    metric,
    mean: r.metrics[metric].mean,
    std: r.metrics[metric].std,
    folds: r.metrics[metric].folds,
    holdout: r.holdout[metric] ?? null,
    fit_seconds: r.fitSeconds.mean,
    not_better_than_baseline: r.flags.notBetterThanBaseline,
    tied_with_leader: r.flags.tiedWithLeader,
    status: r.status,
  };
}

function formatBoard(rows: CliLeaderboardRow[], metric: string, k: number): string {
  const f = (v: number | null) => (v === null ? '   —  ' : v.toFixed(4));
  const lines = [
    `Leaderboard (${k}-fold CV on the training rows, ${metric}: mean ± std; * not better than the baseline)`,
  ];
  for (const r of rows) {
    const flag = r.not_better_than_baseline && r.model !== 'dummy' ? ' *' : '';
    lines.push(
      `  ${String(r.rank).padStart(2)}. ${r.model.padEnd(12)} ${f(r.mean)} ± ${f(r.std)}  holdout ${f(r.holdout)}  ${r.fit_seconds.toFixed(2)} s/fold${flag}${r.status === 'failed' ? ' (failed)' : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
