import type { DetectInput } from '../anomalies/detect';
import type { ChartsInput } from '../charts/types';
import type { ForecastPanelInput } from '../forecasting/forecast-panel';
import type { ForecastSeriesInput } from '../forecasting/forecast-series';
import type { FinalFitInput } from '../modelling/final-fit';
import type { CellInput } from '../modelling/types';
import type { InspectInput } from '../models/inspect-pipeline';
import type { StructureInput } from '../structure/compute';
import type { TextTopicsInput } from '../text/topics';
import type { BlendInput, FoldInput, PredictInput, TrainInput } from '../training/types';

/** Every kind of task the worker pool runs (run-task.ts dispatches on `kind`). */
export type PoolTask =
  | TrainInput
  | FoldInput
  | BlendInput
  | PredictInput
  | CellInput
  | FinalFitInput
  | ChartsInput
  | InspectInput
  | ForecastSeriesInput
  | ForecastPanelInput
  | StructureInput
  | DetectInput
  | TextTopicsInput;
