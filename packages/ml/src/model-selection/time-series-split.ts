import { MlError } from '../core/errors';
import { type ParamConstraints, validateParams } from '../core/params';
import type { Fold } from './fold';

export interface TimeSeriesSplitOptions {
  nSplits: number;
  /** At most this many of the latest rows before the gap train each fold (null: all of them). */
  maxTrainSize: number | null;
  /** Rows per test fold (null: ⌊n / (nSplits + 1)⌋). */
  testSize: number | null;
  /** Rows left out between the end of training and the start of the test, against leakage through lags. */
  gap: number;
}

const CONSTRAINTS: ParamConstraints = {
  nSplits: [{ type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  maxTrainSize: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }, { type: 'null' }],
  testSize: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }, { type: 'null' }],
  gap: [{ type: 'int', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
};

/**
 * Forward-chaining folds for rows in time order (scikit-learn's `TimeSeriesSplit`, same folds): the last
 * nSplits · testSize rows are cut into consecutive test blocks, and each block is trained on the rows before it
 * (minus `gap`, at most `maxTrainSize`). Training always precedes testing, so the future never leaks into a fit.
 *
 *   rows:  [ train ············ | gap | test ]          fold k
 *          [ train ······················ | gap | test ] fold k + 1
 */
export class TimeSeriesSplit {
  readonly options: TimeSeriesSplitOptions;

  constructor(options: Partial<TimeSeriesSplitOptions> = {}) {
    this.options = { nSplits: 5, maxTrainSize: null, testSize: null, gap: 0, ...options };
  }

  split(nRows: number): Fold[] {
    validateParams('TimeSeriesSplit', this.options, CONSTRAINTS);
    const { nSplits, maxTrainSize, gap } = this.options;
    const nFolds = nSplits + 1;
    const testSize = this.options.testSize ?? Math.floor(nRows / nFolds);
    if (nFolds > nRows) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `TimeSeriesSplit cannot make ${nSplits} splits of ${nRows} rows (it needs nSplits + 1 = ${nFolds}). Lower nSplits.`,
      );
    }
    if (nRows - gap - testSize * nSplits <= 0) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `TimeSeriesSplit has too many splits (${nSplits}) for ${nRows} rows with testSize ${testSize} and gap ${gap}. Lower nSplits, testSize or gap.`,
      );
    }
    const folds: Fold[] = [];
    for (let testStart = nRows - nSplits * testSize; testStart < nRows; testStart += testSize) {
      const trainEnd = testStart - gap;
      const trainStart = maxTrainSize !== null && maxTrainSize < trainEnd ? trainEnd - maxTrainSize : 0;
      folds.push({
        train: Int32Array.from({ length: trainEnd - trainStart }, (_, i) => trainStart + i),
        test: Int32Array.from({ length: Math.min(testSize, nRows - testStart) }, (_, i) => testStart + i),
      });
    }
    return folds;
  }
}
