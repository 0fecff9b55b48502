import { clone } from '../core/clone';
import { MlError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import { Frame } from '../core/frame';
import type { Matrix } from '../core/matrix';
import type { Constraint } from '../core/params';
import type { ClassTarget, Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkNotEmpty, checkRegressionTarget, encodeClassTarget } from '../core/validation';
import { seconds } from './clock';
import type { Scorer } from './cross-val-score';
import { aggregateFolds } from './cross-validate';
import { buildCvResults, type CvResults } from './cv-results';
import type { Fold } from './fold';
import type { Groups } from './groups';
import type { Candidate } from './parameter-grid';
import { type CvSpec, resolveFolds } from './resolve-folds';
import { cloneParams, type FoldResult, runFold } from './run-fold';
import type { ScorableEstimator } from './scorers';
import { resolveScoring, type Scoring } from './scoring';

export interface BaseSearchParams {
  /** The estimator to tune (often a pipeline); it is cloned for every fit, never fitted itself. */
  estimator: Estimator | null;
  scoring: Scoring;
  /** Number of folds (stratified for classifiers), a splitter, or explicit folds; default 5. */
  cv: CvSpec;
  /** Refit the best candidate on all rows (`bestEstimator_`); a scorer name picks the metric when there are several. */
  refit: boolean | string;
  returnTrainScore: boolean;
  /** 'raise', or the score of a failed fit (default NaN: the candidate ranks last). */
  errorScore: 'raise' | number;
}

export const BASE_SEARCH_DEFAULTS: BaseSearchParams = {
  estimator: null,
  scoring: null,
  cv: 5,
  refit: true,
  returnTrainScore: false,
  errorScore: Number.NaN,
};

export const BASE_SEARCH_CONSTRAINTS: Readonly<Record<keyof BaseSearchParams, readonly Constraint[]>> = {
  estimator: [{ type: 'estimator' }],
  scoring: [{ type: 'string' }, { type: 'array' }, { type: 'object' }, { type: 'null' }],
  cv: [
    { type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' },
    { type: 'object' },
    { type: 'array' },
  ],
  refit: [{ type: 'boolean' }, { type: 'string' }],
  returnTrainScore: [{ type: 'boolean' }],
  errorScore: [{ type: 'options', values: ['raise'] }, { type: 'float' }, { type: 'nan' }],
};

export const SEARCH_STATE: StateSchema = {
  cvResults_: 'json',
  bestIndex_: 'number',
  bestParams_: 'json',
  bestScore_: 'number',
  bestEstimator_: 'json',
  refitTime_: 'number',
  nSplits_: 'number',
};

/** `fit` options of a search: `groups` go to a group-aware splitter (`GroupKFold`). */
export interface SearchFitOptions extends FitOptions {
  groups?: Groups;
}

/** Checks the parameters of an estimator and of every estimator nested in its parameters (pipeline steps...). */
function validateDeep(value: unknown, depth = 0): void {
  if (depth > 32) return;
  if (value instanceof Estimator) {
    value.validateParams();
    validateDeep(Object.values(value.params), depth + 1);
  } else if (Array.isArray(value)) {
    for (const item of value) validateDeep(item, depth + 1);
  }
}

interface Fittable extends ScorableEstimator {
  fit(X: Tabular, y: Target, options?: FitOptions): unknown;
  transform?(X: Tabular): Tabular;
}

/**
 * Shared machinery of `GridSearchCV` and `RandomizedSearchCV` (after scikit-learn's `BaseSearchCV`): every
 * candidate × fold is one `runFold` (a fresh clone fitted on the training rows only), then the results are ranked
 * and the best candidate is refitted on all rows. Progress advances per candidate × fold and the signal is checked
 * before every fit. Every candidate's parameters (nested ones included) are checked before the first fit, so an
 * invalid value in the grid is an INVALID_PARAMETER error, not a NaN score. Subclasses only say which candidates
 * to try.
 */
export abstract class BaseSearchCV<P extends BaseSearchParams> extends Estimator<P> {
  declare cvResults_: CvResults;
  declare bestIndex_: number;
  declare bestParams_: Candidate;
  /** Mean cross-validated score of the best candidate (on the refit metric). */
  declare bestScore_: number;
  /** The best candidate refitted on all rows; null when `refit` is false. */
  declare bestEstimator_: Estimator | null;
  /** Seconds spent refitting. */
  declare refitTime_: number;
  declare nSplits_: number;

  /** The parameter settings to try, each a map of (dotted) parameter names to values. */
  protected abstract candidates(): Candidate[];

  override get estimatorType(): EstimatorType {
    return this.params.estimator?.estimatorType ?? 'estimator';
  }

  protected override checkState(): void {
    const best = this.bestEstimator_;
    this.expectState(
      best === null || (best instanceof Estimator && best.isFitted),
      'bestEstimator_ is fitted',
    );
    const params = (this.cvResults_ as CvResults | null)?.params ?? [];
    this.expectState(
      Number.isInteger(this.bestIndex_) && this.bestIndex_ >= 0 && this.bestIndex_ < params.length,
      'bestIndex_ is a candidate',
    );
  }

  #refitMetric(names: string[]): string {
    const { refit } = this.params;
    if (typeof refit === 'string' && !names.includes(refit)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `refit names the scorer '${refit}', which is not in scoring (${names.join(', ')}). Name one of those.`,
      );
    }
    return typeof refit === 'string' ? refit : names[0];
  }

  /** Every candidate × fold through `runFold`; progress unit c · nFolds + s of `total`. */
  #evaluate(
    candidates: Candidate[],
    folds: Fold[],
    X: Tabular,
    y: Target,
    scoring: Record<string, Scorer<ScorableEstimator>>,
    options: SearchFitOptions,
    total: number,
  ): FoldResult[][] {
    const { estimator, returnTrainScore, errorScore } = this.params;
    const results = candidates.map((params, c) =>
      folds.map((fold, s) => {
        throwIfAborted(options.signal);
        const unit = c * folds.length + s;
        const label = `candidate ${c + 1}/${candidates.length}, fold ${s + 1}/${folds.length}`;
        const sub = subTaskOptions(options, unit / total, (unit + 1) / total, label);
        return runFold(estimator!, X, y, fold, { ...sub, params, scoring, returnTrainScore, errorScore });
      }),
    );
    aggregateFolds(results.flat(), folds); // throws when every fit failed
    return results;
  }

  fit(X: Tabular, y: Target, options: SearchFitOptions = {}): this {
    this.validateParams();
    const estimator = this.params.estimator as Fittable;
    checkNotEmpty(X.nRows, X instanceof Frame ? X.columns.length : X.nCols, this.kind);
    const classifier = estimator.estimatorType === 'classifier';
    if (classifier) encodeClassTarget(y as ClassTarget, X.nRows, this.kind);
    else if (estimator.estimatorType === 'regressor') checkRegressionTarget(y, X.nRows, this.kind);
    const candidates = this.candidates();
    if (candidates.length === 0)
      throw new MlError('INVALID_PARAMETER', `${this.kind} has no candidates to try.`);
    // Unknown names and invalid values fail here, once, rather than as NaN scores in every fold.
    for (const candidate of candidates) validateDeep(clone(estimator).setParams(cloneParams(candidate)));
    const folds = resolveFolds(this.params.cv, X.nRows, y, classifier, options.groups);
    const scorers = resolveScoring(this.params.scoring, estimator);
    const primary = this.#refitMetric(Object.keys(scorers));
    const { refit } = this.params;
    const total = candidates.length * folds.length + (refit === false ? 0 : 1);
    const results = this.#evaluate(candidates, folds, X, y, scorers, options, total);
    this.cvResults_ = buildCvResults(candidates, results, primary);
    this.bestIndex_ = this.cvResults_.rankTestScore.indexOf(1);
    this.bestParams_ = candidates[this.bestIndex_];
    this.bestScore_ = this.cvResults_.meanTestScore[this.bestIndex_];
    this.nSplits_ = folds.length;
    this.bestEstimator_ = null;
    this.refitTime_ = 0;
    if (refit !== false) {
      throwIfAborted(options.signal);
      const best = clone(estimator).setParams(cloneParams(this.bestParams_)) as Fittable;
      const start = seconds();
      best.fit(X, y, subTaskOptions(options, (total - 1) / total, 1, 'refit'));
      this.refitTime_ = seconds() - start;
      this.bestEstimator_ = best;
    }
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  #best(method: string): Fittable {
    this.checkFitted();
    if (this.bestEstimator_ === null) {
      throw new MlError(
        'UNSUPPORTED_OPERATION',
        `${this.kind} was fitted with refit false, so it has no best estimator to ${method} with. Set refit to true.`,
      );
    }
    return this.bestEstimator_ as Fittable;
  }

  /** The class names of the refitted best classifier. */
  get classes_(): string[] {
    const classes = this.#best('report classes').classes_;
    if (classes === undefined)
      throw new MlError('UNSUPPORTED_OPERATION', `${this.kind} does not wrap a classifier.`);
    return classes;
  }

  predict(X: Tabular): Int32Array | Float64Array {
    return this.#best('predict').predict(X);
  }

  predictProba(X: Tabular): Matrix {
    const best = this.#best('predictProba');
    if (typeof best.predictProba !== 'function') {
      throw new MlError('UNSUPPORTED_OPERATION', `The best estimator (${best.kind}) has no predictProba.`);
    }
    return best.predictProba(X);
  }

  /** The refit metric of the best estimator on (X, y), as scikit-learn's `score`. */
  score(X: Tabular, y: Target): number {
    const best = this.#best('score');
    return resolveScoring(this.params.scoring, best)[this.cvResults_.primary](best, X, y);
  }
}
