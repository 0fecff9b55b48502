import type { DatasetSummary } from '../datasets/service';
import { rowsSha256, tableSha256 } from '../modelling/content-hash';
import type { Imbalance } from '../modelling/imbalance';
import type { Step } from '../recipes/steps';
import type { TrainInput } from '../training/types';
import { VERSION } from '../version';
import { describePipeline, type Lineage } from './lineage';

export interface LineageParts {
  dataset: DatasetSummary;
  input: Pick<TrainInput, 'features' | 'target' | 'seed' | 'params'>;
  family: string;
  pipeline: unknown;
  split: { strategy: string; testSize: number; nTrain: number; nTest: number; testRows: Int32Array };
  cv: Lineage['cv'];
  imbalance: Imbalance | null;
  metrics: Lineage['metrics'];
}

/** The lineage recorded in a model file: data (with a content hash), pipeline, parameters, seed, split, folds. */
export function buildLineage(parts: LineageParts): Lineage {
  const { dataset, input } = parts;
  return {
    dataset: {
      id: dataset.id,
      name: dataset.name,
      rootId: dataset.rootId,
      version: dataset.version,
      contentSha256: tableSha256([...input.features, input.target]),
      nRows: dataset.nRows,
    },
    target: input.target.name,
    pipeline: { family: parts.family, steps: describePipeline(parts.pipeline) },
    params: input.params,
    seed: input.seed,
    split: {
      strategy: parts.split.strategy,
      testSize: parts.split.testSize,
      nTrain: parts.split.nTrain,
      nTest: parts.split.nTest,
      testRowsSha256: rowsSha256(parts.split.testRows),
    },
    cv: parts.cv,
    imbalance: parts.imbalance,
    metrics: parts.metrics,
    codeVersion: VERSION,
    recipe:
      dataset.version > 1
        ? { rootDatasetId: dataset.rootId, version: dataset.version, steps: dataset.steps as Step[] }
        : null,
  };
}
