import { type Labels, selectionFolds } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import { prepareTarget, splitRows, takeTarget } from './split';
import { AUTO_CANDIDATES, type FoldInput, type Progress, type TrainInput, type TrainOutput } from './types';

/** Runs one task in the worker pool (the server's JobService and the CLI each provide one). */
export type RunInPool = (
  input: TrainInput | FoldInput,
  options: { signal?: AbortSignal; progress?: Progress },
) => Promise<unknown>;

/**
 * Trains as the studio and the CLI do. With family 'auto', every (candidate family × fold) cell of the
 * cross-validation on the training rows is its own pool task, so the comparison uses every allowed thread;
 * the best mean score wins (ties go to the simpler family), then one more task fits and scores the winner.
 * Columns are put in shared memory first, so the tasks read them without copies.
 */
export async function runTraining(
  run: RunInPool,
  input: TrainInput,
  options: { signal?: AbortSignal; progress: Progress },
): Promise<TrainOutput> {
  const shared: TrainInput = {
    ...input,
    features: input.features.map(toShared),
    target: toShared(input.target),
  };
  if (shared.family !== 'auto') return (await run(shared, options)) as TrainOutput;

  const rows = prepareTarget(shared.target, shared.task);
  const { train } = splitRows(rows, shared);
  const yTrain = takeTarget(rows.y, train, rows.classes);
  const folds = selectionFolds(train.length, yTrain as Labels | Float64Array, shared.task, shared.seed);
  const total = AUTO_CANDIDATES.length * folds.length;
  // One failed cell stops the others: they would only burn the threads.
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  let done = 0;
  options.progress(
    0.02,
    `Comparing ${AUTO_CANDIDATES.join(', ')} on ${folds.length} folds of the training rows`,
  );
  const cells = AUTO_CANDIDATES.flatMap((family) =>
    folds.map(async (fold) => {
      const score = (await run(
        {
          kind: 'fold',
          task: shared.task,
          family,
          seed: shared.seed,
          features: shared.features,
          target: shared.target,
          fitRows: Int32Array.from(fold.train, (k) => train[k]),
          scoreRows: Int32Array.from(fold.test, (k) => train[k]),
        },
        { signal },
      ).catch((err) => {
        stop.abort();
        throw err;
      })) as number;
      done++;
      options.progress(0.02 + (0.68 * done) / total, `Cross-validation: ${done} of ${total} fits done`);
      return { family, score };
    }),
  );
  const results = await Promise.all(cells);
  const familyScores: Record<string, number> = {};
  for (const family of AUTO_CANDIDATES) {
    const scores = results.filter((r) => r.family === family).map((r) => r.score);
    familyScores[family] = scores.reduce((a, b) => a + b, 0) / scores.length;
  }
  const best = AUTO_CANDIDATES.reduce((a, b) => (familyScores[b] > familyScores[a] ? b : a));
  options.progress(0.7, `Chose ${best} by cross-validation`);
  const output = (await run(
    { ...shared, family: best, familyScores },
    { signal: options.signal, progress: (f, message) => options.progress(0.7 + 0.3 * f, message) },
  )) as TrainOutput;
  return { ...output, familyScores };
}

/** A copy of a column in a SharedArrayBuffer: every worker reads the same memory. */
function toShared(column: ColumnData): ColumnData {
  if (column.kind === 'numeric') {
    const values = new Float64Array(new SharedArrayBuffer(column.values.byteLength));
    values.set(column.values);
    return { ...column, values };
  }
  const codes = new Int32Array(new SharedArrayBuffer(column.codes.byteLength));
  codes.set(column.codes);
  return { ...column, codes };
}
