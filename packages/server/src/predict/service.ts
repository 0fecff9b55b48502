import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { formatOf, sniff } from '../datasets/formats';
import { loadTable } from '../datasets/ingest';
import type { ColumnData } from '../datasets/service';
import { xlsxToCsv } from '../datasets/xlsx-to-csv';
import { httpError } from '../errors';
import type { ModelFile } from '../models/model-file';
import { replayRecipe } from '../recipes/replay';
import { ident, Store } from '../store/db';
import type { PredictInput, PredictOutput } from '../training/types';
import { type CsvValue, toCsv } from './safe-csv';
import { checkSchema, type SchemaIssue } from './schema-check';

export interface PredictionResult {
  predictionId: string;
  nRows: number;
  columns: string[];
  /** Columns holding numbers (written as numbers in CSV). */
  numericColumns: string[];
  /** The columns the model added: the prediction, then one probability per class. */
  predictionColumns: string[];
  rows: CsvValue[][];
  issues: SchemaIssue[];
}

export type RunPredict = (input: PredictInput) => Promise<PredictOutput>;

/**
 * Predicts for an uploaded file: load it (in a scratch in-memory DuckDB, never into the data sets), check it
 * against the training schema, encode it the way the model was trained, predict in the worker pool, and keep
 * the result (input columns + prediction + class probabilities) for download.
 */
export async function predictFile(
  file: ModelFile,
  upload: { path: string; fileName: string },
  options: { tmpDir: string; runPredict: RunPredict; scratch: Store },
): Promise<PredictionResult> {
  const format = formatOf(upload.fileName);
  let path = upload.path;
  let loadFormat = format;
  if (format === 'xlsx') {
    await sniff(path, upload.fileName, format);
    path = join(options.tmpDir, `${randomUUID()}.csv`);
    await xlsxToCsv(upload.path, path, upload.fileName);
    loadFormat = 'csv';
  }
  const head = await sniff(path, upload.fileName, loadFormat);
  const table = `pred_${randomUUID().replaceAll('-', '')}`;
  const schema = file.schema.columns;
  const cleaned = `${table}_recipe`;
  return options.scratch.withConnection(async (c) => {
    try {
      const loaded = await loadTable(c, table, { path, fileName: upload.fileName, format: loadFormat, head });
      // A model trained on a cleaned version sees the file through the same recipe (row-removing steps aside).
      const steps = file.model.recipe?.steps ?? [];
      const model =
        steps.length === 0
          ? { table, columns: loaded.columns }
          : {
              table: cleaned,
              columns: (
                await replayRecipe(c, { table, columns: loaded.columns }, steps, {
                  mode: 'predict',
                  into: cleaned,
                })
              ).columns,
            };
      const issues = await checkSchema(c, model.table, model.columns, schema, file.model.target);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw httpError('SCHEMA_MISMATCH', { detail: errors.map((e) => e.message).join(' ') }, { issues });
      }
      const features: ColumnData[] = [];
      for (const s of schema) {
        if (s.categories !== undefined) {
          const values = (
            await c.runAndReadAll(`SELECT trim(${ident(s.name)}) AS v FROM ${ident(model.table)}`)
          ).getColumnsJS()[0] as (string | null)[];
          features.push(encodeWithLevels(s.name, values, s.categories));
        } else {
          const values = (
            await c.runAndReadAll(
              `SELECT ${typedExpression(s.name, 'numeric')} AS v FROM ${ident(model.table)}`,
            )
          ).getColumnsJS()[0];
          features.push({
            name: s.name,
            kind: 'numeric',
            values: Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v))),
          });
        }
      }
      const output = await options.runPredict({
        kind: 'predict',
        task: file.model.task,
        pipeline: file.pipeline,
        classes: file.model.classes,
        features,
        threshold: file.model.threshold?.value ?? null,
      });
      const input = await readTyped(c, table, loaded.columns);
      return assemble(file, loaded.columns, input, output, issues);
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${ident(table)}`);
      await c.run(`DROP TABLE IF EXISTS ${ident(cleaned)}`);
    }
  });
}

/** Codes relative to the training levels; categories never seen in training get codes after them. */
function encodeWithLevels(name: string, values: (string | null)[], training: string[]): ColumnData {
  const levels = [...training];
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = levels.length;
      levels.push(v);
      index.set(v, code);
    }
    return code;
  });
  return { name, kind: 'categorical', codes, levels };
}

async function readTyped(
  c: import('@duckdb/node-api').DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
) {
  const select = columns.map((col) => {
    const expr = col.type === 'numeric' ? typedExpression(col.name, 'numeric') : ident(col.name);
    return `${expr} AS ${ident(col.name)}`;
  });
  const reader = await c.runAndReadAll(`SELECT ${select.join(', ')} FROM ${ident(table)}`);
  return reader.getRowsJS() as CsvValue[][];
}

function assemble(
  file: ModelFile,
  fileColumns: ColumnInfo[],
  input: CsvValue[][],
  output: PredictOutput,
  issues: SchemaIssue[],
): PredictionResult {
  const { classes, task } = file.model;
  const n = output.predictions.length;
  const names = fileColumns.map((c) => c.name);
  const unique = (base: string) => {
    let name = base;
    for (let k = 2; names.includes(name); k++) name = `${base}_${k}`;
    names.push(name);
    return name;
  };
  const predictionColumn = unique(`predicted_${file.model.target}`);
  const probaColumns =
    task === 'classification' && classes !== null ? classes.map((cls) => unique(`proba_${cls}`)) : [];
  const rows: CsvValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = input[i].map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
    const p = output.predictions[i];
    row.push(classes !== null ? classes[p] : p);
    if (output.proba !== null)
      for (let k = 0; k < probaColumns.length; k++) row.push(output.proba[k * n + i]);
    rows[i] = row;
  }
  const numericColumns = [
    ...fileColumns.filter((c) => c.type === 'numeric').map((c) => c.name),
    ...(classes === null ? [predictionColumn] : []),
    ...probaColumns,
  ];
  const predictionColumns = [predictionColumn, ...probaColumns];
  return {
    predictionId: randomUUID(),
    nRows: n,
    columns: names,
    numericColumns,
    predictionColumns,
    rows,
    issues,
  };
}

/** Keeps predictions on disk so a download works after a restart. */
export class PredictionService {
  private scratch: Promise<Store> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly tmpDir: string,
    private readonly runPredict: RunPredict,
  ) {}

  async predict(file: ModelFile, upload: { path: string; fileName: string }): Promise<PredictionResult> {
    this.scratch ??= Store.memory();
    const result = await predictFile(file, upload, {
      tmpDir: this.tmpDir,
      runPredict: this.runPredict,
      scratch: await this.scratch,
    });
    const dir = join(this.dataDir, 'predictions');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, `${result.predictionId}.json`),
      JSON.stringify({ ...result, model: file.model.name }),
    );
    return result;
  }

  async csv(id: string, raw: boolean): Promise<{ csv: string; model: string }> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw httpError('PREDICTION_NOT_FOUND', { id: id.slice(0, 40) });
    let saved: PredictionResult & { model: string };
    try {
      saved = JSON.parse(await readFile(join(this.dataDir, 'predictions', `${id}.json`), 'utf8'));
    } catch {
      throw httpError('PREDICTION_NOT_FOUND', { id });
    }
    return { csv: toCsv(saved.columns, saved.rows, raw), model: saved.model };
  }

  async close(): Promise<void> {
    if (this.scratch !== null) (await this.scratch).close();
  }
}
