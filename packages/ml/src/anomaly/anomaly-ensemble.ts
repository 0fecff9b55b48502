import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { BaseDetector, DETECTOR_STATE, type DetectorParams } from './base-detector';
import { IsolationForest } from './isolation-forest';
import { LocalOutlierFactor } from './local-outlier-factor';
import { MahalanobisDetector } from './mahalanobis-detector';
import { normalisedRanks, referenceMatrix, sortedReference } from './rank-normalise';
import { type FeatureReason, featureReasons } from './reasons';
import { RobustZScore } from './robust-z-score';

export type { FeatureReason } from './reasons';

export interface AnomalyEnsembleParams extends DetectorParams {
  /** The share of rows expected to be anomalies: the ensemble and every detector flag that share of training rows. */
  contamination: number;
  /** Trees of the isolation forest. */
  nEstimators: number;
  /** Neighbours of the local outlier factor. */
  nNeighbors: number;
  /** How many features each row's reasons list. */
  topFeatures: number;
  /**
   * How the detectors' normalised ranks combine: 'max' (default) takes the highest — the row is as anomalous as the
   * detector that finds it most unusual says; 'mean' averages them. See the class comment for why 'max' is the default.
   */
  vote: 'max' | 'mean';
  randomState: number;
}

/** The four detectors, in the order of `members_` and of the reference columns. */
export const DETECTOR_NAMES = [
  'isolationForest',
  'localOutlierFactor',
  'robustZScore',
  'mahalanobis',
] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** Why one row scores as it does. */
export interface AnomalyExplanation {
  /** The vote over the detectors' normalised ranks (their max, or mean), in [0, 1]; higher = more anomalous. */
  score: number;
  /** Whether the ensemble flags the row (its score is above the training rows' (1 − contamination) quantile). */
  flagged: boolean;
  /** The share of detectors that flag the row at the same contamination, in [0, 1]. */
  agreement: number;
  /** Each detector's normalised rank of the row, in [0, 1]. */
  ranks: Record<DetectorName, number>;
  /** The detectors that flag the row. */
  flaggedBy: DetectorName[];
  /** The `topFeatures` features that contribute most, largest first (see `featureReasons`). */
  reasons: FeatureReason[];
}

type Detector = BaseDetector<DetectorParams>;

/**
 * Votes across four detectors that see different kinds of anomaly — IsolationForest (few, different values),
 * LocalOutlierFactor (sparse next to a dense cluster), RobustZScore (one extreme feature) and MahalanobisDetector
 * (a broken correlation, or a far cluster that hides from neighbour-based scores). Each detector's scores are
 * rank-normalised against its training rows (`rank-normalise.ts`), so they share one [0, 1] scale, and the vote
 * combines the ranks. `scoreSamples` returns −(vote), keeping the detectors' convention (higher = more normal);
 * `explain` gives the vote, each detector's rank, the agreement and the top features per row.
 *
 * Why the default vote is 'max', not 'mean': each detector is blind to some kind of anomaly (LocalOutlierFactor
 * calls a tight far cluster normal; RobustZScore and Mahalanobis miss a local outlier inside the global spread), and
 * with 'mean' the blind detectors outvote the one that sees it, while rows at the edge of the data — mildly unusual
 * to all four — float to the top. On seeded sets with mixed kinds of anomaly (test/anomaly/ensemble.test.ts) 'max'
 * beats every single detector's average precision and 'mean' does not; on sets with one kind of anomaly the matching
 * detector alone stays best, and 'max' still beats the average detector. 1 − rank is an empirical p-value, so 'max'
 * is the smallest p-value over the detectors.
 */
export class AnomalyEnsemble extends BaseDetector<AnomalyEnsembleParams> {
  static override readonly kind: string = 'AnomalyEnsemble';
  static override readonly paramConstraints: ParamConstraints = {
    contamination: [{ type: 'float', min: 0, max: 0.5, closed: 'right' }],
    nEstimators: [{ type: 'int', min: 1 }],
    nNeighbors: [{ type: 'int', min: 1 }],
    topFeatures: [{ type: 'int', min: 1 }],
    vote: [{ type: 'options', values: ['max', 'mean'] }],
    randomState: [{ type: 'int' }],
  };
  static override readonly stateSchema: StateSchema = {
    ...DETECTOR_STATE,
    members_: 'json',
    references_: 'matrix',
  };

  /** The fitted detectors, in `DETECTOR_NAMES` order. */
  declare members_: Estimator[];
  /** Column m: detector m's training outlierness, sorted (the reference its ranks are taken against). */
  declare references_: Matrix;

