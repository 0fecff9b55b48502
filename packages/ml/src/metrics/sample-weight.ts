import { MlError } from '../core/errors';

/** Checks optional per-row weights of a metric: one finite, non-negative weight per row. */
export function checkSampleWeight(
  name: string,
  sampleWeight: Float64Array | undefined,
  nRows: number,
): Float64Array | undefined {
  if (sampleWeight === undefined) return undefined;
  if (sampleWeight.length !== nRows) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${name} got ${sampleWeight.length} sample weights for ${nRows} rows. Pass one weight per row.`,
    );
  }
  for (let i = 0; i < nRows; i++) {
    if (!(Number.isFinite(sampleWeight[i]) && sampleWeight[i] >= 0)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${name} got sample weight ${sampleWeight[i]} at row ${i}. Weights must be finite and non-negative.`,
      );
    }
  }
  return sampleWeight;
}
