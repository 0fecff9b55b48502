import { AdjustedExpSmoothing } from './adjusted-exp-smoothing';

/**
 * Simple exponential smoothing (ETS(A,N,N)): flat forecasts at the last smoothed level. As the M4 benchmark of the same
 * name, it works on the seasonally adjusted series (see `AdjustedExpSmoothing`).
 */
export class SimpleExpSmoothing extends AdjustedExpSmoothing {
  static override readonly kind: string = 'SimpleExpSmoothing';
  protected readonly trend = 'N';
  protected readonly damped = false;
}
