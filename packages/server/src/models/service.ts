import { randomUUID } from 'node:crypto';
import type { ModelCharts } from '../charts/types';
import { httpError } from '../errors';
import type { Step } from '../recipes/steps';
import type { Store } from '../store/db';
import { SerialQueue } from '../store/serial';
import type { PreparedTraining } from '../training/prepare';
import { prepareTarget, splitRows } from '../training/split';
import type { TrainOutput } from '../training/types';
import { VERSION } from '../version';
import { buildLineage } from './build-lineage';
import { sealModelFile } from './canonical';
import type { ModelFile } from './model-file';

export type Stage = 'draft' | 'production' | 'archived';
export type ModelSource = 'train' | 'leaderboard' | 'tuning' | 'import';

export interface ModelSummary {
  id: string;
  name: string;
  version: number;
  task: ModelFile['model']['task'];
  family: string;
  target: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  seed: number;
  split: ModelFile['model']['split'];
  metrics: ModelFile['model']['metrics'];
  stage: Stage;
  source: ModelSource;
}

export interface ModelRow {
  id: string;
  name: string;
  version: number;
  task: ModelSummary['task'];
  family: string;
  target: string;
  dataset_id: string;
  dataset_name: string;
  seed: bigint | number;
  split: string;
  metrics: string;
  artifact: string;
  charts: string | null;
  stage: Stage | null;
  source: ModelSource | null;
  created_at: Date;
}

export const toSummary = (r: ModelRow): ModelSummary => ({
  id: r.id,
  name: r.name,
  version: r.version,
  task: r.task,
  family: r.family,
  target: r.target,
  datasetId: r.dataset_id,
  datasetName: r.dataset_name,
  createdAt: new Date(r.created_at).toISOString(),
  seed: Number(r.seed),
  split: JSON.parse(r.split),
  metrics: JSON.parse(r.metrics),
  stage: r.stage ?? 'draft',
  source: r.source ?? 'train',
});

/** Builds the saved form of a trained model from the request and the worker's output (sealed with its hash). */
export function buildModelFile(prepared: PreparedTraining, output: TrainOutput, name: string): ModelFile {
  const { input, dataset, schema } = prepared;
  const rows = prepareTarget(input.target, input.task);
  const { test } = splitRows(rows, input);
  return sealModelFile({
    format: 'quarry-model-file',
    version: 1,
    model: {
      name,
      task: input.task,
      family: output.family,
      target: input.target.name,
      datasetId: dataset.id,
      datasetName: dataset.name,
      seed: input.seed,
      split: { strategy: output.split, testSize: input.testSize, nTrain: output.nTrain, nTest: output.nTest },
      metrics: output.metrics,
      classes: output.classes,
      confusionMatrix: output.confusionMatrix,
      params: input.params,
      taskReason: prepared.taskReason,
      excluded: prepared.excluded,
      familyScores: output.familyScores,
      members: output.members,
      droppedRows: output.droppedRows,
      fitSeconds: output.fitSeconds,
      codeVersion: VERSION,
      recipe:
        dataset.version > 1
          ? { rootDatasetId: dataset.rootId, version: dataset.version, steps: dataset.steps as Step[] }
          : null,
      createdAt: new Date().toISOString(),
      source: 'train',
      lineage: buildLineage({
        dataset,
        input,
        family: output.family,
        pipeline: output.pipeline,
        split: {
          strategy: output.split,
          testSize: input.testSize,
          nTrain: output.nTrain,
          nTest: output.nTest,
          testRows: Int32Array.from(test, (p) => rows.keep[p]),
        },
        cv: null,
        imbalance: null,
        metrics: output.metrics,
      }),
      threshold: null,
      calibration: null,
      leaderboardId: null,
    },
    schema: { columns: schema },
    pipeline: output.pipeline,
    uncertainty: output.uncertainty ?? null,
  });
}

/** The model registry: every saved model is a numbered version under its name, with a stage. */
export class ModelService {
  /** Version inserts, one at a time per model name (store/serial.ts: otherwise two can take the same number). */
  private readonly inserts = new SerialQueue();

  constructor(private readonly store: Store) {}

  async create(args: {
    prepared: PreparedTraining;
    output: TrainOutput;
    name?: string;
    charts?: ModelCharts | null;
    jobId?: string;
  }): Promise<ModelSummary> {
    const { prepared } = args;
    const name = args.name ?? `${prepared.dataset.name}-${prepared.input.target.name}`;
    return this.insert(buildModelFile(prepared, args.output, name), {
      charts: args.charts ?? null,
      source: 'train',
      jobId: args.jobId,
    });
  }

