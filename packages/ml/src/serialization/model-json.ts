import type { Json } from './tagged-json';

export const MODEL_FORMAT = 'quarry-model';
export const MODEL_VERSION = 1;

/** A saved estimator: plain, versioned JSON. `state` is null for an unfitted estimator. */
// A type alias (not an interface) so it is assignable to `Json`.
export type ModelJson = {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  kind: string;
  params: Json;
  state: Json;
};
