import { type FitOptions, throwIfAborted } from '../../core/fit-options';
import type { Matrix } from '../../core/matrix';
import type { ParallelTeam } from '../../core/parallel';
import { Rng } from '../../core/rng';
import { type Lease, workingMemory } from '../../core/working-memory';
import { trainTestSplit } from '../../model-selection/train-test-split';
import { type BinMapper, binMatrix, fitAndBinOnTeam, fitBinMapper } from './binning';
import { boostingScore, type ScoreKind, shouldStop } from './early-stopping';
import { TreeGrower } from './grower';
import { HgbTeam } from './hgb-team';
import type { BoostingLoss } from './loss';
import { RowPartition } from './partition';
import { endPhase, startPhase } from './phase-timer';
import { addTreeBinned, type TreeArrays, TreeStore } from './predictor';
import { addLeafValues } from './raw-update';
import type { SplitContext } from './splitting';

export interface BoostingSettings {
  learningRate: number;
  maxIter: number;
  maxLeafNodes: number | null;
  maxDepth: number | null;
  minSamplesLeaf: number;
  l2Regularization: number;
  maxBins: number;
  earlyStopping: boolean;
  validationFraction: number | null;
  nIterNoChange: number;
  tol: number;
  scoring: ScoreKind;
  randomState: number;
}

export interface BoostingData {
  /** Raw features; categorical features hold integer codes (see `tabular-input.ts`). */
  X: Matrix;
  /** The target; a class index (as a number) for classifiers. */
  y: Float64Array;
  sampleWeight: Float64Array | null;
  isCategorical: Uint8Array;
  /** Per categorical feature, largest code + 1 over all rows (validation rows included). */
  nCategories: Int32Array;
  loss: BoostingLoss;
  /** Classes to stratify the validation split by (classifiers), else null. */
  stratify: Int32Array | null;
}

export interface BoostingResult {
  trees: TreeArrays;
  baseline: Float64Array;
  nIter: number;
  trainScore: Float64Array;
  validationScore: Float64Array;
}

/** The rows boosting trains on, and the validation rows early stopping scores (or null). */
interface Rows {
  X: Matrix;
  y: Float64Array;
  w: Float64Array | null;
}

function takeRows(data: BoostingData, indices: Int32Array): Rows {
  const w = data.sampleWeight;
  return {
    X: data.X.takeRows(indices),
    y: Float64Array.from(indices, (i) => data.y[i]),
    w: w === null ? null : Float64Array.from(indices, (i) => w[i]),
  };
}

function splitForValidation(data: BoostingData, settings: BoostingSettings): [Rows, Rows | null] {
  const all = { X: data.X, y: data.y, w: data.sampleWeight };
  if (!settings.earlyStopping || settings.validationFraction === null) return [all, null];
  const { train, test } = trainTestSplit(data.X.nRows, {
    testSize: settings.validationFraction,
    stratify: data.stratify ?? undefined,
    randomState: settings.randomState,
  });
  return [takeRows(data, train), takeRows(data, test)];
}

function splitContext(
  mapper: BinMapper,
  binned: Uint8Array,
  nRows: number,
  settings: BoostingSettings,
  rowHessianBound: number,
): SplitContext {
  const nFeatures = mapper.nBinsNonMissing.length;
  const hasMissing = new Uint8Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    const column = binned.subarray(f * nRows, (f + 1) * nRows);
    hasMissing[f] = column.includes(mapper.missingBin) ? 1 : 0;
  }
  return {
    nFeatures,
    nBins: settings.maxBins + 1,
    missingBin: mapper.missingBin,
    nBinsNonMissing: mapper.nBinsNonMissing,
    hasMissing,
    isCategorical: mapper.isCategorical,
    l2Regularization: settings.l2Regularization,
    minSamplesLeaf: settings.minSamplesLeaf,
    minHessianToSplit: 1e-3,
    rowHessianBound,
  };
}

