import { MlError } from '../../core/errors';
import { Estimator } from '../../core/estimator';
import type { FitOptions } from '../../core/fit-options';
import type { Tabular } from '../../core/roles';
import type { StateSchema } from '../../core/state';
import { BITSET_WORDS } from './bitset';
import { fitBoosting } from './boosting';
import type { ScoreKind } from './early-stopping';
import type { BoostingLoss } from './loss';
import type { HistGradientBoostingParams } from './params';
import { addTreeRaw, type TreeArrays } from './predictor';
import { readFitInput, readPredictInput } from './tabular-input';

/** `fit` options: cancellation and progress, plus per-row sample weights. */
export interface HgbFitOptions extends FitOptions {
  /** Non-negative weight per row (scikit-learn's `sample_weight`); gradients and hessians are scaled by it. */
  sampleWeight?: Float64Array;
}

/** The learned state both estimators share (the trees' layout is described in `predictor.ts`). */
export const HGB_STATE: StateSchema = {
  nFeaturesIn_: 'number',
  featureNamesIn_: 'strings?',
  categoryLevels_: 'stringLists?',
  isCategorical_: 'uint8',
  knownCategories_: 'int32',
  nTreesPerIteration_: 'number',
  baseline_: 'float64',
  nIter_: 'number',
  doEarlyStopping_: 'boolean',
  trainScore_: 'float64',
  validationScore_: 'float64',
  treeStart_: 'int32',
  treeFeature_: 'int32',
  treeThreshold_: 'float64',
  treeBinThreshold_: 'uint8',
  treeMissingGoesLeft_: 'uint8',
  treeLeft_: 'int32',
  treeRight_: 'int32',
  treeValue_: 'float64',
  treeBitsetIndex_: 'int32',
  treeBitsets_: 'int32',
};

/** Checks `sampleWeight`: one finite, non-negative weight per row, not all zero. */
export function checkSampleWeight(
  w: Float64Array | undefined,
  nRows: number,
  kind: string,
): Float64Array | null {
  if (w === undefined) return null;
  if (!(w instanceof Float64Array) || w.length !== nRows) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} needs one sample weight per row (${nRows}) as a Float64Array.`,
      {
        details: { kind },
      },
    );
  }
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(Number.isFinite(w[i]) && w[i] >= 0)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${kind} needs finite, non-negative sample weights but row ${i} has ${w[i]}. Fix or drop that weight.`,
        { details: { kind, row: i } },
      );
    }
    total += w[i];
  }
  if (!(total > 0)) {
    throw new MlError(
      'INVALID_PARAMETER',
      `${kind} got sample weights that are all zero. Give some rows weight.`,
      {
        details: { kind },
      },
    );
  }
  return w;
}

/**
 * What the classifier and the regressor share (scikit-learn's `BaseHistGradientBoosting`): reading the input,
 * running the boosting loop, storing the trees and summing them for predictions.
 */
export abstract class BaseHistGradientBoosting<P extends HistGradientBoostingParams> extends Estimator<P> {
  declare nFeaturesIn_: number;
  /** Column names when fitted on a frame, else null. */
  declare featureNamesIn_: string[] | null;
  /** For frames: the levels of each categorical column seen in fit ([] for other columns), else null. */
  declare categoryLevels_: string[][] | null;
  declare isCategorical_: Uint8Array;
  /** Per feature, the 256-bit set of category codes seen in fit (unseen codes predict like missing values). */
  declare knownCategories_: Int32Array;
  declare nTreesPerIteration_: number;
  /** The raw prediction before any tree, per tree of an iteration. */
  declare baseline_: Float64Array;
  declare nIter_: number;
  declare doEarlyStopping_: boolean;
  /** Early-stopping scores (higher is better), from before the first tree on; empty without early stopping. */
  declare trainScore_: Float64Array;
  declare validationScore_: Float64Array;
  declare treeStart_: Int32Array;
  declare treeFeature_: Int32Array;
  declare treeThreshold_: Float64Array;
  declare treeBinThreshold_: Uint8Array;
  declare treeMissingGoesLeft_: Uint8Array;
  declare treeLeft_: Int32Array;
  declare treeRight_: Int32Array;
  declare treeValue_: Float64Array;
  declare treeBitsetIndex_: Int32Array;
  declare treeBitsets_: Int32Array;

