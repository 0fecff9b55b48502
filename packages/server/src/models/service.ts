import { randomUUID } from 'node:crypto';
import { httpError } from '../errors';
import type { Store } from '../store/db';
import type { PreparedTraining } from '../training/prepare';
import type { TrainOutput } from '../training/types';
import { VERSION } from '../version';
import type { ModelFile } from './model-file';

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
}

interface ModelRow {
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
  created_at: Date;
}

const toSummary = (r: ModelRow): ModelSummary => ({
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
});

/** Builds the saved form of a trained model from the request and the worker's output. */
export function buildModelFile(prepared: PreparedTraining, output: TrainOutput, name: string): ModelFile {
  const { input, dataset, schema } = prepared;
  return {
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
      createdAt: new Date().toISOString(),
    },
    schema: { columns: schema },
    pipeline: output.pipeline,
  };
}

/** The model registry: every trained model is a numbered version under its name. */
export class ModelService {
  constructor(private readonly store: Store) {}

  async create(args: {
    prepared: PreparedTraining;
    output: TrainOutput;
    name?: string;
  }): Promise<ModelSummary> {
    const { prepared } = args;
    const name = args.name ?? `${prepared.dataset.name}-${prepared.input.target.name}`;
    const file = buildModelFile(prepared, args.output, name);
    const id = randomUUID();
    // Version numbering and insert in one transaction, so two jobs finishing together get distinct versions.
    await this.store.transaction(async (c) => {
      const reader = await c.runAndReadAll(
        'SELECT coalesce(max(version), 0) + 1 AS v FROM models WHERE name = $1',
        [name],
      );
      const version = Number(reader.getRowObjectsJS()[0].v);
      const m = file.model;
      await c.run(
        `INSERT INTO models (id, name, version, task, family, target, dataset_id, dataset_name, seed, split, metrics, summary, artifact)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          name,
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
          JSON.stringify(file),
        ],
      );
    });
    return this.summary(id);
  }

  async list(): Promise<ModelSummary[]> {
    const rows = await this.store.all<ModelRow>(
      'SELECT * EXCLUDE (artifact, summary), NULL AS artifact FROM models ORDER BY created_at DESC, name, version DESC',
    );
    return rows.map(toSummary);
  }

  private async row(id: string): Promise<ModelRow> {
    const row = await this.store.one<ModelRow>('SELECT * FROM models WHERE id = $1', [id]);
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
    };
  }

  async file(id: string): Promise<ModelFile & { version: 1 }> {
    const row = await this.row(id);
    return JSON.parse(row.artifact) as ModelFile;
  }

  async remove(id: string): Promise<void> {
    await this.row(id);
    await this.store.run('DELETE FROM models WHERE id = $1', [id]);
  }
}
