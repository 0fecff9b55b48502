import type { ColumnData } from '../datasets/service';
import type { PredictionLog } from '../monitoring/prediction-log';
import { csvField } from '../predict/safe-csv';
import type { CsvBatchPlan } from './csv-batch';
import { hashInputs } from './encode-rows';
import type { LoadedModel, RawScores } from './model-cache';

/**
 * Writing one scored batch of a CSV upload (csv-batch.ts): the answer's CSV lines, byte for byte what
 * predict/safe-csv.ts writes for the general path, and the prediction-log entries, as the JSON route logs rows.
 */

/** A text cell that csvField would change beyond quoting: a formula trigger first, or a quote inside. */
const NEEDS_CARE = /^[=+\-@\t\r\n]|"/;
const textCell = (v: string) => (NEEDS_CARE.test(v) ? csvField(v) : `"${v}"`);
const numberCell = (x: number) => (Number.isFinite(x) ? String(x) : '');

/**
 * Per file column, how its cells are written: a feature read as a number reuses the encoded value (no second
 * parse); text cells are rendered once per distinct value (categories repeat on nearly every row).
 */
class CellWriter {
  private readonly rendered = new Map<string, string>();
  private readonly json = new Map<string, string>();

  constructor(
    readonly values: Float64Array | null,
    readonly numbers: boolean,
  ) {}

  csv(v: string | null, i: number): string {
    if (v === null) return '';
    if (this.values !== null) return numberCell(this.values[i]);
    if (this.numbers) return numberCell(toNumber(v));
    let out = this.rendered.get(v);
    if (out === undefined) {
      out = textCell(v);
      this.rendered.set(v, out);
    }
    return out;
  }

  /** The logged value: the number the model read, or the text as read (JSON). */
  logged(v: string | null, i: number): string {
    if (v === null) return 'null';
    if (this.values !== null) return String(this.values[i]);
    let out = this.json.get(v);
    if (out === undefined) {
      out = JSON.stringify(v);
      this.json.set(v, out);
    }
    return out;
  }
}

export function cellWriters(features: ColumnData[], plan: CsvBatchPlan): CellWriter[] {
  return Array.from(plan.numericFeature, (k, j) => {
    const f = k < 0 ? null : features[k];
    return new CellWriter(f !== null && f.kind === 'numeric' ? f.values : null, plan.numbersOnly[j] === 1);
  });
}

export function writeBatch(
  cells: (string | null)[],
  n: number,
  writers: CellWriter[],
  scored: RawScores,
  classes: string[] | null,
  rowIds: string[],
): string {
  const p = writers.length;
  const { predictions, proba, uncertainty: u } = scored;
  const labels = classes?.map((c) => textCell(c)) ?? null;
  const k = proba === null || classes === null ? 0 : classes.length;
  const lines: string[] = new Array(n + 1);
  const parts: string[] = new Array(1 + p + 1 + k + 2);
  for (let i = 0; i < n; i++) {
    let at = 0;
    parts[at++] = `"${rowIds[i]}"`;
    for (let j = 0; j < p; j++) parts[at++] = writers[j].csv(cells[i * p + j], i);
    parts[at++] = labels === null ? numberCell(predictions[i]) : labels[predictions[i]];
    for (let c = 0; c < k; c++) parts[at++] = numberCell(proba![c * n + i]);
    if (u !== null && 'sets' in u && classes !== null)
      parts[at++] = csvField(u.sets[i].map((c) => classes[c]).join(' | '));
    else if (u !== null && 'lower' in u) {
      parts[at++] = numberCell(u.lower[i]);
      parts[at++] = numberCell(u.upper[i]);
    }
    parts.length = at;
    lines[i] = parts.join(',');
  }
  lines[n] = '';
  return lines.join('\r\n');
}

/** Logs a batch like the JSON route logs rows: the features in schema order (numbers as numbers), as JSON. */
export function logScored(
  log: PredictionLog,
  model: LoadedModel,
  batch: { nRows: number; cells: (string | null)[] },
  featureAt: number[],
  writers: CellWriter[],
  scored: RawScores,
  rowIds: string[],
  latencyMs: number,
): void {
  const { classes } = model.file.model;
  const p = writers.length;
  const n = batch.nRows;
  // The probabilities' JSON is written directly ('{"No":0.91,"Yes":0.09}'), each key quoted once.
  const keys = classes === null ? [] : classes.map((c, k) => `${k === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  const timeMs = Date.now();
  const values: string[] = new Array(featureAt.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < featureAt.length; k++) {
      const j = featureAt[k];
      values[k] = writers[j].logged(batch.cells[i * p + j], i);
    }
    const json = `[${values.join(',')}]`;
    const predicted = scored.predictions[i];
    let proba: string | null = null;
    if (classes !== null && scored.proba !== null) {
      proba = '';
      for (let c = 0; c < keys.length; c++) proba += keys[c] + JSON.stringify(scored.proba[c * n + i]);
      proba += '}';
    }
    log.add({
      rowId: rowIds[i],
      modelId: model.id,
      modelName: model.name,
      modelVersion: model.version,
      arm: 'direct',
      inputHash: hashInputs(json),
      inputs: json,
      prediction:
        classes !== null ? classes[predicted] : Number.isFinite(predicted) ? String(predicted) : null,
      proba,
      latencyMs,
      timeMs,
    });
  }
}

/**
 * A checked cell as a number: short unsigned integers (most numeric cells) summed digit by digit, which is exact
 * below 2^53; everything else by Number, which rounds a decimal string correctly as DuckDB does.
 */
export function toNumber(v: string): number {
  const n = v.length;
  if (n === 0 || n > 15) return Number(v);
  let x = 0;
  for (let i = 0; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(v);
    x = x * 10 + d;
  }
  return x;
}