  protected boost(
    X: Tabular,
    y: Float64Array,
    loss: BoostingLoss,
    sampleWeight: Float64Array | null,
    stratify: Int32Array | null,
    defaultScore: ScoreKind,
    options: FitOptions,
  ): void {
    const p = this.params;
    const input = readFitInput(X, p.categoricalFeatures, p.maxBins, this.kind);
    const earlyStopping = p.earlyStopping === 'auto' ? input.X.nRows > 10_000 : p.earlyStopping;
    const result = fitBoosting(
      {
        X: input.X,
        y,
        sampleWeight,
        isCategorical: input.isCategorical,
        nCategories: input.nCategories,
        loss,
        stratify,
      },
      { ...p, earlyStopping, scoring: p.scoring === 'loss' ? 'loss' : defaultScore },
      options,
    );
    this.nFeaturesIn_ = input.X.nCols;
    this.featureNamesIn_ = input.featureNames;
    this.categoryLevels_ = input.categoryLevels;
    this.isCategorical_ = input.isCategorical;
    this.knownCategories_ = input.knownCategories;
    this.nTreesPerIteration_ = loss.nTreesPerIteration;
    this.baseline_ = result.baseline;
    this.nIter_ = result.nIter;
    this.doEarlyStopping_ = earlyStopping;
    this.trainScore_ = result.trainScore;
    this.validationScore_ = result.validationScore;
    this.#storeTrees(result.trees);
  }

  #storeTrees(t: TreeArrays): void {
    this.treeStart_ = t.treeStart;
    this.treeFeature_ = t.feature;
    this.treeThreshold_ = t.threshold;
    this.treeBinThreshold_ = t.binThreshold;
    this.treeMissingGoesLeft_ = t.missingGoesLeft;
    this.treeLeft_ = t.left;
    this.treeRight_ = t.right;
    this.treeValue_ = t.value;
    this.treeBitsetIndex_ = t.bitsetIndex;
    this.treeBitsets_ = t.bitsets;
  }

  #trees(): TreeArrays {
    return {
      treeStart: this.treeStart_,
      feature: this.treeFeature_,
      threshold: this.treeThreshold_,
      binThreshold: this.treeBinThreshold_,
      missingGoesLeft: this.treeMissingGoesLeft_,
      left: this.treeLeft_,
      right: this.treeRight_,
      value: this.treeValue_,
      bitsetIndex: this.treeBitsetIndex_,
      bitsets: this.treeBitsets_,
    };
  }

  /** Raw predictions (before the link), class-major: out[k·n + i] for tree k of each iteration. */
  protected rawPredict(X: Tabular): { raw: Float64Array; nRows: number } {
    this.checkFitted();
    const matrix = readPredictInput(
      X,
      { featureNames: this.featureNamesIn_, categoryLevels: this.categoryLevels_ },
      this.isCategorical_,
      this.kind,
    );
    const n = matrix.nRows;
    const K = this.nTreesPerIteration_;
    const raw = new Float64Array(K * n);
    for (let k = 0; k < K; k++) raw.fill(this.baseline_[k], k * n, (k + 1) * n);
    const trees = this.#trees();
    const nTrees = this.treeStart_.length - 1;
    for (let t = 0; t < nTrees; t++) addTreeRaw(trees, t, matrix, this.knownCategories_, raw, (t % K) * n);
    return { raw, nRows: n };
  }

  /** Loaded trees must be walkable: children inside their tree and after their parent, features and sets in range. */
  protected override checkState(): void {
    const p = this.nFeaturesIn_;
    const K = this.nTreesPerIteration_;
    const nNodes = this.treeFeature_.length;
    const nBitsets = this.treeBitsets_.length / BITSET_WORDS;
    const sized = [
      this.treeThreshold_,
      this.treeBinThreshold_,
      this.treeMissingGoesLeft_,
      this.treeLeft_,
      this.treeRight_,
      this.treeValue_,
      this.treeBitsetIndex_,
    ];
    this.expectState(K >= 1 && this.baseline_.length === K, 'one baseline per tree of an iteration');
    this.expectState(
      sized.every((a) => a.length === nNodes),
      'one slot per node in every tree array',
    );
    this.expectState(this.treeStart_.length === this.nIter_ * K + 1, 'nIter × trees-per-iteration trees');
    this.expectState(
      this.isCategorical_.length === p && this.knownCategories_.length === p * BITSET_WORDS,
      'one entry per feature',
    );
    this.expectState(
      this.featureNamesIn_ === null || this.featureNamesIn_.length === p,
      'one name per feature',
    );
    this.expectState(
      this.categoryLevels_ === null || this.categoryLevels_.length === p,
      'levels per feature',
    );
    this.expectState(Number.isInteger(nBitsets) && this.treeStart_[0] === 0, 'trees start at node 0');
    this.expectState(this.treeStart_[this.treeStart_.length - 1] === nNodes, 'the trees cover every node');
    for (let t = 0; t + 1 < this.treeStart_.length; t++) {
      const start = this.treeStart_[t];
      const end = this.treeStart_[t + 1];
      this.expectState(start < end, `tree ${t} has nodes`);
      for (let node = start; node < end; node++) {
        const f = this.treeFeature_[node];
        const inTree = (child: number) => child > node && child < end;
        const b = this.treeBitsetIndex_[node];
        // Depth-first, left subtree first: a left child is the next node (the predictor relies on it).
        const ok =
          f < 0 ||
          (f < p && this.treeLeft_[node] === node + 1 && inTree(this.treeRight_[node]) && b < nBitsets);
        this.expectState(ok, `node ${node} has a bad feature, children or category set`);
      }
    }
  }
}
