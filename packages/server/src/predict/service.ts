import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import type { ColumnData } from '../datasets/service';
import { httpError } from '../errors';
import type { ModelFile } from '../models/model-file';
import { writeFileAtomic } from '../store/atomic-file';
import { ident, Store } from '../store/db';
import type { PredictInput, PredictOutput } from '../training/types';
import { withUpload } from './load-upload';
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
  /** The conformal level predicted at, its columns, and the coverage measured on the holdout at training. */
  uncertainty: {
    level: number;
    method: string;
    columns: string[];
    holdoutCoverage: number | null;
  } | null;
}

export type RunPredict = (input: PredictInput) => Promise<PredictOutput>;

/**
 * Predicts for an uploaded file: load it (in a scratch in-memory DuckDB, never into the data sets), check it
 * against the training schema, encode it the way the model was trained, predict in the worker pool, and keep
 * the result (input columns + prediction + class probabilities) for download.
 */
/** A validation without prediction: the findings, and whether a prediction may go ahead. */
export interface ValidationResult {
  nRows: number;
  issues: SchemaIssue[];
  /** False when an error blocks prediction; warnings leave it true (the user may proceed). */
  canPredict: boolean;
}

/** Checks an upload against the model's schema contract without predicting (POST /models/:id/validate). */
export async function validateFile(
  file: ModelFile,
  upload: { path: string; fileName: string },
  options: { tmpDir: string; scratch: Store },
): Promise<ValidationResult> {
  return withUpload(file, upload, options, async (c, loaded) => {
    const issues = await checkSchema(
      c,
      loaded.model.table,
      loaded.model.columns,
      file.schema.columns,
      file.model.target,
    );
    return { nRows: loaded.nRows, issues, canPredict: !issues.some((i) => i.severity === 'error') };
  });
}

/**
 * Predicts for an uploaded file: load it, check it against the schema contract (errors stop here with a 422
 * carrying every finding), encode it the way the model was trained, predict in the worker pool (with conformal
 * intervals or sets at `level` when the model has them), and keep the result for download.
 */
export async function predictFile(
  file: ModelFile,
  upload: { path: string; fileName: string },
  options: { tmpDir: string; runPredict: RunPredict; scratch: Store; level?: number | null },
): Promise<PredictionResult> {
  const schema = file.schema.columns;
  return withUpload(file, upload, options, async (c, loaded) => {
    const { model, table } = loaded;
    const issues = await checkSchema(c, model.table, model.columns, schema, file.model.target);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw httpError('SCHEMA_MISMATCH', { detail: errors.map((e) => e.message).join(' ') }, { issues });
    }
    // One columnar read for every feature and, when the model reads the upload as it is (no recipe), for the
    // answer's input columns too (a query per feature cost a millisecond or more each, a second scan ~20 ms).
    const same = model.table === table;
    // Free text has no categories in its contract but is read as text (each document a new level).
    const asText = (s: (typeof schema)[number]) => s.categories !== undefined || s.type === 'text';
    const select = schema.map((s, j) =>
      asText(s) ? `trim(${ident(s.name)}) AS f${j}` : `${typedExpression(s.name, 'numeric')} AS f${j}`,
    );
    const columns = (
      await c.runAndReadAll(
        `SELECT ${[...select, ...(same ? inputSelect(loaded.columns) : [])].join(', ')} FROM ${ident(model.table)}`,
      )
    ).getColumnsJS();
    const features: ColumnData[] = schema.map((s, j) =>
      asText(s)
        ? encodeWithLevels(s.name, columns[j] as (string | null)[], s.categories ?? [])
        : {
            name: s.name,
            kind: 'numeric',
            values: Float64Array.from(columns[j], (v) => (v === null ? Number.NaN : Number(v))),
          },
    );
    const level = resolveLevel(file, options.level ?? null);
    const output = await options.runPredict({
      kind: 'predict',
      task: file.model.task,
      pipeline: file.pipeline,
      classes: file.model.classes,
      features,
      threshold: file.model.threshold?.value ?? null,
      uncertainty: level === null ? null : file.uncertainty,
      level,
    });
    const input = same
      ? transpose(columns.slice(schema.length) as CsvValue[][])
      : await readTyped(c, table, loaded.columns);
    return assemble(file, loaded.columns, input, output, issues);
  });
}

/**
 * The coverage level to predict at: the one asked for (it must be calibrated), else 90% when the model has
 * uncertainty, else none. A level the model was not calibrated for is a 400 that lists the ones it was.
 */
