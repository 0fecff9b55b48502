import { setMaxListeners } from 'node:events';
import { type Labels, selectionFolds } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import type { PoolTask } from '../jobs/pool-task';
import { prepareTarget, splitRows, takeTarget } from './split';
import {
  AUTO_CANDIDATES,
  type BlendOutput,
  type FoldOutput,
  type Progress,
  type TrainInput,
  type TrainOutput,
} from './types';

/** Runs one task in the worker pool (the server's JobService and the CLI each provide one). */
export type RunInPool = (
  input: PoolTask,
  options: { signal?: AbortSignal; progress?: Progress },
) => Promise<unknown>;

/** An ensemble must beat the best single family's out-of-fold score by this much to be chosen. */
const ENSEMBLE_MARGIN = 1e-4;

/**
 * Trains as the studio and the CLI do. With family 'auto', every (candidate family × fold) cell of the
 * cross-validation on the training rows is its own pool task, so the comparison uses every allowed thread.
 * Their out-of-fold predictions then weigh a greedy ensemble (blend.ts); the ensemble is chosen when it beats
 * the best single family out of fold, else the best family is. One more task fits and scores the choice.
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
  if (shared.family === 'ensemble') return (await run(shared, options)) as TrainOutput;

  const rows = prepareTarget(shared.target, shared.task);
  const { train } = splitRows(rows, shared);
  const yTrain = takeTarget(rows.y, train, rows.classes);
  let folds: ReturnType<typeof selectionFolds>;
  try {
    folds = selectionFolds(train.length, yTrain as Labels | Float64Array, shared.task, shared.seed);
  } catch (err) {
    // Too few rows per class to cross-validate: a chosen family still trains, just without intervals/sets.
    if (shared.family !== 'auto') return (await run(shared, options)) as TrainOutput;
    throw err;
  }
  // A chosen family is cross-validated too: its out-of-fold predictions calibrate the conformal intervals.
  const candidates = shared.family === 'auto' ? AUTO_CANDIDATES : [shared.family];
  const total = candidates.length * folds.length;
  // One failed cell stops the others: they would only burn the threads.
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  // Every pool task listens to the signal: one per (family × fold) cell, more than Node's default warning limit.
  setMaxListeners(0, signal);
  if (options.signal !== undefined) setMaxListeners(0, options.signal);
  let done = 0;
  options.progress(
    0.02,
    shared.family === 'auto'
      ? `Comparing ${AUTO_CANDIDATES.join(', ')} on ${folds.length} folds of the training rows`
      : `Cross-validating ${shared.family} on ${folds.length} folds (for the prediction intervals)`,
  );
  const cells = candidates.flatMap((family) =>
    folds.map(async (fold, f) => {
      const output = (await run(
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
      })) as FoldOutput;
      done++;
      options.progress(0.02 + (0.6 * done) / total, `Cross-validation: ${done} of ${total} fits done`);
      return { family, fold: f, ...output };
    }),
  );
  const results = await Promise.all(cells);
  const familyScores: Record<string, number> = {};
  for (const family of candidates) {
    const scores = results.filter((r) => r.family === family).map((r) => r.score);
    familyScores[family] = scores.reduce((a, b) => a + b, 0) / scores.length;
  }

  // Out-of-fold predictions over the training rows, per family, in training-row order.
  const nClasses = rows.classes?.length ?? 0;
  const width = Math.max(nClasses, 1);
  const oof = candidates.map((family) => {
    const out = new Float64Array(train.length * width);
    for (const r of results.filter((x) => x.family === family)) {
      const positions = folds[r.fold].test;
      const n = positions.length;
      for (let c = 0; c < width; c++) {
        for (let i = 0; i < n; i++) out[c * train.length + positions[i]] = r.predictions[c * n + i];
      }
    }
    return out;
  });
  if (shared.family !== 'auto') {
    const output = (await run(
      { ...shared, oof: oof[0] },
      { signal: options.signal, progress: (f, message) => options.progress(0.6 + 0.4 * f, message) },
    )) as TrainOutput;
    return output;
  }
  const y = nClasses > 0 ? (yTrain as { codes: Int32Array }).codes : (yTrain as Float64Array);
  const blend = (await run(
    { kind: 'blend', families: [...AUTO_CANDIDATES], oof, y, nClasses },
    { signal },
  )) as BlendOutput;
  const bestSingle = AUTO_CANDIDATES.reduce((a, b) =>
    blend.singleScores[b] > blend.singleScores[a] ? b : a,
  );
  const members = Object.entries(blend.weights).map(([family, weight]) => ({
    family: family as (typeof AUTO_CANDIDATES)[number],
    weight,
  }));
  const useEnsemble =
    members.length > 1 && blend.ensembleScore > blend.singleScores[bestSingle] + ENSEMBLE_MARGIN;
  const choice = useEnsemble
    ? `an ensemble (${members.map((m) => `${m.family} ${Math.round(m.weight * 100)}%`).join(', ')})`
    : bestSingle;
  options.progress(0.65, `Chose ${choice} by cross-validation`);
  const scores = { ...familyScores, ...(useEnsemble ? { ensemble: blend.ensembleScore } : {}) };
  // The chosen model's out-of-fold predictions (they calibrate the conformal intervals): the best family's, or
  // the ensemble's blend of them — cross-fitted, each fold blended with weights chosen without its rows.
  const chosenOof = useEnsemble
    ? await crossFittedBlend(run, { oof, y, nClasses, folds, signal })
    : oof[AUTO_CANDIDATES.indexOf(bestSingle)];
  const output = (await run(
    useEnsemble
      ? { ...shared, family: 'ensemble', members, familyScores: scores, oof: chosenOof }
      : { ...shared, family: bestSingle, familyScores: scores, oof: chosenOof },
    { signal: options.signal, progress: (f, message) => options.progress(0.65 + 0.35 * f, message) },
  )) as TrainOutput;
  return { ...output, familyScores: scores, members: useEnsemble ? members : undefined };
}

/**
 * Out-of-fold predictions of "blend the families", honest for every row: the blend weights that score fold k's
 * rows are chosen (blend.ts) on the other folds' rows only. Blending with weights chosen on all rows would score
 * each row with weights that were fitted to it — residuals too small, intervals too narrow.
 */
