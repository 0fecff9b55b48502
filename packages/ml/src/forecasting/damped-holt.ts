import { AdjustedExpSmoothing } from './adjusted-exp-smoothing';

/**
 * Holt's method with a damped trend (ETS(A,Ad,N)): the slope fades by φ per step. As the M4 benchmark of the same
 * name, it works on the seasonally adjusted series (see `AdjustedExpSmoothing`).
 */
export class DampedHolt extends AdjustedExpSmoothing {
  static override readonly kind: string = 'DampedHolt';
  protected readonly trend = 'A';
  protected readonly damped = true;
}