  /** Stores a model file as the next version of its name (numbering and insert in one transaction). */
  async insert(
    file: ModelFile,
    options: { charts: ModelCharts | null; source: ModelSource; jobId?: string },
  ): Promise<ModelSummary> {
    const id = randomUUID();
    const sealed = file.sha256 === undefined ? sealModelFile(file) : file;
    const m = sealed.model;
    // Version numbering and insert in one transaction, queued per name, so two jobs finishing together get
    // distinct versions.
    const release = await this.inserts.turn(m.name);
    const saved = this.store.transaction(async (c) => {
      const reader = await c.runAndReadAll(
        'SELECT coalesce(max(version), 0) + 1 AS v FROM models WHERE name = $1',
        [m.name],
      );
      const version = Number(reader.getRowObjectsJS()[0].v);
      await c.run(
        `INSERT INTO models (id, name, version, task, family, target, dataset_id, dataset_name, seed, split, metrics, summary, artifact)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          m.name,
          version,
          m.task,
          m.family,
          m.target,
          m.datasetId,
          m.datasetName,
          m.seed,
          JSON.stringify(m.split),
          JSON.stringify(m.metrics),
          JSON.stringify(m),
          JSON.stringify(sealed),
        ],
      );
      await c.run("INSERT INTO model_meta (model_id, stage, source, charts) VALUES ($1, 'draft', $2, $3)", [
        id,
        options.source,
        options.charts === null ? null : JSON.stringify(options.charts),
      ]);
      if (options.jobId !== undefined)
        await c.run('INSERT INTO model_jobs VALUES ($1, $2)', [id, options.jobId]);
    });
    saved.then(release, release);
    await saved;
    return this.summary(id);
  }

  async list(): Promise<ModelSummary[]> {
    const rows = await this.store.all<ModelRow>(
      `SELECT m.* EXCLUDE (artifact, summary), NULL AS artifact, NULL AS charts, x.stage, x.source
       FROM models m LEFT JOIN model_meta x ON x.model_id = m.id
       ORDER BY m.created_at DESC, m.name, m.version DESC`,
    );
    return rows.map(toSummary);
  }

  async row(id: string): Promise<ModelRow> {
    const row = await this.store.one<ModelRow>(
      `SELECT m.*, x.stage, x.source, x.charts FROM models m LEFT JOIN model_meta x ON x.model_id = m.id
       WHERE m.id = $1`,
      [id],
    );
    if (row === undefined) throw httpError('MODEL_NOT_FOUND', { id });
    return row;
  }

  async summary(id: string): Promise<ModelSummary> {
    return toSummary(await this.row(id));
  }

  async detail(id: string) {
    const row = await this.row(id);
    const file = JSON.parse(row.artifact) as ModelFile;
    return {
      ...toSummary(row),
      schema: file.schema,
      classes: file.model.classes,
      confusionMatrix: file.model.confusionMatrix,
      params: file.model.params,
      taskReason: file.model.taskReason,
      excluded: file.model.excluded,
      familyScores: file.model.familyScores,
      members: file.model.members ?? null,
      droppedRows: file.model.droppedRows,
      fitSeconds: file.model.fitSeconds,
      codeVersion: file.model.codeVersion,
      recipe: file.model.recipe ?? null,
      lineage: file.model.lineage ?? null,
      threshold: file.model.threshold ?? null,
      calibration: file.model.calibration ?? null,
      leaderboardId: file.model.leaderboardId ?? null,
      tuningId: file.model.tuningId ?? null,
      /** Conformal levels with their measured holdout coverage (the spread model stays server-side). */
      uncertainty:
        file.uncertainty == null
          ? null
          : {
              method: file.uncertainty.method,
              levels: file.uncertainty.levels,
              nHoldout: file.uncertainty.nHoldout,
            },
      sha256: file.sha256 ?? sealModelFile(file).sha256,
    };
  }

  /** The model file, always sealed (files saved before hashes existed get theirs here). */
  async file(id: string): Promise<ModelFile> {
    const file = JSON.parse((await this.row(id)).artifact) as ModelFile;
    return file.sha256 === undefined ? sealModelFile(file) : file;
  }

  async charts(id: string): Promise<ModelCharts> {
    const row = await this.row(id);
    if (row.charts === null)
      throw httpError('CHARTS_NOT_AVAILABLE', { name: row.name, version: row.version });
    return JSON.parse(row.charts) as ModelCharts;
  }

  /** Deletes a version only when `confirm` names it as `<name>-v<version>` (a guard against the wrong click). */
  async remove(id: string, confirm: string | undefined): Promise<void> {
    const row = await this.row(id);
    const expected = `${row.name}-v${row.version}`;
    if (confirm !== expected)
      throw httpError('CONFIRMATION_REQUIRED', { id, expected, name: row.name, version: row.version });
    await this.store.transaction(async (c) => {
      await c.run('DELETE FROM model_meta WHERE model_id = $1', [id]);
      await c.run('DELETE FROM models WHERE id = $1', [id]);
    });
  }

  /** Sets a version's stage. One production version per name: promoting one archives the one before. */
  async setStage(id: string, stage: Stage): Promise<ModelSummary> {
    const row = await this.row(id);
    await this.store.transaction(async (c) => {
      if (stage === 'production') {
        await c.run(
          `UPDATE model_meta SET stage = 'archived' WHERE stage = 'production'
             AND model_id IN (SELECT id FROM models WHERE name = $1 AND id <> $2)`,
          [row.name, id],
        );
      }
      await c.run(
        `INSERT INTO model_meta (model_id, stage, source) VALUES ($1, $2, $3)
         ON CONFLICT (model_id) DO UPDATE SET stage = excluded.stage`,
        [id, stage, row.source ?? 'train'],
      );
    });
    return this.summary(id);
  }
}
