import { randomUUID } from 'node:crypto';
import { formatOf } from '../datasets/formats';
import type { ColumnData } from '../datasets/service';
import type { PredictionLog } from '../monitoring/prediction-log';
import { csvField } from '../predict/safe-csv';
import type { SchemaColumn } from '../training/types';
import { cellWriters, logScored, toNumber, writeBatch } from './csv-batch-write';
import { type LoadedModel, scoreRows } from './model-cache';
import { type CsvBatch, type CsvFile, openCsv } from './strict-csv';

/** Rows scored, written and logged at a time: the answer streams out batch by batch, memory stays flat. */
export const BATCH_ROWS = 8192;

/** A decimal number as DuckDB's DOUBLE cast reads it and JavaScript's Number agrees on, spaces around allowed. */
const NUMBER = /^ *[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)? *$/;
/** A value whose ends DuckDB's trim and a space-only trim could treat differently (tabs, other blanks). */
const ODD_ENDS = /^\s|\s$/;

/** A CSV upload the fast path has read and checked: what `scoreCsvBatch` streams. */
export interface CsvBatchPlan {
  csv: CsvFile;
  nRows: number;
  /** Per schema feature, its column in the file. */
  featureAt: number[];
  /** Per file column: the schema feature it is when the model reads it as a number, else -1. */
  numericFeature: Int32Array;
  /** Per file column that is no feature: 1 when every value is a number (echoed as a number, as DuckDB types it). */
  numbersOnly: Uint8Array;
  /** A small file's records, kept from the check so scoring does not read the file again (else null). */
  kept: CsvBatch[] | null;
}

/** Cells kept from the check (about 50 MB of strings at most); a larger file is read a second time instead. */
const KEEP_CELLS = 1_000_000;

const isText = (s: SchemaColumn) => s.categories !== undefined || s.type === 'text';

/**
 * Reads a CSV/TSV upload for batch scoring in this process (serving/strict-csv.ts; docs/decisions.md says why
 * that is safe for plain text) and checks it against the schema contract the way predict/schema-check.ts does
 * for the errors that block scoring. Null means "take the general path" (predict/service.ts: a child-process
 * parse, DuckDB, the full findings): another format, a model trained through a cleaning recipe, a feature
 * missing from the file, a value that is not a plain decimal number where a number belongs (the general path
 * answers 422 SCHEMA_MISMATCH, or reads it as DuckDB does), no data rows. The general path then gives exactly the
 * answer it always gave; this path gives the same predictions without a child process, DuckDB or a row object.
 */
export async function planCsvBatch(
  model: LoadedModel,
  upload: { path: string; fileName: string },
): Promise<CsvBatchPlan | null> {
  const format = formatOf(upload.fileName);
  if (format !== 'csv' && format !== 'tsv') return null;
  if ((model.file.model.recipe?.steps.length ?? 0) > 0) return null;
  const schema = model.file.schema.columns;
  if (!schema.every((s) => isText(s) || s.type === 'numeric')) return null;
  const csv = await openCsv(upload.path, upload.fileName, format === 'tsv' ? '\t' : undefined);
  const featureAt = schema.map((s) => csv.names.indexOf(s.name));
  if (featureAt.some((j) => j < 0)) return null;
  const numericFeature = new Int32Array(csv.names.length).fill(-1);
  schema.forEach((s, k) => {
    if (!isText(s)) numericFeature[featureAt[k]] = k;
  });
  const textAt = schema.flatMap((s, k) => (isText(s) ? [featureAt[k]] : []));
  const numberAt = schema.flatMap((s, k) => (isText(s) ? [] : [featureAt[k]]));
  const p = csv.names.length;
  const others = csv.names.flatMap((_, j) => (featureAt.includes(j) ? [] : [j]));
  const numbersOnly = new Uint8Array(p);
  for (const j of others) numbersOnly[j] = 1;
  let nRows = 0;
  let kept: CsvBatch[] | null = [];
  for await (const batch of csv.batches(BATCH_ROWS)) {
    const { nRows: m, cells } = batch;
    for (let i = 0; i < m; i++) {
      for (const j of numberAt) {
        const v = cells[i * p + j];
        if (v !== null && !(NUMBER.test(v) && Number.isFinite(Number(v)))) return null;
      }
      for (const j of textAt) {
        const v = cells[i * p + j];
        if (v !== null && ODD_ENDS.test(spaceTrim(v))) return null;
      }
      for (const j of others) {
        const v = cells[i * p + j];
        if (numbersOnly[j] === 1 && v !== null && !(NUMBER.test(v) && Number.isFinite(Number(v))))
          numbersOnly[j] = 0;
      }
    }
    nRows += m;
    if (kept !== null && nRows * p <= KEEP_CELLS) kept.push(batch);
    else kept = null;
  }
  return nRows === 0 ? null : { csv, nRows, featureAt, numericFeature, numbersOnly, kept };
}

