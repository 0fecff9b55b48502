import type { ParallelKernel } from './core/parallel';
import { binsKernel } from './ensemble/hist-gradient-boosting/binning-kernel';
import { hgbKernel } from './ensemble/hist-gradient-boosting/parallel-kernel';

/**
 * Every kernel a `ParallelTeam` may run, by name. A team member looks its kernel up here, so what runs on another
 * thread is always the library's own code, never something sent to it.
 */
export const PARALLEL_KERNELS: Readonly<Record<string, ParallelKernel<never>>> = {
  hgb: hgbKernel as ParallelKernel<never>,
  'hgb-bins': binsKernel as ParallelKernel<never>,
};
