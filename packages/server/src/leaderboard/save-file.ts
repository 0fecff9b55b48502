import { rowsSha256 } from '../modelling/content-hash';
import type { FinalFitOutput } from '../modelling/final-fit';
import type { PreparedModelling } from '../modelling/prepare-modelling';
import { buildLineage } from '../models/build-lineage';
import { sealModelFile } from '../models/canonical';
import type { ModelFile, ModelThreshold } from '../models/model-file';
import type { Step } from '../recipes/steps';
import { VERSION } from '../version';

/** Where a saved version came from: a leaderboard row or a tuning trial (its id, and the CV scores to keep). */
export interface SaveOrigin {
  source: 'leaderboard' | 'tuning';
  id: string;
  /** CV mean of the primary metric per family (leaderboard) or of the saved trial (tuning). */
  familyScores: Record<string, number>;
}

/**
 * The model file of a version saved from a leaderboard or a tuning run: the refit, its holdout metrics and its
 * full lineage (the folds are the run's, so the lineage names the same CV the scores came from).
 */
export function buildSavedModelFile(args: {
  origin: SaveOrigin;
  modelling: PreparedModelling;
  family: string;
  params: Record<string, unknown>;
  output: FinalFitOutput;
  name: string;
  threshold: ModelThreshold | null;
  calibration: 'sigmoid' | 'isotonic' | null;
}): ModelFile {
  const { origin, modelling, output } = args;
  const { prepared, plan, cv } = modelling;
  const { dataset, input } = prepared;
  const testSize = plan.test.length / (plan.train.length + plan.test.length);
  // Fold of each training row (−1: validated by no fold), hashed: the folds can be rebuilt from seed and data.
  const assignment = new Int32Array(plan.train.length).fill(-1);
  plan.folds.forEach((fold, f) => {
    for (const p of fold.test) assignment[p] = f;
  });
  return sealModelFile({
    format: 'quarry-model-file',
    version: 1,
    model: {
      name: args.name,
      task: input.task,
      family: args.family,
      target: input.target.name,
      datasetId: dataset.id,
      datasetName: dataset.name,
      seed: input.seed,
      split: { strategy: plan.split, testSize, nTrain: output.nTrain, nTest: output.nTest },
      metrics: output.metrics,
      classes: output.classes,
      confusionMatrix: output.confusionMatrix,
      params: args.params,
      taskReason: prepared.taskReason,
      excluded: prepared.excluded,
      familyScores: origin.familyScores,
      droppedRows:
        input.target.kind === 'numeric'
          ? input.target.values.length - plan.rows.keep.length
          : input.target.codes.length - plan.rows.keep.length,
      fitSeconds: output.fitSeconds,
      codeVersion: VERSION,
      recipe:
        dataset.version > 1
          ? { rootDatasetId: dataset.rootId, version: dataset.version, steps: dataset.steps as Step[] }
          : null,
      createdAt: new Date().toISOString(),
      source: origin.source,
      lineage: buildLineage({
        dataset,
        input: { ...input, params: args.params },
        family: args.family,
        pipeline: output.pipeline,
        split: {
          strategy: plan.split,
          testSize,
          nTrain: output.nTrain,
          nTest: output.nTest,
          testRows: Int32Array.from(plan.test, (p) => plan.rows.keep[p]),
        },
        cv: {
          strategy: cv.strategy,
          k: cv.k,
          groupColumn: cv.groupColumn ?? null,
          timeColumn: cv.timeColumn ?? null,
          foldSizes: plan.folds.map((f) => f.test.length),
          assignmentSha256: rowsSha256(assignment),
        },
        imbalance: modelling.imbalance,
        metrics: output.metrics,
      }),
      threshold: args.threshold,
      calibration: args.calibration,
      leaderboardId: origin.source === 'leaderboard' ? origin.id : null,
      tuningId: origin.source === 'tuning' ? origin.id : null,
    },
    schema: { columns: prepared.schema },
    pipeline: output.pipeline,
    uncertainty: output.uncertainty ?? null,
  });
}
