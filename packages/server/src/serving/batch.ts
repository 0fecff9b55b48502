import { randomUUID } from 'node:crypto';
import type { PredictionLog } from '../monitoring/prediction-log';
import { csvField } from '../predict/safe-csv';
import type { PredictionResult } from '../predict/service';
import { hashInputs, type JsonValue } from './encode-rows';
import type { LoadedModel } from './model-cache';

/**
 * Logs the rows of a batch-file prediction (scored by predict/service.ts) like API rows, so drift monitoring
 * sees batch traffic too. Returns the row ids, one per row, for the CSV's `row_id` column.
 */
export function logBatch(
  log: PredictionLog,
  model: LoadedModel,
  result: PredictionResult,
  latencyMs: number,
): string[] {
  const schema = model.file.schema.columns;
  const at = schema.map((c) => result.columns.indexOf(c.name));
  const predictionAt = result.columns.indexOf(result.predictionColumns[0]);
  const classes = model.file.model.classes;
  const probaAt = result.predictionColumns.slice(1).map((c) => result.columns.indexOf(c));
  // The probabilities' JSON is written directly ('{"No":0.91,"Yes":0.09}'), keys quoted once: the same text
  // JSON.stringify gives (a non-finite probability becomes null), without an object per row.
  const keys = classes === null ? [] : classes.map((c, k) => `${k === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  const withProba = classes !== null && probaAt.length > 0;
  const timeMs = Date.now();
  const perRow = latencyMs / Math.max(1, result.nRows);
  const n = result.rows.length;
  const inputs: JsonValue[] = new Array(at.length);
  const rowIds: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = result.rows[i];
    for (let j = 0; j < at.length; j++) inputs[j] = at[j] < 0 ? null : (row[at[j]] as JsonValue);
    const json = JSON.stringify(inputs);
    const rowId = randomUUID();
    const prediction = row[predictionAt];
    let proba: string | null = null;
    if (withProba) {
      proba = '';
      for (let k = 0; k < keys.length; k++) proba += keys[k] + JSON.stringify(row[probaAt[k]] ?? null);
      proba += '}';
    }
    log.add({
      rowId,
      modelId: model.id,
      modelName: model.name,
      modelVersion: model.version,
      arm: 'direct',
      inputHash: hashInputs(json),
      inputs: json,
      prediction: prediction === null || prediction === undefined ? null : String(prediction),
      proba,
      latencyMs: perRow,
      timeMs,
    });
    rowIds[i] = rowId;
  }
  return rowIds;
}

/** A text cell that predict/safe-csv.ts would change beyond quoting: a formula trigger first, or a quote inside. */
const NEEDS_CARE = /^[=+\-@\t\r\n]|"/;

/**
 * The batch answer as CSV, byte for byte what predict/safe-csv.ts's `toCsv` writes for `row_id` + the result's
 * columns (text quoted and defused, numbers as numbers), without copying each row to prepend its id: plain text
 * and finite numbers, nearly every cell, skip `csvField` (measured: 15 ms instead of 21 for 10 000 × 35 cells).
 */
export function batchCsv(result: PredictionResult, rowIds: string[]): string {
  const n = result.rows.length;
  const lines: string[] = new Array(n + 2);
  lines[0] = ['row_id', ...result.columns].map((c) => csvField(c)).join(',');
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = result.rows[i];
    cells.length = row.length + 1;
    cells[0] = csvField(rowIds[i]);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      cells[j + 1] =
        typeof v === 'number' && Number.isFinite(v)
          ? String(v)
          : typeof v === 'string' && !NEEDS_CARE.test(v)
            ? `"${v}"`
            : csvField(v);
    }
    lines[i + 1] = cells.join(',');
  }
  lines[n + 1] = '';
  return lines.join('\r\n');
}
