import type { InteractiveId } from '@quarry/academy/curriculum/catalog';
import type { ComponentType } from 'react';
import { AnomalyDetectorsPart, TfidfSentencePart, TopicsPart } from './parts-advanced';
import { ImputationPart, OutlierCutPart, ProfilePart } from './parts-cleaning';
import { ColumnTypesPart, LogTransformPart, ScatterTrendPart } from './parts-fundamentals';
import {
  CvFoldsPart,
  ImbalancePart,
  LeakageSplitPart,
  ThresholdPart,
  TreeDepthPart,
} from './parts-modelling';
import { BacktestPart, DecompositionPart } from './parts-time-series';

/** Every interactive part of the curriculum by its id in the lesson data. */
export const PARTS: Record<InteractiveId, ComponentType> = {
  'column-types': ColumnTypesPart,
  'log-transform': LogTransformPart,
  'scatter-trend': ScatterTrendPart,
  imputation: ImputationPart,
  'outlier-cut': OutlierCutPart,
  profile: ProfilePart,
  'leakage-split': LeakageSplitPart,
  'cv-folds': CvFoldsPart,
  threshold: ThresholdPart,
  'tree-depth': TreeDepthPart,
  imbalance: ImbalancePart,
  'tfidf-sentence': TfidfSentencePart,
  topics: TopicsPart,
  decomposition: DecompositionPart,
  backtest: BacktestPart,
  'anomaly-detectors': AnomalyDetectorsPart,
};
