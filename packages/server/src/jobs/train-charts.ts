import type { ModelCharts } from '../charts/types';
import type { PreparedTraining } from '../training/prepare';
import type { RunInPool } from '../training/run-training';
import { prepareTarget, splitRows } from '../training/split';
import type { TrainOutput } from '../training/types';

/** Charts of a model the train job just fitted, on the same holdout rows it was scored on (a pool task). */
export async function trainCharts(
  run: RunInPool,
  prepared: PreparedTraining,
  output: TrainOutput,
  signal: AbortSignal,
): Promise<ModelCharts> {
  const { input } = prepared;
  const { test } = splitRows(prepareTarget(input.target, input.task), input);
  return (await run(
    {
      kind: 'charts',
      task: input.task,
      pipeline: output.pipeline,
      features: input.features,
      target: input.target,
      rows: test,
      threshold: null,
      seed: input.seed,
    },
    { signal },
  )) as ModelCharts;
}
