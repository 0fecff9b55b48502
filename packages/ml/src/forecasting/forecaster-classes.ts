import type { EstimatorClass } from '../core/estimator';
import { AutoARIMA } from './auto-arima';
import { CombinationForecaster } from './combination-forecaster';
import { DampedHolt } from './damped-holt';
import { ETS } from './ets';
import { Holt } from './holt';
import { Naive } from './naive';
import { Naive2 } from './naive2';
import { OptimizedTheta } from './optimized-theta';
import { SeasonalNaive } from './seasonal-naive';
import { SimpleExpSmoothing } from './simple-exp-smoothing';
import { STLForecaster } from './stl-forecaster';
import { Theta } from './theta';

/** Every forecaster a saved model may name (spread into the serialization registry). */
export const FORECASTER_CLASSES: readonly EstimatorClass[] = [
  Naive,
  SeasonalNaive,
  Naive2,
  SimpleExpSmoothing,
  Holt,
  DampedHolt,
  ETS,
  Theta,
  OptimizedTheta,
  AutoARIMA,
  STLForecaster,
  CombinationForecaster,
];
