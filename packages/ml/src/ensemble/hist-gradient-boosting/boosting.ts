import { type FitOptions, throwIfAborted } from '../../core/fit-options';
import type { Matrix } from '../../core/matrix';
import { Rng } from '../../core/rng';
import { trainTestSplit } from '../../model-selection/train-test-split';
import { type BinMapper, binMatrix, fitBinMapper } from './binning';
import { boostingScore, type ScoreKind, shouldStop } from './early-stopping';
import { TreeGrower } from './grower';
import type { BoostingLoss } from './loss';
import { addTreeBinned, type TreeArrays, TreeStore } from './predictor';
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
  };
}

function initialRaw(baseline: Float64Array, n: number): Float64Array {
  const raw = new Float64Array(baseline.length * n);
  for (let k = 0; k < baseline.length; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
  return raw;
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
  const { loss } = data;
  const [train, validation] = splitForValidation(data, settings);
  const n = train.X.nRows;
  const nCodes = data.nCategories;
  const mapper = fitBinMapper(
    train.X,
    data.isCategorical,
    nCodes,
    settings.maxBins,
    new Rng(settings.randomState),
  );
  const binned = binMatrix(train.X, mapper);
  const binnedValidation = validation === null ? null : binMatrix(validation.X, mapper);
  const nValidation = validation === null ? 0 : validation.X.nRows;

  const K = loss.nTreesPerIteration;
  const baseline = loss.baseline(train.y, train.w);
  const raw = initialRaw(baseline, n);
  const rawValidation = initialRaw(baseline, nValidation);
  const gh = new Float32Array(2 * K * n);
  const constantHessian = loss.unitHessian && train.w === null;
  const grower = new TreeGrower(binned, n, splitContext(mapper, binned, n, settings), {
    maxLeafNodes: settings.maxLeafNodes,
    maxDepth: settings.maxDepth,
    minSamplesLeaf: settings.minSamplesLeaf,
    shrinkage: settings.learningRate,
  });
  const store = new TreeStore(mapper);
  const trainScore: number[] = [];
  const validationScore: number[] = [];
  const recordScores = (): boolean => {
    if (!settings.earlyStopping) return false;
    trainScore.push(boostingScore(settings.scoring, loss, train.y, train.w, raw));
    if (validation === null) return shouldStop(trainScore, settings.nIterNoChange, settings.tol);
    validationScore.push(boostingScore(settings.scoring, loss, validation.y, validation.w, rawValidation));
    return shouldStop(validationScore, settings.nIterNoChange, settings.tol);
  };
  recordScores();

  let nIter = 0;
  while (nIter < settings.maxIter) {
    throwIfAborted(options.signal);
    loss.gradients(train.y, train.w, raw, gh);
    for (let k = 0; k < K; k++) {
      const root = grower.grow(gh.subarray(2 * k * n, 2 * (k + 1) * n), constantHessian);
      const rows = grower.rows;
      if (loss.refitLeaf) {
        const rawK = raw.subarray(k * n, (k + 1) * n);
        for (const leaf of grower.leaves) {
          const leafRows = rows.subarray(leaf.start, leaf.end);
          leaf.value = settings.learningRate * loss.refitLeaf(train.y, train.w, rawK, leafRows);
        }
      }
      const t = store.add(root);
      for (const leaf of grower.leaves) {
        const offset = k * n;
        for (let r = leaf.start; r < leaf.end; r++) raw[offset + rows[r]] += leaf.value;
      }
      if (binnedValidation !== null) {
        addTreeBinned(
          store.view(),
          t,
          binnedValidation,
          nValidation,
          mapper.missingBin,
          rawValidation,
          k * nValidation,
        );
      }
    }
    nIter++;
    options.onProgress?.(nIter / settings.maxIter, `iteration ${nIter}`);
    if (recordScores()) break;
  }
  return {
    trees: store.finish(),
    baseline,
    nIter,
    trainScore: Float64Array.from(trainScore),
    validationScore: Float64Array.from(validationScore),
  };
}
