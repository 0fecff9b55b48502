/**
 * The Academy curriculum: the lessons as data (catalog.ts, no engine import) and the pure computations behind
 * each lesson's interactive parts, which run `@quarry/ml` on seeded lab data — in the browser and in the tests.
 */
export * from './anomalies';
export * from './catalog';
export * from './cross-validation';
export * from './data-types';
export * from './distributions';
export * from './imbalance';
export { LESSON_SEED } from './lab-data';
export * from './leakage';
export * from './missing-values';
export * from './outliers';
export * from './profiling';
export type { Bin } from './stats';
export * from './text';
export * from './threshold';
export * from './time-series';
export * from './tuning';
export * from './visualisation';
