import { MlError } from '../core/errors';
import { isLabels, type Labels } from '../core/labels';
import { validateParams } from '../core/params';
import { Rng } from '../core/rng';
import { type Fold, foldsFromAssignment } from './fold';
import { K_FOLD_CONSTRAINTS, type KFoldOptions } from './k-fold';

/**
 * K folds that keep class proportions (scikit-learn's `StratifiedKFold`, same allocation): the rows sorted by class
 * are dealt to folds round-robin, which fixes how many rows of each class each fold gets; each class's rows are
 * then assigned to folds in order (or shuffled, with `shuffle`).
 */
export class StratifiedKFold {
  readonly options: KFoldOptions;

  constructor(options: Partial<KFoldOptions> = {}) {
    this.options = { nSplits: 5, shuffle: false, randomState: 0, ...options };
  }

  split(nRows: number, y: Int32Array | Labels): Fold[] {
    validateParams('StratifiedKFold', this.options, K_FOLD_CONSTRAINTS);
    const { nSplits, shuffle, randomState } = this.options;
    const codes = isLabels(y) ? y.codes : y;
    if (codes.length !== nRows) {
      throw new MlError('SHAPE_MISMATCH', `StratifiedKFold got ${codes.length} classes for ${nRows} rows.`);
    }
    if (nRows < nSplits) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `StratifiedKFold cannot make ${nSplits} folds of ${nRows} rows. Lower nSplits or add rows.`,
      );
    }
    // Classes numbered by first appearance, as scikit-learn does, so folds match its folds.
    const distinct = [...new Set(codes)];
    const classOf = new Map(distinct.map((c, k) => [c, k]));
    const counts = new Int32Array(distinct.length);
    for (const c of codes) counts[classOf.get(c)!]++;
    if (Math.max(...counts) < nSplits) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `StratifiedKFold needs at least ${nSplits} rows in some class but the largest class has ${Math.max(...counts)}. Lower nSplits.`,
      );
    }
    // allocation[f * K + k]: rows of class k in fold f, from dealing the class-sorted rows round-robin.
    const K = distinct.length;
    const allocation = new Int32Array(nSplits * K);
    let position = 0;
    for (let k = 0; k < K; k++) {
      for (let r = 0; r < counts[k]; r++) allocation[(position++ % nSplits) * K + k]++;
    }
    const rng = new Rng(randomState);
    const testFold = new Int32Array(nRows);
    for (let k = 0; k < K; k++) {
      const foldsForClass = new Int32Array(counts[k]);
      let r = 0;
      for (let f = 0; f < nSplits; f++)
        for (let c = 0; c < allocation[f * K + k]; c++) foldsForClass[r++] = f;
      if (shuffle) rng.shuffle(foldsForClass);
      let next = 0;
      for (let i = 0; i < nRows; i++) if (classOf.get(codes[i]) === k) testFold[i] = foldsForClass[next++];
    }
    return foldsFromAssignment(testFold, nSplits);
  }
}
