import type { Metrics, SchemaColumn, Task } from '../training/types';

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
    split: { strategy: 'stratified' | 'random' | 'rows'; testSize: number; nTrain: number; nTest: number };
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
    createdAt: string;
  };
  schema: { columns: SchemaColumn[] };
  pipeline: unknown;
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