/** Trims spaces only: DuckDB's trim() as the general path applies it to categories. */
function spaceTrim(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && v.charCodeAt(a) === 32) a++;
  while (b > a && v.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

/** The answer's added columns, named as predict/service.ts names them (suffixed when the file has the name). */
function outputColumns(model: LoadedModel, names: string[]) {
  const { classes, task, target } = model.file.model;
  const taken = [...names];
  const unique = (base: string) => {
    let name = base;
    for (let k = 2; taken.includes(name); k++) name = `${base}_${k}`;
    taken.push(name);
    return name;
  };
  const prediction = unique(`predicted_${target}`);
  const proba = task === 'classification' && classes !== null ? classes.map((c) => unique(`proba_${c}`)) : [];
  return { prediction, proba, unique };
}

/**
 * Scores a planned upload batch by batch and yields the answer as CSV text: a header, then `row_id`, the input
 * columns (numbers the model reads as numbers, the rest as read, text quoted and defused as predict/safe-csv.ts
 * does), the prediction, class probabilities and the 90% conformal set or interval. Every batch is logged as
 * the JSON route logs its rows. `done` runs when the stream ends or is abandoned (it deletes the upload).
 */
export async function* scoreCsvBatch(
  plan: CsvBatchPlan,
  model: LoadedModel,
  log: PredictionLog,
  done: () => Promise<void>,
): AsyncGenerator<string> {
  try {
    const { csv, featureAt } = plan;
    const schema = model.file.schema.columns;
    const { classes, target } = model.file.model;
    const cols = outputColumns(model, csv.names);
    let header: string | null = null;
    for await (const batch of plan.kept ?? csv.batches(BATCH_ROWS)) {
      const start = performance.now();
      const features = encodeBatch(batch.cells, batch.nRows, csv.names.length, schema, featureAt);
      const scored = scoreRows(model, features);
      if (header === null) {
        const u = scored.uncertainty;
        const percent = u === null ? '' : String(Math.round(u.level * 100));
        const extra =
          u === null
            ? []
            : 'sets' in u
              ? [cols.unique(`set_${target}_${percent}`)]
              : [cols.unique(`lower_${target}_${percent}`), cols.unique(`upper_${target}_${percent}`)];
        header = ['row_id', ...csv.names, cols.prediction, ...cols.proba, ...extra]
          .map((c) => csvField(c))
          .join(',');
        yield `${header}\r\n`;
      }
      const rowIds = Array.from({ length: batch.nRows }, () => randomUUID());
      const writers = cellWriters(features, plan);
      yield writeBatch(batch.cells, batch.nRows, writers, scored, classes, rowIds);
      logScored(
        log,
        model,
        batch,
        featureAt,
        writers,
        scored,
        rowIds,
        (performance.now() - start) / batch.nRows,
      );
    }
  } finally {
    await done();
  }
}

/** One batch's features, encoded as predict/service.ts encodes a file (codes against the training levels). */
function encodeBatch(
  cells: (string | null)[],
  n: number,
  p: number,
  schema: SchemaColumn[],
  featureAt: number[],
): ColumnData[] {
  return schema.map((s, k) => {
    const j = featureAt[k];
    if (!isText(s)) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = cells[i * p + j];
        values[i] = v === null ? Number.NaN : toNumber(v);
      }
      return { name: s.name, kind: 'numeric', values };
    }
    const levels = [...(s.categories ?? [])];
    const index = new Map(levels.map((l, c) => [l, c]));
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = cells[i * p + j];
      if (raw === null) {
        codes[i] = -1;
        continue;
      }
      const v = spaceTrim(raw);
      let code = index.get(v);
      if (code === undefined) {
        code = levels.length;
        levels.push(v);
        index.set(v, code);
      }
      codes[i] = code;
    }
    return { name: s.name, kind: 'categorical', codes, levels, ...(s.type === 'text' ? { text: true } : {}) };
  });
}
