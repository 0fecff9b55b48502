import { HttpError, httpError } from '../errors';
import type { LeaderboardFamily } from '../modelling/families';
import type { Family, Task } from '../training/types';
import { checkParams } from '../tuning/check-space';

/**
 * Model parameters sent with a train request must be ones the family documents, within the bounds of its search
 * space (GET /api/tuning/spaces), so no request can ask for `nEstimators: 1e9` (SECURITY-TESTS row O).
 */
export function boundTrainParams(model: Family, task: Task, params: Record<string, unknown>): void {
  if (Object.keys(params).length === 0) return;
  if (model === 'auto')
    throw httpError('BAD_PARAMETER', {
      detail: "Parameters need a specific model; with model 'auto' send none.",
    });
  try {
    checkParams(model as LeaderboardFamily, task, params);
  } catch (err) {
    if (err instanceof HttpError) throw httpError('BAD_PARAMETER', { detail: err.message });
    throw err;
  }
}
