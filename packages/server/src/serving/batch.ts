import { randomUUID } from 'node:crypto';
import type { PredictionLog } from '../monitoring/prediction-log';
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
  const timeMs = Date.now();
  const perRow = latencyMs / Math.max(1, result.nRows);
  return result.rows.map((row) => {
    const inputs = JSON.stringify(at.map((i) => (i < 0 ? null : (row[i] as JsonValue))));
    const rowId = randomUUID();
    const prediction = row[predictionAt];
    log.add({
      rowId,
      modelId: model.id,
      modelName: model.name,
      modelVersion: model.version,
      arm: 'direct',
      inputHash: hashInputs(inputs),
      inputs,
      prediction: prediction === null || prediction === undefined ? null : String(prediction),
      proba:
        classes === null || probaAt.length === 0
          ? null
          : JSON.stringify(Object.fromEntries(classes.map((c, k) => [c, row[probaAt[k]]]))),
      latencyMs: perRow,
      timeMs,
    });
    return rowId;
  });
}