function resolveLevel(file: ModelFile, level: number | null): number | null {
  const levels = file.uncertainty?.levels.map((l) => l.level) ?? [];
  if (level === null) return levels.includes(0.9) ? 0.9 : null;
  if (!levels.some((l) => Math.abs(l - level) < 1e-9)) {
    throw httpError('BAD_PARAMETER', {
      detail:
        levels.length === 0
          ? 'This model has no calibrated intervals (it was saved before they existed); retrain it, or leave out level.'
          : `Coverage level ${level} is not calibrated for this model; use one of ${levels.join(', ')}.`,
    });
  }
  return level;
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

/** The upload's columns as the answer shows them: numbers cast, the rest as read. */
function inputSelect(columns: ColumnInfo[]): string[] {
  return columns.map(
    (col, j) => `${col.type === 'numeric' ? typedExpression(col.name, 'numeric') : ident(col.name)} AS i${j}`,
  );
}

async function readTyped(c: DuckDBConnection, table: string, columns: ColumnInfo[]) {
  const reader = await c.runAndReadAll(`SELECT ${inputSelect(columns).join(', ')} FROM ${ident(table)}`);
  return transpose(reader.getColumnsJS() as CsvValue[][]);
}

/** Columns to rows. Reading by column and transposing here is a third faster than DuckDB's row-wise conversion. */
function transpose(data: CsvValue[][]): CsvValue[][] {
  const n = data.length === 0 ? 0 : data[0].length;
  const rows: CsvValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: CsvValue[] = new Array(data.length);
    for (let j = 0; j < data.length; j++) row[j] = data[j][i];
    rows[i] = row;
  }
  return rows;
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
  const extra = output.uncertainty ?? null;
  const percent = extra === null ? '' : String(Math.round(extra.level * 100));
  const intervalColumns =
    extra?.lower !== undefined
      ? [unique(`lower_${file.model.target}_${percent}`), unique(`upper_${file.model.target}_${percent}`)]
      : [];
  const setColumns = extra?.sets !== undefined ? [unique(`set_${file.model.target}_${percent}`)] : [];
  const rows: CsvValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = input[i].map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
    const p = output.predictions[i];
    row.push(classes !== null ? classes[p] : p);
    if (output.proba !== null)
      for (let k = 0; k < probaColumns.length; k++) row.push(output.proba[k * n + i]);
    if (extra?.lower !== undefined && extra.upper !== undefined)
      row.push(finiteOrNull(extra.lower[i]), finiteOrNull(extra.upper[i]));
    // A set is written as its labels joined by ' | ' (e.g. 'setosa | versicolor').
    if (extra?.sets !== undefined && classes !== null)
      row.push(extra.sets[i].map((k) => classes[k]).join(' | '));
    rows[i] = row;
  }
  const numericColumns = [
    ...fileColumns.filter((c) => c.type === 'numeric').map((c) => c.name),
    ...(classes === null ? [predictionColumn] : []),
    ...probaColumns,
    ...intervalColumns,
  ];
  const predictionColumns = [predictionColumn, ...probaColumns, ...intervalColumns, ...setColumns];
  const measured = file.uncertainty?.levels.find((l) => l.level === extra?.level);
  return {
    predictionId: randomUUID(),
    nRows: n,
    columns: names,
    numericColumns,
    predictionColumns,
    rows,
    issues,
    uncertainty:
      extra === null || file.uncertainty == null
        ? null
        : {
            level: extra.level,
            method: file.uncertainty.method,
            columns: [...intervalColumns, ...setColumns],
            holdoutCoverage: measured?.holdoutCoverage ?? null,
          },
  };
}

/** An unbounded interval end (too few calibration rows for the level) is written as empty, not Infinity. */
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Keeps predictions on disk so a download works after a restart. */
export class PredictionService {
  private scratch: Promise<Store> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly tmpDir: string,
    private readonly runPredict: RunPredict,
  ) {}

  async validate(file: ModelFile, upload: { path: string; fileName: string }): Promise<ValidationResult> {
    this.scratch ??= Store.memory();
    return validateFile(file, upload, { tmpDir: this.tmpDir, scratch: await this.scratch });
  }

  /** `keep: false` skips saving the result for download (the batch API answers with the CSV itself). */
  async predict(
    file: ModelFile,
    upload: { path: string; fileName: string },
    level: number | null = null,
    { keep = true }: { keep?: boolean } = {},
  ): Promise<PredictionResult> {
    this.scratch ??= Store.memory();
    const result = await predictFile(file, upload, {
      tmpDir: this.tmpDir,
      runPredict: this.runPredict,
      scratch: await this.scratch,
      level,
    });
    if (!keep) return result;
    const dir = join(this.dataDir, 'predictions');
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(
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
