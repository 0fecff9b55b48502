import { AdjustedExpSmoothing } from './adjusted-exp-smoothing';

/**
 * Holt's linear trend method (ETS(A,A,N)): level plus a linear slope. As the M4 benchmark of the same
 * name, it works on the seasonally adjusted series (see `AdjustedExpSmoothing`).
 */
export class Holt extends AdjustedExpSmoothing {
  static override readonly kind: string = 'Holt';
  protected readonly trend = 'A';
  protected readonly damped = false;
}
