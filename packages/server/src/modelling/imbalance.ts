import { httpError } from '../errors';
import type { Task } from '../training/types';
import type { ResampleStrategy } from './resample';
import type { ThresholdGoal } from './threshold';

/** Class-imbalance settings of a leaderboard, a tuning run or a saved model (classification only). */
export interface Imbalance {
  classWeight?: 'balanced' | null;
  resample?: ResampleStrategy;
  threshold?: ThresholdGoal;
}

/** Refuses imbalance settings that cannot apply to the task (422 before any job exists). */
export function checkImbalance(imbalance: Imbalance | undefined, task: Task, nClasses: number): void {
  if (imbalance === undefined) return;
  const used = imbalance.classWeight === 'balanced' || (imbalance.resample ?? 'none') !== 'none';
  if (task === 'regression' && (used || imbalance.threshold !== undefined)) {
    throw httpError('BAD_IMBALANCE', {
      detail:
        'Class weights, resampling and thresholds apply to classification only; this target is a regression.',
    });
  }
  if (imbalance.threshold !== undefined && nClasses !== 2) {
    throw httpError('BAD_IMBALANCE', {
      detail: `Decision-threshold tuning needs a binary target; this one has ${nClasses} classes.`,
    });
  }
}
