import type { ParamConstraints } from '../core/params';

export type MaxFeatures = number | 'sqrt' | 'log2' | null;

/** The parameters both decision trees share (camelCase of scikit-learn's). */
export interface TreeParams {
  /** null grows until leaves are pure or too small. */
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features tried per split: all (null), 'sqrt', 'log2', a count (int ≥ 1) or a fraction (float in (0, 1)). */
  maxFeatures: MaxFeatures;
  /** Seeds the per-node feature order (ties between equally good features are broken by it). */
  randomState: number;
}

export const TREE_DEFAULTS: TreeParams = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: null,
  randomState: 0,
};

export const TREE_CONSTRAINTS: ParamConstraints = {
  maxDepth: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }, { type: 'null' }],
  minSamplesSplit: [{ type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  minSamplesLeaf: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  maxFeatures: [
    { type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' },
    { type: 'float', min: 0, max: 1, closed: 'neither' },
    { type: 'options', values: ['sqrt', 'log2'] },
    { type: 'null' },
  ],
  randomState: [{ type: 'int', min: 0, max: 4294967295 }],
};

/** The number of features to try per split. */
export function resolveMaxFeatures(maxFeatures: MaxFeatures, nFeatures: number): number {
  if (maxFeatures === null) return nFeatures;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (Number.isInteger(maxFeatures)) return Math.min(nFeatures, maxFeatures);
  return Math.max(1, Math.floor(maxFeatures * nFeatures));
}
