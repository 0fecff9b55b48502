import { Frame } from '../core/frame';
import { isLabels, takeLabels } from '../core/labels';
import type { Tabular, Target } from '../core/roles';

/** The rows at `indices` of a matrix or frame. */
export function takeRows<X extends Tabular>(X: X, indices: Int32Array): X {
  return (X instanceof Frame ? X.take(indices) : X.takeRows(indices)) as X;
}

/** The entries at `indices` of a target (labels keep their levels). */
export function takeTarget<Y extends Target>(y: Y, indices: Int32Array): Y {
  if (isLabels(y)) return takeLabels(y, indices) as Y;
  const out = new (y.constructor as Int32ArrayConstructor | Float64ArrayConstructor)(indices.length);
  for (let r = 0; r < indices.length; r++) out[r] = (y as Int32Array | Float64Array)[indices[r]];
  return out as Y;
}
