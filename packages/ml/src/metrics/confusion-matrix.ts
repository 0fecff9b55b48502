import { MlError } from '../core/errors';
import { checkPair } from './check-pair';

/** Counts per (actual, predicted) class: rows are actual classes, columns predicted ones, both 0..nClasses-1. */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, nClasses: number): number[][] {
  checkPair('confusionMatrix', yTrue.length, yPred.length);
  const counts = new Float64Array(nClasses * nClasses);
  for (let i = 0; i < yTrue.length; i++) {
    const a = yTrue[i];
    const p = yPred[i];
    if (!(a >= 0 && a < nClasses && p >= 0 && p < nClasses)) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `confusionMatrix got class ${a >= 0 && a < nClasses ? p : a} at row ${i}, outside 0..${nClasses - 1}. Pass the number of classes.`,
      );
    }
    counts[a * nClasses + p]++;
  }
  return Array.from({ length: nClasses }, (_, a) =>
    Array.from(counts.subarray(a * nClasses, (a + 1) * nClasses)),
  );
}