/** The baseline of every row (class-major) into `raw`, which holds baseline.length · n numbers. */
function initialRaw(baseline: Float64Array, n: number, raw: Float64Array): Float64Array {
  for (let k = 0; k < baseline.length; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
  return raw;
}

/** Binned rows and raw predictions of one side (training or validation), class-major: raw[k·n + i]. */
interface Side extends Rows {
  binned: Uint8Array;
  raw: Float64Array;
}

/** One boosting run: the binned sides, the grower and the trees so far. */
interface Run {
  loss: BoostingLoss;
  settings: BoostingSettings;
  mapper: BinMapper;
  baseline: Float64Array;
  train: Side;
  validation: Side | null;
  gh: Float32Array;
  constantHessian: boolean;
  grower: TreeGrower;
  /** The team's side of the fit, when a team lends threads. */
  team: HgbTeam | null;
  store: TreeStore;
  /** Scratch for the raw-prediction update: the leaf of every training row (`raw-update.ts`). */
  leafOf: Uint8Array;
  trainScore: number[];
  validationScore: number[];
  /** The fit's working memory (core/working-memory.ts): everything above but the store, back to the pool at the end. */
  lease: Lease;
}

/** Training cells (rows × features) below which a fit does not use its team. */
const MIN_TEAM_CELLS = 1 << 16;

/** A copy of `values` in shared memory, for a team to read. */
function shared(values: Float64Array, lease: Lease): Float64Array {
  const copy = lease.float64(values.length, true);
  copy.set(values);
  return copy;
}

function startRun(data: BoostingData, settings: BoostingSettings, team: ParallelTeam | null): Run {
  const { loss } = data;
  const [trainRows, validationRows] = splitForValidation(data, settings);
  const binningStart = startPhase();
  const rng = new Rng(settings.randomState);
  const n = trainRows.X.nRows;
  // Small data is grown on the caller's thread alone: the whole fit takes milliseconds, less than waking a team
  // for every node would cost.
  const withTeam = team !== null && team.size > 1 && n * trainRows.X.nCols >= MIN_TEAM_CELLS;
  const { X } = trainRows;
  const { isCategorical, nCategories } = data;
  const lease = workingMemory.lease();
  // With a team, the training rows are binned on it, straight into shared memory (the validation rows alone).
  const trainBinned = withTeam ? lease.uint8(n * X.nCols, true) : null;
  const mapper =
    trainBinned === null
      ? fitBinMapper(X, isCategorical, nCategories, settings.maxBins, rng, undefined, lease)
      : fitAndBinOnTeam(
          X,
          isCategorical,
          nCategories,
          settings.maxBins,
          rng,
          team!,
          trainBinned,
          undefined,
          lease,
        );
  const baseline = loss.baseline(trainRows.y, trainRows.w);
  // A team's side (its bins and raw predictions) is in shared memory.
  const side = (rows: Rows, inShared: boolean, binned?: Uint8Array): Side => {
    const { nRows: m, nCols } = rows.X;
    const raw = initialRaw(baseline, m, lease.float64(baseline.length * m, inShared));
    return { ...rows, binned: binned ?? binMatrix(rows.X, mapper, lease.uint8(m * nCols)), raw };
  };
  const train = trainBinned === null ? side(trainRows, false) : side(trainRows, true, trainBinned);
  endPhase('binning', binningStart);
  const setupStart = startPhase();
  const gh = lease.float32(2 * loss.nTreesPerIteration * n, withTeam);
  if (withTeam) {
    // Everything else the team reads or writes moves to shared memory once per fit.
    train.y = shared(train.y, lease);
    train.w = train.w === null ? null : shared(train.w, lease);
  }
  // Without sample weights a log loss's hessian p(1 − p) is at most 1/4 per row: histograms then skip row counts.
  const rowHessianBound = train.w === null ? (loss.maxRowHessian ?? 0) : 0;
  const ctx = splitContext(mapper, train.binned, n, settings, rowHessianBound);
  const growerParams = {
    maxLeafNodes: settings.maxLeafNodes,
    maxDepth: settings.maxDepth,
    minSamplesLeaf: settings.minSamplesLeaf,
    shrinkage: settings.learningRate,
  };
  const partition = new RowPartition(n, withTeam, lease);
  const hgbTeam = withTeam
    ? new HgbTeam(
        team,
        {
          binned: train.binned,
          nRows: n,
          nBinsNonMissing: ctx.nBinsNonMissing,
          nBins: ctx.nBins,
          missingBin: ctx.missingBin,
          rows: partition.rows,
          pairs: partition.pairs,
          rowScratch: partition.rowScratch,
          pairScratch: partition.pairScratch,
          y: train.y,
          w: train.w,
          raw: train.raw,
          gradients: gh,
          lossName: loss.name,
          ctx,
          growerParams,
        },
        loss.nTreesPerIteration,
        lease,
      )
    : null;

  const grower = new TreeGrower(train.binned, n, ctx, growerParams, partition, hgbTeam, lease);
  endPhase('setup', setupStart);
  return {
    loss,
    settings,
    mapper,
    baseline,
    train,
    validation: validationRows === null ? null : side(validationRows, false),
    gh,
    constantHessian: loss.unitHessian && train.w === null,
    grower,
    team: hgbTeam,
    store: new TreeStore(mapper),
    leafOf: lease.uint8(n),
    trainScore: [],
    validationScore: [],
    lease,
  };
}

/** One iteration: gradients at the current predictions, then one tree per class, added to the predictions. */
function iterate(run: Run): void {
  const { loss, train, validation, grower, store, gh, team } = run;
  const n = train.X.nRows;
  const gradientStart = startPhase();
  if (!team?.gradients()) loss.gradients(train.y, train.w, train.raw, gh);
  endPhase('gradients', gradientStart);
  if (team !== null && loss.nTreesPerIteration > 1 && !loss.refitLeaf) {
    // The classes' trees are independent within an iteration: the team grows them side by side.
    for (const [k, root] of team.growTrees(loss.nTreesPerIteration, run.constantHessian).entries()) {
      const t = store.add(root);
      if (validation !== null) {
        const m = validation.X.nRows;
        addTreeBinned(store.view(), t, validation.binned, m, run.mapper.missingBin, validation.raw, k * m);
      }
    }
    return;
  }
  for (let k = 0; k < loss.nTreesPerIteration; k++) {
    const root = grower.grow(gh.subarray(2 * k * n, 2 * (k + 1) * n), run.constantHessian);
    const rows = grower.partition.rows;
    const raw = train.raw.subarray(k * n, (k + 1) * n);
    if (loss.refitLeaf) {
      for (const leaf of grower.leaves) {
        const update = loss.refitLeaf(train.y, train.w, raw, rows.subarray(leaf.start, leaf.end));
        leaf.value = run.settings.learningRate * update;
      }
    }
    const t = store.add(root);
    const updateStart = startPhase();
    if (!team?.addLeaves(k, grower.leaves)) {
      addLeafValues(raw, rows, grower.leaves, run.leafOf);
    }
    endPhase('rawUpdate', updateStart);
    if (validation !== null) {
      const m = validation.X.nRows;
      addTreeBinned(store.view(), t, validation.binned, m, run.mapper.missingBin, validation.raw, k * m);
    }
  }
}

/** Records the early-stopping scores of the current model and says whether to stop. */
function recordScores(run: Run): boolean {
  const { settings, loss, train, validation } = run;
  if (!settings.earlyStopping) return false;
  run.trainScore.push(boostingScore(settings.scoring, loss, train.y, train.w, train.raw));
  if (validation === null) return shouldStop(run.trainScore, settings.nIterNoChange, settings.tol);
  run.validationScore.push(boostingScore(settings.scoring, loss, validation.y, validation.w, validation.raw));
  return shouldStop(run.validationScore, settings.nIterNoChange, settings.tol);
}

/**
 * Gradient boosting on binned data (scikit-learn's `BaseHistGradientBoosting.fit`): bin the features once, start
 * from the loss's best constant, then per iteration compute gradients and hessians and grow one tree per class on
 * them, each leaf adding its (shrunk) Newton step to the raw predictions of its rows. With early stopping, a
 * seeded stratified share of the rows is held out and scored every iteration.
 */
export function fitBoosting(
  data: BoostingData,
  settings: BoostingSettings,
  options: FitOptions,
): BoostingResult {
  throwIfAborted(options.signal);
  const run = startRun(data, settings, options.team ?? null);
  let nIter = 0;
  try {
    recordScores(run);
    while (nIter < settings.maxIter) {
      throwIfAborted(options.signal);
      iterate(run);
      nIter++;
      options.onProgress?.(nIter / settings.maxIter, `iteration ${nIter}`);
      const scoresStart = startPhase();
      const stop = recordScores(run);
      endPhase('scores', scoresStart);
      if (stop) break;
    }
  } finally {
    run.team?.close();
    // Nothing the result keeps comes from the lease: the trees are the store's, the scores copies.
    run.lease.end();
  }
  return {
    trees: run.store.finish(),
    baseline: run.baseline,
    nIter,
    trainScore: Float64Array.from(run.trainScore),
    validationScore: Float64Array.from(run.validationScore),
  };
}
