import type { CvRequest, SplitStrategy } from '../modelling/cv-plan';
import type { LeaderboardFamily } from '../modelling/families';
import type { Imbalance } from '../modelling/imbalance';
import type { PairedTest } from '../modelling/paired-test';
import type { ThresholdTuning } from '../modelling/threshold';
import type { Task } from '../training/types';

export interface MetricStats {
  mean: number | null;
  std: number | null;
  folds: (number | null)[];
}

export interface LeaderboardRow {
  family: LeaderboardFamily;
  rank: number;
  status: 'ok' | 'failed';
  error: string | null;
  params: Record<string, unknown>;
  metrics: Record<string, MetricStats>;
  holdout: Record<string, number | null>;
  fitSeconds: { mean: number; total: number };
  vsBaseline: PairedTest | null;
  vsLeader: PairedTest | null;
  flags: { isBaseline: boolean; isLeader: boolean; notBetterThanBaseline: boolean; tiedWithLeader: boolean };
  notes: string[];
  threshold: ThresholdTuning | null;
  calibration: { brier: number; probPred: number[]; probTrue: number[] } | null;
}

export type FoldSizes = { nFit: number; nValidation: number }[];

export interface Leaderboard {
  id: string;
  datasetId: string;
  datasetName: string;
  datasetVersion: number;
  target: string;
  task: Task;
  classes: string[] | null;
  positiveClass: string | null;
  metric: string;
  metrics: string[];
  seed: number;
  cv: CvRequest & { folds: FoldSizes };
  split: { strategy: SplitStrategy; testSize: number; nTrain: number; nTest: number };
  imbalance: Imbalance | null;
  baseline: 'dummy';
  leader: LeaderboardFamily;
  rows: LeaderboardRow[];
  createdAt: string;
}