async function crossFittedBlend(
  run: RunInPool,
  args: {
    oof: Float64Array[];
    y: Int32Array | Float64Array;
    nClasses: number;
    folds: { test: Int32Array }[];
    signal: AbortSignal;
  },
): Promise<Float64Array> {
  const { oof, y, nClasses, folds, signal } = args;
  const n = y.length;
  const width = Math.max(nClasses, 1);
  const out = new Float64Array(n * width);
  await Promise.all(
    folds.map(async (fold) => {
      const held = new Uint8Array(n);
      for (const p of fold.test) held[p] = 1;
      const rest = Int32Array.from(held.keys()).filter((p) => held[p] === 0);
      const take = (column: Float64Array) => {
        const part = new Float64Array(rest.length * width);
        for (let c = 0; c < width; c++)
          for (let i = 0; i < rest.length; i++) part[c * rest.length + i] = column[c * n + rest[i]];
        return part;
      };
      const yRest =
        y instanceof Int32Array ? Int32Array.from(rest, (p) => y[p]) : Float64Array.from(rest, (p) => y[p]);
      const weights = (
        (await run(
          { kind: 'blend', families: [...AUTO_CANDIDATES], oof: oof.map(take), y: yRest, nClasses },
          { signal },
        )) as BlendOutput
      ).weights;
      for (const [family, weight] of Object.entries(weights)) {
        const column = oof[AUTO_CANDIDATES.indexOf(family as (typeof AUTO_CANDIDATES)[number])];
        for (let c = 0; c < width; c++)
          for (const p of fold.test) out[c * n + p] += weight * column[c * n + p];
      }
    }),
  );
  return out;
}

/** A copy of a column in a SharedArrayBuffer: every worker reads the same memory. */
export function toShared(column: ColumnData): ColumnData {
  if (column.kind === 'numeric') {
    const values = new Float64Array(new SharedArrayBuffer(column.values.byteLength));
    values.set(column.values);
    return { ...column, values };
  }
  const codes = new Int32Array(new SharedArrayBuffer(column.codes.byteLength));
  codes.set(column.codes);
  return { ...column, codes };
}
