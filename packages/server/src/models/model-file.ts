import type { Step } from '../recipes/steps';
import type { Metrics, SchemaColumn, Task } from '../training/types';
import type { Uncertainty } from '../training/uncertainty';
import type { Lineage } from './lineage';

/**
 * A saved model: plain versioned JSON (never code). The registry stores it whole; `quarry train --out` writes
 * it to a file; `quarry predict` and the predict API read it. `pipeline` is the ML library's serialized form.
 */
export interface ModelFile {
  format: 'quarry-model-file';
  version: 1;
  model: {
    name: string;
    task: Task;
    family: string;
    target: string;
    datasetId: string;
    datasetName: string;
    seed: number;
    split: {
      strategy: 'stratified' | 'random' | 'rows' | 'group' | 'time';
      testSize: number;
      nTrain: number;
      nTest: number;
    };
    metrics: Metrics;
    classes: string[] | null;
    confusionMatrix: { labels: string[]; matrix: number[][] } | null;
    params: Record<string, unknown>;
    taskReason: string;
    excluded: { name: string; reason: string }[];
    familyScores: Record<string, number> | null;
    /** When 'auto' chose an ensemble: its member families and weights. */
    members?: { family: string; weight: number }[];
    droppedRows: number;
    fitSeconds: number;
    codeVersion: string;
    /** The cleaning recipe of the data-set version trained on (recipes/steps.ts); null for an upload as is. */
    recipe?: { rootDatasetId: string; version: number; steps: Step[] } | null;
    createdAt: string;
    /** Where the version came from, everything needed to reproduce it, and how it decides (models/lineage.ts). */
    source?: 'train' | 'leaderboard' | 'tuning' | 'import';
    lineage?: Lineage;
    threshold?: ModelThreshold | null;
    calibration?: 'sigmoid' | 'isotonic' | null;
    leaderboardId?: string | null;
    /** The tuning run a trial was saved from (source 'tuning'). */
    tuningId?: string | null;
  };
  schema: { columns: SchemaColumn[] };
  pipeline: unknown;
  /**
   * Conformal intervals / prediction sets, calibrated at training (training/uncertainty.ts). Added after
   * version 1 shipped, so it is optional: files without it load and predict as before, just without
   * interval or set columns (retrain to get them). The schema's per-column statistics are optional likewise.
   */
  uncertainty?: Uncertainty | null;
  /** SHA-256 of the canonical serialization of everything else (models/canonical.ts); checked on import. */
  sha256?: string;
}

/** A decision threshold saved with a binary classifier and applied at prediction. */
export interface ModelThreshold {
  value: number;
  positiveClass: string;
  goal: Record<string, unknown> | null;
}

export const MODEL_FILE_FORMAT = 'quarry-model-file';

export function isModelFile(value: unknown): value is ModelFile {
  const v = value as Partial<ModelFile> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === MODEL_FILE_FORMAT &&
    v.version === 1 &&
    typeof v.model === 'object' &&
    Array.isArray(v.schema?.columns) &&
    typeof v.pipeline === 'object'
  );
}