  constructor(params: Partial<AnomalyEnsembleParams> = {}) {
    super(
      { contamination: 0.1, nEstimators: 100, nNeighbors: 20, topFeatures: 3, vote: 'max', randomState: 0 },
      params,
    );
  }

  protected autoOffset(): number {
    return Number.NaN; // unreachable: contamination is always a fraction
  }

  protected override checkState(): void {
    super.checkState();
    const classes = [IsolationForest, LocalOutlierFactor, RobustZScore, MahalanobisDetector];
    this.expectState(
      Array.isArray(this.members_) &&
        this.members_.length === classes.length &&
        this.members_.every(
          (m, k) =>
            m instanceof classes[k] && m.isFitted && (m as Detector).nFeaturesIn_ === this.nFeaturesIn_,
        ),
      'four fitted detectors in order, on the same features',
    );
    this.expectState(
      this.references_.nCols === classes.length && this.references_.nRows === this.trainScores_.length,
      'one reference column per detector, one row per training row',
    );
  }

  private get detectors(): Detector[] {
    return this.members_ as unknown as Detector[];
  }

  protected fitScores(X: Matrix, options: FitOptions): Float64Array {
    const { contamination, nEstimators, nNeighbors, randomState } = this.params;
    const members: Detector[] = [
      new IsolationForest({ contamination, nEstimators, randomState }),
      new LocalOutlierFactor({ contamination, nNeighbors }),
      new RobustZScore({ contamination }),
      new MahalanobisDetector({ contamination, randomState }),
    ] as unknown as Detector[];
    members.forEach((member, k) => {
      const name = DETECTOR_NAMES[k];
      member.fit(X, undefined, subTaskOptions(options, k / members.length, (k + 1) / members.length, name));
    });
    this.members_ = members;
    this.references_ = referenceMatrix(members.map((m) => sortedReference(m.trainScores_)));
    return this.votes(members.map((m) => m.trainScores_)).map((r) => -r);
  }

  protected scoreRows(X: Matrix): Float64Array {
    return this.votes(this.detectors.map((m) => m.scoreSamples(X))).map((r) => -r);
  }

  private rankColumns(memberScores: Float64Array[]): Float64Array[] {
    return memberScores.map((scores, k) => normalisedRanks(scores, this.references_.column(k)));
  }

  private votes(memberScores: Float64Array[]): Float64Array {
    const ranks = this.rankColumns(memberScores);
    return Float64Array.from(ranks[0], (_, i) => this.vote(ranks.map((column) => column[i])));
  }

  private vote(ranks: number[]): number {
    return this.params.vote === 'max' ? Math.max(...ranks) : ranks.reduce((a, b) => a + b, 0) / ranks.length;
  }

  /**
   * Score, agreement and reasons for each row. With `inSample`, X must be the training rows in fit order and the
   * detectors' in-sample scores are used (LocalOutlierFactor then leaves each row out of its own neighbourhood),
   * which is what the studio shows for the data set the ensemble was fitted on.
   */
  explain(X: Tabular, options: { inSample?: boolean } = {}): AnomalyExplanation[] {
    const rows = this.checkRows(X);
    const detectors = this.detectors;
    if (options.inSample) this.checkInSample(rows);
    const memberScores = detectors.map((m) => (options.inSample ? m.trainScores_ : m.scoreSamples(rows)));
    const ranks = this.rankColumns(memberScores);
    const robust = (detectors[2] as unknown as RobustZScore).zScores(rows);
    const mahalanobis = (detectors[3] as unknown as MahalanobisDetector).contributions(rows);
    const reasons = featureReasons(robust, mahalanobis, this.featureNamesIn_, this.params.topFeatures);
    return reasons.map((rowReasons, i) => {
      const rankOf = {} as Record<DetectorName, number>;
      const flaggedBy: DetectorName[] = [];
      DETECTOR_NAMES.forEach((name, k) => {
        rankOf[name] = ranks[k][i];
        if (memberScores[k][i] < detectors[k].offset_) flaggedBy.push(name);
      });
      const score = this.vote(ranks.map((column) => column[i]));
      return {
        score,
        flagged: -score < this.offset_,
        agreement: flaggedBy.length / DETECTOR_NAMES.length,
        ranks: rankOf,
        flaggedBy,
        reasons: rowReasons,
      };
    });
  }

  private checkInSample(rows: Matrix): void {
    if (rows.nRows !== this.trainScores_.length) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `${this.kind}.explain with inSample needs the ${this.trainScores_.length} training rows but got ${rows.nRows}. Pass the rows it was fitted on, or drop inSample for new rows.`,
        { details: { kind: this.kind, expected: this.trainScores_.length, got: rows.nRows } },
      );
    }
  }
}
