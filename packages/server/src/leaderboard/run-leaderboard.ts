import type { ColumnData } from '../datasets/service';
import type { CvPlan } from '../modelling/cv-plan';
import { familyParams, type LeaderboardFamily } from '../modelling/families';
import type { Imbalance } from '../modelling/imbalance';
import { runCells } from '../modelling/run-cells';
import type { CellInput, CellOutput } from '../modelling/types';
import { type RunInPool, toShared } from '../training/run-training';
import type { Progress, Task } from '../training/types';
import { summarizeLeaderboard } from './summarize';
import type { LeaderboardRow } from './types';

export interface LeaderboardInput {
  task: Task;
  features: ColumnData[];
  target: ColumnData;
  plan: CvPlan;
  families: LeaderboardFamily[];
  metric: string;
  metrics: string[];
  seed: number;
  imbalance: Imbalance | null;
}

/** What each family's cells came back with: k fold cells, then the holdout cell. */
export interface FamilyCells {
  family: LeaderboardFamily;
  params: Record<string, unknown>;
  notes: string[];
  folds: CellOutput[];
  holdout: CellOutput;
}

/**
 * Compares model families as a careful data scientist would: k-fold CV on the training rows only, every
 * (family × fold) cell its own pool task (so all threads work), then each family refitted on all training rows
 * and scored once on the holdout, which took no part in any choice. Resampling and class weights apply inside
 * every fit; validation and holdout rows are scored as they are.
 */
export async function runLeaderboard(
  run: RunInPool,
  input: LeaderboardInput,
  options: { signal?: AbortSignal; progress: Progress },
): Promise<{ rows: LeaderboardRow[]; leader: LeaderboardFamily }> {
  const { plan, task, seed } = input;
  const features = input.features.map(toShared);
  const target = toShared(input.target);
  const binary = plan.rows.classes?.length === 2;
  const k = plan.folds.length;
  const setup = input.families.map((family) => ({
    family,
    ...familyParams(family, input.imbalance?.classWeight),
  }));
  const cell = (
    family: LeaderboardFamily,
    params: Record<string, unknown>,
    fitRows: Int32Array,
    scoreRows: Int32Array,
    returnPredictions: boolean,
  ): CellInput => ({
    kind: 'cell',
    task,
    family,
    params,
    seed,
    features,
    target,
    fitRows,
    scoreRows,
    scoring: input.metrics,
    resample: input.imbalance?.resample ?? 'none',
    returnPredictions,
  });
  const cells = setup.flatMap(({ family, params }) => [
    ...plan.folds.map((fold) =>
      cell(
        family,
        params,
        Int32Array.from(fold.train, (p) => plan.train[p]),
        Int32Array.from(fold.test, (p) => plan.train[p]),
        binary,
      ),
    ),
    cell(family, params, plan.train, plan.test, false),
  ]);
  let done = 0;
  options.progress(
    0.02,
    `Cross-validating ${input.families.length} families on ${k} folds of the training rows`,
  );
  const outputs = await runCells(run, cells, {
    signal: options.signal,
    onDone: () => {
      done++;
      options.progress(0.02 + (0.95 * done) / cells.length, `${done} of ${cells.length} fits done`);
    },
  });
  const perFamily: FamilyCells[] = setup.map((s, f) => ({
    ...s,
    folds: outputs.slice(f * (k + 1), f * (k + 1) + k) as CellOutput[],
    holdout: outputs[f * (k + 1) + k] as CellOutput,
  }));
  return summarizeLeaderboard(perFamily, input);
}
