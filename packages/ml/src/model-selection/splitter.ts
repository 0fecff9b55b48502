import type { Target } from '../core/roles';
import type { Fold } from './fold';
import type { Groups } from './groups';

/**
 * Anything that splits rows into folds: `KFold`, `StratifiedKFold`, `GroupKFold`, `StratifiedGroupKFold`,
 * `TimeSeriesSplit`. Each reads what it needs of `y` and `groups` and ignores the rest.
 */
export interface Splitter {
  split(nRows: number, y?: Target, groups?: Groups): Fold[];
}

export function isSplitter(value: unknown): value is Splitter {
  return typeof (value as Splitter | null)?.split === 'function';
}
